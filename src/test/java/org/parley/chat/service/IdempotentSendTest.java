package org.parley.chat.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.parley.support.HeardEvents.awaitEvents;
import static org.parley.support.TestUsers.as;
import static org.parley.support.TestUsers.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.account.service.UserSummary;
import org.parley.base.service.InvalidInputException;
import org.parley.base.service.NotAllowedException;
import org.parley.base.service.UserEvent;
import org.parley.chat.domain.ConversationRepository;
import org.parley.friends.service.FriendService;
import org.parley.support.HeardEvents;
import org.parley.support.Scenarios;
import org.parley.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sending with a client-made message id: a client that sends the same message again (after a crash, a lost
 * answer, a reconnect) must not make a second message. Each call commits on its own, against the real
 * database (H2, or MariaDB in its CI run); callers are forged with {@link TestUsers#as}.
 */
@SpringBootTest
class IdempotentSendTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String ALREADY_USED = "This message id was already used.";

    @Autowired
    ChatService chat;

    @Autowired
    ConversationOverview overview;

    @Autowired
    ReadMarkers readMarkers;

    @Autowired
    FriendService friends;

    @Autowired
    TestUsers users;

    @Autowired
    Scenarios scenarios;

    @Autowired
    ConversationRepository conversations;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    HeardEvents heardEvents;

    @AfterEach
    void cleanUp() {
        heardEvents.close();
        SecurityContextHolder.clearContext();
    }

    @Test
    void the_same_message_sent_twice_with_its_id_is_stored_and_announced_once() {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");
        long conversation = scenarios.friendsWithConversation(ann, bob);
        List<UserEvent> bobHeard = heardEvents.listen(bob);

        String id = "5b0c6e0e-2d4f-4f4e-9c5a-1f2e3d4c5b6a";
        ChatMessageView first = as(ann, () -> chat.send(conversation, "Dinner at eight?", id));
        ChatMessageView again = as(ann, () -> chat.send(conversation, "Dinner at eight?", id));
        // A repeat is the message stored first, even should the client have changed the text in between.
        ChatMessageView edited = as(ann, () -> chat.send(conversation, "Dinner at nine?", id));

        for (ChatMessageView repeat : List.of(again, edited)) {
            assertThat(repeat.id()).isEqualTo(first.id());
            assertThat(repeat.body()).isEqualTo("Dinner at eight?");
            assertThat(repeat.sender()).isEqualTo(ann);
            assertThat(repeat.conversationId()).isEqualTo(conversation);
        }
        for (UserSummary member : List.of(ann, bob)) {
            assertThat(as(member, () -> chat.history(conversation, null, 50)))
                    .extracting(ChatMessageView::id, ChatMessageView::body)
                    .containsExactly(tuple(first.id(), "Dinner at eight?"));
        }
        assertThat(scenarios.unreadIn(bob, conversation))
                .as("Bob's badge counts the message once")
                .isEqualTo(1);
        // Bob's next news after the message is Ann's next one: the repeats were not announced.
        run(ann, () -> chat.send(conversation, "Let me know", "next-1"));
        assertThat(describe(awaitEvents(bobHeard, 2))).containsExactly("posted:Dinner at eight?", "posted:Let me know");
    }

    @Test
    void another_sender_using_the_same_id_sends_a_message_of_their_own() {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");
        long conversation = scenarios.friendsWithConversation(ann, bob);

        ChatMessageView hers = as(ann, () -> chat.send(conversation, "Hi Bob", "same-id"));
        ChatMessageView his = as(bob, () -> chat.send(conversation, "Hi Ann", "same-id"));

        assertThat(his.id()).isNotEqualTo(hers.id());
        assertThat(his.sender()).isEqualTo(bob);
        assertThat(as(ann, () -> chat.history(conversation, null, 50)))
                .extracting(ChatMessageView::body)
                .containsExactly("Hi Bob", "Hi Ann");
    }

    @Test
    void an_id_already_used_in_another_conversation_is_refused_and_nothing_is_stored_there() {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");
        UserSummary cat = users.create("cat");
        long withBob = scenarios.friendsWithConversation(ann, bob);
        long withCat = scenarios.friendsWithConversation(ann, cat);
        run(ann, () -> chat.send(withBob, "For Bob only", "id-1"));

        assertThatThrownBy(() -> run(ann, () -> chat.send(withCat, "For Cat", "id-1")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(ALREADY_USED);

        assertNothingStored(withCat, ann, cat);
        assertThat(as(bob, () -> chat.history(withBob, null, 50)))
                .extracting(ChatMessageView::body)
                .containsExactly("For Bob only");
        // A fresh id works there as usual.
        assertThat(as(ann, () -> chat.send(withCat, "For Cat", "id-2")).body()).isEqualTo("For Cat");
    }

    @Test
    void malformed_ids_are_refused_with_a_clear_message_and_nothing_is_stored() {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");
        long conversation = scenarios.friendsWithConversation(ann, bob);

        for (String bad : List.of(
                "x".repeat(65),
                "has space",
                "a/b",
                "dots.are.out",
                "ümlaut",
                "new\nline",
                "<script>",
                "semi;colon",
                " padded ")) {
            assertThatThrownBy(() -> run(ann, () -> chat.send(conversation, "hello", bad)))
                    .as(bad)
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage(
                            "A message id must be 1 to 64 characters, each a letter (A-Z, a-z), a digit, '-' or '_'.");
        }
        assertNothingStored(conversation, ann, bob);

        // 64 characters of the allowed kinds are fine, and case counts: "aB" and "Ab" are two ids.
        String longest = "A-z_09".repeat(10) + "abcd";
        assertThat(as(ann, () -> chat.send(conversation, "longest id", longest)).body())
                .isEqualTo("longest id");
        ChatMessageView lower = as(ann, () -> chat.send(conversation, "first", "aB"));
        ChatMessageView upper = as(ann, () -> chat.send(conversation, "second", "Ab"));
        assertThat(upper.id()).isNotEqualTo(lower.id());
    }

    @Test
    void without_an_id_or_with_a_blank_one_every_send_is_a_new_message() {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");
        long conversation = scenarios.friendsWithConversation(ann, bob);

        for (String none : Arrays.asList(null, null, "", "", "   ")) {
            run(ann, () -> chat.send(conversation, "again", none));
        }
        run(ann, () -> chat.send(conversation, "again"));

        assertThat(as(bob, () -> chat.history(conversation, null, 50))).hasSize(6);
        assertThat(scenarios.unreadIn(bob, conversation)).isEqualTo(6);
    }

    @Test
    void someone_outside_the_conversation_is_refused_as_before_whatever_id_they_send() {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");
        UserSummary mallory = users.create("mallory");
        long conversation = scenarios.friendsWithConversation(ann, bob);
        long malloryAndAnn = scenarios.friendsWithConversation(mallory, ann);
        run(ann, () -> chat.send(conversation, "private", "ann-1"));
        run(mallory, () -> chat.send(malloryAndAnn, "hello", "mallory-1"));

        run(mallory, () -> {
            for (String id : List.of("ann-1", "mallory-1", "fresh-1")) {
                assertThatThrownBy(() -> chat.send(conversation, "let me in", id))
                        .as(id)
                        .isInstanceOf(NotAllowedException.class)
                        .hasMessage("Conversation not found.");
            }
            // Ann's id is no key to Ann's message: in Mallory's own conversation it is just Mallory's own id.
            assertThat(chat.send(malloryAndAnn, "mine", "ann-1").body()).isEqualTo("mine");
        });

        assertThat(as(bob, () -> chat.history(conversation, null, 50)))
                .extracting(ChatMessageView::body)
                .containsExactly("private");
        assertThat(scenarios.unreadIn(bob, conversation)).isEqualTo(1);
    }

    @Test
    void a_sender_who_may_no_longer_write_is_refused_even_when_repeating_a_sent_message() {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");
        long conversation = scenarios.friendsWithConversation(ann, bob);
        run(ann, () -> chat.send(conversation, "before", "ann-1"));
        run(bob, () -> friends.removeFriend(ann.id()));

        // Permission first: the refusal she would get for any message, not the stored message.
        assertThatThrownBy(() -> run(ann, () -> chat.send(conversation, "before", "ann-1")))
                .isInstanceOf(NotAllowedException.class)
                .hasMessageContaining("You can't send messages here");
        assertThat(as(bob, () -> chat.history(conversation, null, 50)))
                .extracting(ChatMessageView::body)
                .containsExactly("before");
    }

    /*
     * Repeats racing each other: every sender reads its membership, then queues on the conversation lock,
     * which the test holds until all have had time to queue. Whichever goes first stores the message; the
     * others must then find it, not a second copy, nor a unique-index error for the sender.
     */
    @Test
    void the_same_id_sent_several_times_at_once_stores_one_message() throws Exception {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");
        long conversation = scenarios.friendsWithConversation(ann, bob);
        List<UserEvent> bobHeard = heardEvents.listen(bob);
        int senders = 4;
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);

        List<ChatMessageView> answers;
        try (ExecutorService threads = Executors.newFixedThreadPool(senders + 1)) {
            CompletableFuture<Void> holder = CompletableFuture.runAsync(
                    () -> transaction.executeWithoutResult(s -> {
                        conversations.lockById(conversation).orElseThrow();
                        locked.countDown();
                        try {
                            release.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }),
                    threads);
            assertThat(locked.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
            List<CompletableFuture<ChatMessageView>> sends = new ArrayList<>();
            for (int i = 0; i < senders; i++) {
                sends.add(CompletableFuture.supplyAsync(
                        () -> as(ann, () -> chat.send(conversation, "Only once, please", "race-1")), threads));
            }
            Thread.sleep(300); // all senders queue on the lock (H2 gives up waiting after a second or two)
            release.countDown();
            holder.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            answers = new ArrayList<>();
            for (CompletableFuture<ChatMessageView> send : sends) {
                answers.add(send.get(WAIT.toMillis(), TimeUnit.MILLISECONDS));
            }
        }

        assertThat(answers)
                .extracting(ChatMessageView::id)
                .containsOnly(answers.getFirst().id());
        assertThat(as(bob, () -> chat.history(conversation, null, 50)))
                .extracting(ChatMessageView::body)
                .containsExactly("Only once, please");
        assertThat(scenarios.unreadIn(bob, conversation)).isEqualTo(1);
        run(ann, () -> chat.send(conversation, "done"));
        assertThat(describe(awaitEvents(bobHeard, 2))).containsExactly("posted:Only once, please", "posted:done");
    }

    // ----------------------------------------------------------------------------------------------

    private static List<String> describe(List<UserEvent> events) {
        return events.stream()
                .map(event -> event instanceof MessagePosted posted
                        ? "posted:" + posted.message().body()
                        : event.toString())
                .toList();
    }

    private void assertNothingStored(long conversation, UserSummary sender, UserSummary receiver) {
        for (UserSummary member : List.of(sender, receiver)) {
            assertThat(as(member, () -> chat.history(conversation, null, 50))).isEmpty();
            assertThat(as(member, overview::conversations))
                    .filteredOn(c -> c.id() == conversation)
                    .singleElement()
                    .satisfies(c -> assertThat(c.lastMessage()).isNull());
            assertThat(scenarios.unreadIn(member, conversation)).isZero();
        }
        assertThat(scenarios.totalUnread(receiver)).isZero();
    }
}
