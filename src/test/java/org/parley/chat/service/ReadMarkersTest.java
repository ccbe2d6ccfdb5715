package org.parley.chat.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.parley.support.HeardEvents.awaitEvents;
import static org.parley.support.TestUsers.as;
import static org.parley.support.TestUsers.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.account.service.UserSummary;
import org.parley.base.service.NotAllowedException;
import org.parley.base.service.UserEvent;
import org.parley.friends.service.FriendService;
import org.parley.friends.service.FriendsChanged;
import org.parley.groups.domain.ChatGroup.JoinPolicy;
import org.parley.groups.service.GroupModeration;
import org.parley.groups.service.GroupService;
import org.parley.groups.service.GroupSummary;
import org.parley.support.HeardEvents;
import org.parley.support.Scenarios;
import org.parley.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Unread counts kept as a count per conversation and a read marker per member (no row per member and message):
 * what each person's badges say after messages, reads, joining, leaving and being removed, read afresh from the
 * database and as a tab keeps them in memory from the live events alone. Callers are forged with
 * {@link TestUsers#as}.
 */
@SpringBootTest
class ReadMarkersTest {

    @Autowired
    ChatService chat;

    @Autowired
    ReadMarkers readMarkers;

    @Autowired
    GroupService groups;

    @Autowired
    GroupModeration moderation;

    @Autowired
    FriendService friends;

    @Autowired
    TestUsers users;

    @Autowired
    Scenarios scenarios;

    @Autowired
    HeardEvents heardEvents;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @AfterEach
    void cleanUp() {
        heardEvents.close();
        SecurityContextHolder.clearContext();
    }

    @Test
    void sending_counts_for_the_others_and_is_reading_for_the_sender() {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");
        long conversation = scenarios.friendsWithConversation(ann, bob);

        run(bob, () -> chat.send(conversation, "one"));
        run(bob, () -> chat.send(conversation, "two"));
        assertThat(scenarios.unreadIn(ann, conversation)).isEqualTo(2);
        assertThat(scenarios.unreadIn(bob, conversation)).isZero();

        // Ann answers without opening anything else: answering is reading.
        run(ann, () -> chat.send(conversation, "three"));
        assertThat(scenarios.unreadIn(ann, conversation)).isZero();
        assertThat(scenarios.unreadIn(bob, conversation)).isEqualTo(1);
    }

    @Test
    void a_member_who_joins_starts_with_nothing_unread_and_counts_from_then_on() {
        UserSummary owner = users.create("owner");
        UserSummary early = users.create("early");
        UserSummary late = users.create("late");
        GroupSummary club = scenarios.openGroup(owner, "Readers", "", early);
        long conversation = club.conversationId();
        for (int i = 0; i < 3; i++) {
            int n = i;
            run(owner, () -> chat.send(conversation, "before " + n));
        }

        run(late, () -> groups.join(club.id(), null));

        assertThat(scenarios.unreadIn(early, conversation)).isEqualTo(3);
        assertThat(scenarios.unreadIn(late, conversation))
                .as("what was said before joining")
                .isZero();
        assertThat(scenarios.unreadIn(owner, conversation))
                .as("system lines ('Late joined') do not count")
                .isZero();
        run(owner, () -> chat.send(conversation, "welcome"));
        assertThat(scenarios.unreadIn(late, conversation)).isEqualTo(1);
        assertThat(scenarios.unreadIn(early, conversation)).isEqualTo(4);
    }

    @Test
    void leaving_or_being_removed_takes_the_conversation_out_of_the_counts_and_rejoining_starts_afresh() {
        UserSummary owner = users.create("owner");
        UserSummary leaver = users.create("leaver");
        UserSummary removed = users.create("removed");
        GroupSummary club = scenarios.openGroup(owner, "Comings and goings", "", leaver, removed);
        long conversation = club.conversationId();
        run(owner, () -> chat.send(conversation, "unread by both"));
        assertThat(scenarios.totalUnread(leaver)).isEqualTo(1);
        UnreadCounts removedTab = as(removed, readMarkers::unreadCounts); // a tab left open
        List<UserEvent> removedHeard = heardEvents.listen(removed);

        run(leaver, () -> groups.leave(club.id()));
        run(owner, () -> moderation.removeMember(club.id(), removed.id(), null));
        run(owner, () -> chat.send(conversation, "after they went"));

        assertThat(scenarios.totalUnread(leaver))
                .as("left: nothing counts any more")
                .isZero();
        assertThat(scenarios.totalUnread(removed))
                .as("removed: nothing counts any more")
                .isZero();
        // The open tab still knows the conversation: reading it now changes nothing and tells nobody.
        run(removed, () -> readMarkers.markRead(conversation, removedTab));
        assertThat(scenarios.totalUnread(removed)).isZero();

        run(leaver, () -> groups.join(club.id(), null));
        assertThat(scenarios.totalUnread(leaver))
                .as("back, with nothing unread from before")
                .isZero();
        run(owner, () -> chat.send(conversation, "welcome back"));
        assertThat(scenarios.unreadIn(leaver, conversation)).isEqualTo(1);
        assertNothingReadReached(removedHeard, removed, owner);
    }

    /** A friend request sent now is the next thing {@code user} hears: no read was told to them before it. */
    private void assertNothingReadReached(List<UserEvent> heard, UserSummary user, UserSummary other) {
        run(other, () -> friends.sendRequest(user.id(), null));
        await().atMost(Duration.ofSeconds(10)).until(() -> heard.stream().anyMatch(FriendsChanged.class::isInstance));
        assertThat(heard).noneMatch(ConversationRead.class::isInstance);
    }

    @Test
    void reading_tells_the_readers_own_tabs_and_the_writer_a_receipt_only_when_something_was_unread() {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");
        long conversation = scenarios.friendsWithConversation(ann, bob);
        run(ann, () -> chat.send(conversation, "hello"));
        List<UserEvent> annHeard = heardEvents.listen(ann);
        List<UserEvent> bobHeard = heardEvents.listen(bob);

        scenarios.markRead(bob, conversation);
        scenarios.markRead(bob, conversation); // nothing left: no write, no event
        run(ann, () -> chat.send(conversation, "marker")); // later news for both, to know all has arrived

        assertThat(awaitEvents(bobHeard, 2)).first().isEqualTo(new ConversationRead(conversation, bob.id(), 1));
        // Ann is told nothing of Bob's counts: only a receipt for her message (ReadReceiptsTest), once.
        assertThat(awaitEvents(annHeard, 2))
                .satisfiesExactly(
                        seen -> assertThat(seen).isInstanceOf(MessagesSeen.class),
                        posted -> assertThat(posted).isInstanceOf(MessagePosted.class));
    }

    @Test
    void nobody_can_read_for_someone_else_or_read_what_they_are_not_in() {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");
        UserSummary mallory = users.create("mallory");
        long conversation = scenarios.friendsWithConversation(ann, bob);
        run(ann, () -> chat.send(conversation, "for Bob only"));
        UnreadCounts bobsCounts = as(bob, readMarkers::unreadCounts);

        List<UserEvent> malloryHeard = heardEvents.listen(mallory);
        scenarios.markRead(mallory, conversation); // her counts do not know it: nothing to read
        assertThatThrownBy(() -> run(mallory, () -> readMarkers.markRead(conversation, bobsCounts)))
                .as("reading with Bob's counts")
                .isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> run(mallory, () -> readMarkers.reload(bobsCounts)))
                .as("someone else's counts filled with Mallory's")
                .isInstanceOf(NotAllowedException.class);
        assertThat(as(mallory, readMarkers::unreadCounts).total()).isZero();
        SecurityContextHolder.clearContext();
        assertThatThrownBy(() -> readMarkers.markRead(conversation, bobsCounts))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(readMarkers::unreadCounts).isInstanceOf(AuthenticationCredentialsNotFoundException.class);

        assertThat(scenarios.unreadIn(bob, conversation))
                .as("still unread for Bob")
                .isEqualTo(1);
        assertThat(bobsCounts.unread(conversation)).isEqualTo(1);
        assertNothingReadReached(malloryHeard, mallory, ann);
    }

    @Test
    void a_read_racing_new_messages_never_moves_the_marker_back_nor_loses_a_message() throws Exception {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");
        long conversation = scenarios.friendsWithConversation(ann, bob);
        int messages = 40;
        try (ExecutorService threads = Executors.newFixedThreadPool(3)) {
            List<Future<?>> running = new ArrayList<>();
            running.add(threads.submit(() -> {
                for (int i = 0; i < messages; i++) {
                    int n = i;
                    run(ann, () -> chat.send(conversation, "m" + n));
                }
            }));
            for (int reader = 0; reader < 2; reader++) {
                running.add(threads.submit(() -> {
                    for (int i = 0; i < messages; i++) {
                        scenarios.markRead(bob, conversation);
                    }
                }));
            }
            for (Future<?> done : running) {
                done.get();
            }
        }
        long left = scenarios.unreadIn(bob, conversation);
        scenarios.markRead(bob, conversation);
        assertThat(scenarios.unreadIn(bob, conversation)).isZero();
        run(ann, () -> chat.send(conversation, "one more"));
        assertThat(scenarios.unreadIn(bob, conversation))
                .as("%d were left before the last read", left)
                .isEqualTo(1);
    }

    /**
     * The timer's flush has taken Bob's read and is still writing it (held here by a lock on his marker's row) when
     * Bob looks at his counts: the look waits for that write instead of reading the marker from before it.
     */
    @Test
    void ones_own_counts_include_a_read_that_is_being_written_right_now() throws Exception {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");
        long conversation = scenarios.friendsWithConversation(ann, bob);
        run(ann, () -> chat.send(conversation, "are you there?"));
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            Future<?> lock = threads.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
                jdbc.queryForList(
                        "select read_count from conversation_member where conversation_id = ? and user_id = ?"
                                + " for update",
                        conversation,
                        bob.id());
                locked.countDown();
                await().until(() -> release.await(5, TimeUnit.SECONDS));
            }));
            locked.await();
            run(bob, () -> readMarkers.markRead(conversation, readMarkers.unreadCounts()));
            Thread.sleep(ReadMarkerWriter.FLUSH_MILLIS + 100); // the timer's flush now waits for the lock
            threads.submit(() -> {
                Thread.sleep(300);
                release.countDown();
                return null;
            });
            assertThat(scenarios.unreadIn(bob, conversation)).isZero();
            lock.get();
        }
    }

    /**
     * A tab reads its counts once and then follows the live events alone. After every step of a random mix of
     * messages (people's and system lines), reads, sends from another tab and a join, the tab's counts equal
     * the database's.
     */
    @Test
    void a_tab_keeps_its_counts_from_the_events_alone_and_they_match_the_database() {
        UserSummary me = users.create("me");
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");
        UserSummary newcomer = users.create("newcomer");
        long withAnn = scenarios.friendsWithConversation(ann, me);
        GroupSummary club = scenarios.groupWithMembers(ann, "Mix", "", JoinPolicy.OPEN, me, bob);
        List<Long> conversations = List.of(withAnn, club.conversationId());

        List<UserEvent> heard = new CopyOnWriteArrayList<>();
        heardEvents.listen(me.id(), heard::add);
        UnreadCounts tab = as(me, readMarkers::unreadCounts);
        Random random = new Random(20261201);
        for (int step = 0; step < 60; step++) {
            long conversation = conversations.get(random.nextInt(conversations.size()));
            int n = step;
            switch (random.nextInt(5)) {
                case 0, 1 ->
                    run(
                            conversation == withAnn || random.nextBoolean() ? ann : bob,
                            () -> chat.send(conversation, "news " + n));
                case 2 -> scenarios.markRead(me, conversation);
                case 3 -> run(me, () -> chat.send(conversation, "mine " + n)); // from another tab of mine
                default -> {
                    if (step == 30) {
                        run(newcomer, () -> groups.join(club.id(), null)); // a system line
                    } else {
                        run(ann, () -> chat.send(club.conversationId(), "group news " + n));
                    }
                }
            }
            UnreadCounts fresh = as(me, readMarkers::unreadCounts);
            await().atMost(Duration.ofSeconds(10)).until(() -> caughtUp(heard, tab, fresh));
            for (long id : conversations) {
                assertThat(tab.unread(id))
                        .as("step %d, conversation %d", step, id)
                        .isEqualTo(fresh.unread(id));
            }
        }
        assertThat(heard).as("the tab heard events").hasSizeGreaterThan(20);
    }

    /**
     * Applies everything heard so far, again from the first: an event seen twice must change nothing. Answers
     * whether the tab's total has caught up with the database's.
     */
    private static boolean caughtUp(List<UserEvent> heard, UnreadCounts tab, UnreadCounts fresh) {
        for (UserEvent event : List.copyOf(heard)) {
            assertThat(tab.apply(event)).isNotEqualTo(UnreadCounts.Change.UNKNOWN_CONVERSATION);
        }
        return tab.total() == fresh.total();
    }
}
