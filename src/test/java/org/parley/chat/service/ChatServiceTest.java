package org.parley.chat.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.parley.support.HeardEvents.awaitEvents;
import static org.parley.support.TestUsers.as;
import static org.parley.support.TestUsers.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.account.service.UserSummary;
import org.parley.base.service.InvalidInputException;
import org.parley.base.service.NotAllowedException;
import org.parley.base.service.UserEvent;
import org.parley.friends.service.FriendService;
import org.parley.friends.service.FriendsChanged;
import org.parley.support.HeardEvents;
import org.parley.support.Scenarios;
import org.parley.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Conversations against the real database, each call committed on its own (no {@code @Transactional}
 * here: live events go out only after a commit). Callers are forged with {@link TestUsers#as}.
 */
@SpringBootTest
class ChatServiceTest {

    private static final String NOT_FOUND = "Conversation not found.";
    private static final Duration WAIT = Duration.ofSeconds(10);

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
    PlatformTransactionManager transactionManager;

    @Autowired
    HeardEvents heardEvents;

    @AfterEach
    void cleanUp() {
        heardEvents.close();
        SecurityContextHolder.clearContext();
    }

    // ----------------------------------------------------------------------------------------------
    // Opening

    @Test
    void only_friends_can_start_a_conversation() {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");

        assertThatThrownBy(() -> run(ann, () -> chat.openDirect(bob.id())))
                .isInstanceOf(NotAllowedException.class)
                .hasMessage("You can only start a conversation with a friend.");
        run(ann, () -> friends.sendRequest(bob.id(), null));
        assertThatThrownBy(() -> run(bob, () -> chat.openDirect(ann.id())))
                .as("a pending request is not enough")
                .isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> run(ann, () -> chat.openDirect(ann.id())))
                .as("not with yourself")
                .isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> run(ann, () -> chat.openDirect(Long.MAX_VALUE)))
                .as("not with nobody")
                .isInstanceOf(NotAllowedException.class);
        assertThat(as(ann, overview::conversations)).isEmpty();
        assertThat(as(bob, overview::conversations)).isEmpty();

        run(bob, () -> friends.sendRequest(ann.id(), null));
        long conversation = as(ann, () -> chat.openDirect(bob.id()));

        assertThat(as(ann, () -> chat.openDirect(bob.id())))
                .as("one conversation per pair")
                .isEqualTo(conversation);
        assertThat(as(bob, () -> chat.openDirect(ann.id()))).isEqualTo(conversation);
        assertThat(as(bob, overview::conversations)).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo(conversation);
            assertThat(c.partner()).isEqualTo(ann);
            assertThat(c.lastMessage()).isNull();
        });
        assertThat(scenarios.unreadIn(bob, conversation)).isZero();
        ConversationDetails details = as(ann, () -> overview.details(conversation));
        assertThat(details.partner()).isEqualTo(bob);
        assertThat(details.canSend()).isTrue();
    }

    // ----------------------------------------------------------------------------------------------
    // Sending and history

    @Test
    void both_members_see_the_messages_in_the_order_they_were_sent() {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");
        long conversation = scenarios.friendsWithConversation(ann, bob);

        ChatMessageView first = as(ann, () -> chat.send(conversation, "Hi Bob"));
        ChatMessageView second = as(bob, () -> chat.send(conversation, "  Hi Ann!  "));
        ChatMessageView third = as(ann, () -> chat.send(conversation, "How are you?\nAll well here."));

        assertThat(second.body()).as("surrounding blanks trimmed").isEqualTo("Hi Ann!");
        assertThat(second.sender()).isEqualTo(bob);
        for (UserSummary reader : List.of(ann, bob)) {
            List<ChatMessageView> history = as(reader, () -> chat.history(conversation, null, 50));
            assertThat(history)
                    .extracting(ChatMessageView::body)
                    .containsExactly("Hi Bob", "Hi Ann!", "How are you?\nAll well here.");
            assertThat(history).extracting(ChatMessageView::id).containsExactly(first.id(), second.id(), third.id());
            assertThat(history).extracting(m -> m.sender().id()).containsExactly(ann.id(), bob.id(), ann.id());
            assertThat(history).allSatisfy(m -> assertThat(m.conversationId()).isEqualTo(conversation));
            assertThat(history).extracting(ChatMessageView::sentAt).isSorted();
        }
    }

    @Test
    void history_pages_back_from_the_newest_without_gaps_or_repeats() {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");
        long conversation = scenarios.friendsWithConversation(ann, bob);
        List<Long> sentIds = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            String body = "message " + i;
            sentIds.add(as(i % 3 == 0 ? bob : ann, () -> chat.send(conversation, body))
                    .id());
        }

        List<ChatMessageView> newest = as(bob, () -> chat.history(conversation, null, 50));
        assertThat(newest)
                .extracting(ChatMessageView::body)
                .containsExactlyElementsOf(
                        IntStream.range(70, 120).mapToObj(i -> "message " + i).toList());

        List<ChatMessageView> older =
                as(bob, () -> chat.history(conversation, newest.getFirst().id(), 50));
        assertThat(older)
                .extracting(ChatMessageView::body)
                .containsExactlyElementsOf(
                        IntStream.range(20, 70).mapToObj(i -> "message " + i).toList());

        List<ChatMessageView> oldest =
                as(bob, () -> chat.history(conversation, older.getFirst().id(), 50));
        assertThat(oldest)
                .extracting(ChatMessageView::body)
                .containsExactlyElementsOf(
                        IntStream.range(0, 20).mapToObj(i -> "message " + i).toList());

        assertThat(as(bob, () -> chat.history(conversation, oldest.getFirst().id(), 50)))
                .isEmpty();

        // Walking back with another page size meets every message exactly once too.
        List<Long> walked = new ArrayList<>();
        Long before = null;
        for (int guard = 0; guard < 50; guard++) {
            Long cursor = before;
            List<ChatMessageView> page = as(ann, () -> chat.history(conversation, cursor, 7));
            if (page.isEmpty()) {
                break;
            }
            assertThat(page.size()).isLessThanOrEqualTo(7);
            walked.addAll(0, page.stream().map(ChatMessageView::id).toList());
            before = page.getFirst().id();
        }
        assertThat(walked).containsExactlyElementsOf(sentIds);
        assertThat(new HashSet<>(walked)).hasSize(120);

        // Reading on from an old message (a search hit far back) meets every newer message once, oldest first.
        List<Long> forward = new ArrayList<>();
        long after = sentIds.get(9);
        for (int guard = 0; guard < 50; guard++) {
            long cursor = after;
            List<ChatMessageView> page = as(bob, () -> chat.historyAfter(conversation, cursor, 50));
            if (page.isEmpty()) {
                break;
            }
            forward.addAll(page.stream().map(ChatMessageView::id).toList());
            after = page.getLast().id();
        }
        assertThat(forward).containsExactlyElementsOf(sentIds.subList(10, 120));
    }

    @Test
    void empty_and_blank_messages_are_refused_and_nothing_is_stored() {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");
        long conversation = scenarios.friendsWithConversation(ann, bob);

        for (String blank : new String[] {null, "", "   ", " \n\t\r\n "}) {
            assertThatThrownBy(() -> run(ann, () -> chat.send(conversation, blank)))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("A message cannot be empty.");
        }

        assertNothingStored(conversation, ann, bob);
    }

    @Test
    void a_message_of_4001_characters_is_refused_and_4000_are_stored_whole() {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");
        long conversation = scenarios.friendsWithConversation(ann, bob);

        assertThatThrownBy(() -> run(ann, () -> chat.send(conversation, "a".repeat(4001))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("A message can be at most 4000 characters (it has 4001).");
        assertNothingStored(conversation, ann, bob);

        String longest = "é".repeat(3999) + "!";
        run(ann, () -> chat.send(conversation, longest));
        assertThat(as(bob, () -> chat.history(conversation, null, 50)))
                .singleElement()
                .extracting(ChatMessageView::body)
                .isEqualTo(longest);
    }

    @Test
    void html_and_other_characters_are_stored_exactly_as_typed() {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");
        long conversation = scenarios.friendsWithConversation(ann, bob);
        String html = "<b>bold</b> <script>alert('x')</script> <img src=x onerror=\"alert(1)\"> &amp; &lt; 'q' \"dq\"";
        String unicode = "Grüße aus Köln — ¿qué tal? 你好 👋🏽";
        String indented = "first line\n    indented code();\n\ttab";

        run(ann, () -> chat.send(conversation, html));
        run(ann, () -> chat.send(conversation, unicode));
        run(ann, () -> chat.send(conversation, indented));

        assertThat(as(bob, () -> chat.history(conversation, null, 50)))
                .extracting(ChatMessageView::body)
                .containsExactly(html, unicode, indented);
    }

    @Test
    void a_message_with_control_characters_is_refused() {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");
        long conversation = scenarios.friendsWithConversation(ann, bob);

        assertThatThrownBy(() -> run(ann, () -> chat.send(conversation, "bell \u0007 and null \u0000")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("A message contains control characters.");
        assertNothingStored(conversation, ann, bob);
    }

    // ----------------------------------------------------------------------------------------------
    // Forged callers

    @Test
    void someone_outside_the_conversation_can_neither_read_nor_write_it() {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");
        UserSummary mallory = users.create("mallory");
        long conversation = scenarios.friendsWithConversation(ann, bob);
        scenarios.friendsWithConversation(mallory, ann); // friends with a member is not membership
        run(ann, () -> chat.send(conversation, "private"));

        run(mallory, () -> {
            assertThatThrownBy(() -> chat.history(conversation, null, 50))
                    .isInstanceOf(NotAllowedException.class)
                    .hasMessage(NOT_FOUND);
            assertThatThrownBy(() -> chat.historyAfter(conversation, 0, 50))
                    .isInstanceOf(NotAllowedException.class)
                    .hasMessage(NOT_FOUND);
            assertThatThrownBy(() -> overview.details(conversation))
                    .isInstanceOf(NotAllowedException.class)
                    .hasMessage(NOT_FOUND);
            assertThatThrownBy(() -> chat.send(conversation, "let me in"))
                    .isInstanceOf(NotAllowedException.class)
                    .hasMessage(NOT_FOUND);
            readMarkers.markRead(conversation, readMarkers.unreadCounts()); // not hers to read: nothing happens
            // Same answer as for a conversation that does not exist: nothing is revealed.
            assertThatThrownBy(() -> chat.history(Long.MAX_VALUE, null, 50))
                    .isInstanceOf(NotAllowedException.class)
                    .hasMessage(NOT_FOUND);
            assertThat(overview.conversations())
                    .extracting(ConversationSummary::id)
                    .doesNotContain(conversation);
        });

        assertThat(as(bob, () -> chat.history(conversation, null, 50)))
                .extracting(ChatMessageView::body)
                .containsExactly("private");
        assertThat(scenarios.unreadIn(bob, conversation))
                .as("mallory's markRead did not clear Bob's badge")
                .isEqualTo(1);
    }

    @Test
    void calls_without_a_signed_in_user_are_refused() {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");
        long conversation = scenarios.friendsWithConversation(ann, bob);
        UnreadCounts bobsCounts = as(bob, readMarkers::unreadCounts);
        SecurityContextHolder.clearContext();

        for (Runnable call : List.<Runnable>of(
                () -> chat.openDirect(bob.id()),
                overview::conversations,
                () -> overview.details(conversation),
                () -> chat.history(conversation, null, 50),
                () -> chat.send(conversation, "anonymous"),
                () -> readMarkers.markRead(conversation, bobsCounts),
                readMarkers::unreadCounts)) {
            // Method security turns them away before the method runs (each method would refuse them too).
            assertThatThrownBy(call::run).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        }
        assertThat(as(bob, () -> chat.history(conversation, null, 50))).isEmpty();
    }

    // ----------------------------------------------------------------------------------------------
    // When they stop being friends

    @Test
    void after_unfriending_neither_can_send_but_both_can_still_read() {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");
        long conversation = scenarios.friendsWithConversation(ann, bob);
        run(ann, () -> chat.send(conversation, "before"));

        run(ann, () -> friends.removeFriend(bob.id()));

        assertSendRefusedForBoth(conversation, ann, bob);
        assertThat(as(bob, () -> overview.details(conversation))
                        .cannotSendReason()
                        .inEnglish())
                .isEqualTo("You can't send messages here: you and " + ann.displayName() + " are no longer friends.");
    }

    @Test
    void after_a_block_neither_can_send_but_both_can_still_read() {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");
        long conversation = scenarios.friendsWithConversation(ann, bob);
        run(ann, () -> chat.send(conversation, "before"));

        run(bob, () -> friends.block(ann.id()));

        assertSendRefusedForBoth(conversation, ann, bob);
        // Unblocking alone does not make them friends again.
        run(bob, () -> friends.unblock(ann.id()));
        assertSendRefusedForBoth(conversation, ann, bob);
    }

    @Test
    void becoming_friends_again_reopens_the_same_conversation() {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");
        long conversation = scenarios.friendsWithConversation(ann, bob);
        run(ann, () -> chat.send(conversation, "before"));
        run(ann, () -> friends.removeFriend(bob.id()));

        scenarios.makeFriends(ann, bob);

        assertThat(as(bob, () -> chat.openDirect(ann.id()))).isEqualTo(conversation);
        run(bob, () -> chat.send(conversation, "after"));
        assertThat(as(ann, () -> chat.history(conversation, null, 50)))
                .extracting(ChatMessageView::body)
                .containsExactly("before", "after");
    }

    // ----------------------------------------------------------------------------------------------
    // Unread counts and the conversation list

    @Test
    void unread_counts_grow_for_the_receiver_and_reset_when_read() {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");
        UserSummary carl = users.create("carl");
        long withAnn = scenarios.friendsWithConversation(ann, bob);
        long withCarl = scenarios.friendsWithConversation(carl, bob);

        run(ann, () -> chat.send(withAnn, "one"));
        run(ann, () -> chat.send(withAnn, "two"));
        run(ann, () -> chat.send(withAnn, "three"));
        run(carl, () -> chat.send(withCarl, "hello"));

        assertThat(scenarios.unreadIn(bob, withAnn)).isEqualTo(3);
        assertThat(scenarios.unreadIn(bob, withCarl)).isEqualTo(1);
        assertThat(scenarios.totalUnread(bob)).isEqualTo(4);
        assertThat(scenarios.unreadIn(ann, withAnn))
                .as("your own messages are not unread")
                .isZero();
        assertThat(scenarios.totalUnread(ann)).isZero();

        scenarios.markRead(bob, withAnn);

        assertThat(scenarios.unreadIn(bob, withAnn)).isZero();
        assertThat(scenarios.unreadIn(bob, withCarl)).isEqualTo(1);
        assertThat(scenarios.totalUnread(bob)).isEqualTo(1);

        run(ann, () -> chat.send(withAnn, "four"));
        assertThat(scenarios.unreadIn(bob, withAnn)).isEqualTo(1);
        assertThat(scenarios.totalUnread(bob)).isEqualTo(2);

        scenarios.markRead(bob, withAnn);
        scenarios.markRead(bob, withCarl);
        assertThat(scenarios.totalUnread(bob)).isZero();
        scenarios.markRead(bob, withCarl); // nothing left to read: harmless
        assertThat(scenarios.totalUnread(bob)).isZero();
    }

    @Test
    void conversation_list_is_ordered_by_last_activity_with_a_preview_of_the_last_message() {
        UserSummary me = users.create("me");
        UserSummary bob = users.create("bob");
        UserSummary carl = users.create("carl");
        UserSummary dora = users.create("dora");
        long withDora = scenarios.friendsWithConversation(me, dora); // opened first, never used
        long withCarl = scenarios.friendsWithConversation(me, carl);
        long withBob = scenarios.friendsWithConversation(me, bob);

        run(carl, () -> chat.send(withCarl, "Carl here"));
        run(me, () -> chat.send(withBob, "Bob, are you there?"));

        List<ConversationSummary> list = as(me, overview::conversations);
        assertThat(list).extracting(ConversationSummary::id).containsExactly(withBob, withCarl, withDora);
        assertThat(list.get(0).partner()).isEqualTo(bob);
        assertThat(list.get(0).lastMessage().inEnglish()).isEqualTo("Bob, are you there?");
        assertThat(list.get(0).lastMessageIsMine()).isTrue();
        assertThat(list.get(1).partner()).isEqualTo(carl);
        assertThat(list.get(1).lastMessage().inEnglish()).isEqualTo("Carl here");
        assertThat(list.get(1).lastMessageIsMine()).isFalse();
        assertThat(scenarios.unreadIn(me, withCarl)).isEqualTo(1);
        assertThat(list.get(2).partner()).isEqualTo(dora);
        assertThat(list.get(2).lastMessage()).isNull();

        String longMessage = "word ".repeat(40) + "end";
        run(carl, () -> chat.send(withCarl, "line one\n\n   line two"));
        run(carl, () -> chat.send(withCarl, longMessage));

        list = as(me, overview::conversations);
        assertThat(list).extracting(ConversationSummary::id).containsExactly(withCarl, withBob, withDora);
        assertThat(list.getFirst().lastMessage().inEnglish())
                .hasSize(80)
                .endsWith("…")
                .startsWith("word word");
        assertThat(scenarios.unreadIn(me, withCarl)).isEqualTo(3);

        run(carl, () -> chat.send(withCarl, "line one\n\n   line two"));
        assertThat(as(me, overview::conversations).getFirst().lastMessage().inEnglish())
                .as("preview on one line")
                .isEqualTo("line one line two");
        assertThat(as(carl, overview::conversations)).singleElement().satisfies(c -> {
            assertThat(c.partner()).isEqualTo(me);
            assertThat(c.lastMessageIsMine()).isTrue();
        });
    }

    // ----------------------------------------------------------------------------------------------
    // Live events. LiveEvents delivers on its own threads, in publication order per recipient, so a test
    // waits for what must arrive, and proves that something did not arrive by a later event that must.

    @Test
    void both_members_and_nobody_else_hear_of_a_new_message() {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");
        UserSummary carl = users.create("carl");
        long conversation = scenarios.friendsWithConversation(ann, bob);
        long annAndCarl = scenarios.friendsWithConversation(carl, ann);
        List<UserEvent> annHeard = heardEvents.listen(ann);
        List<UserEvent> bobHeard = heardEvents.listen(bob);
        List<UserEvent> carlHeard = heardEvents.listen(carl);

        ChatMessageView sent = as(ann, () -> chat.send(conversation, "live!"));

        for (List<UserEvent> heard : List.of(annHeard, bobHeard)) {
            assertThat(awaitEvents(heard, 1)).singleElement().isInstanceOfSatisfying(MessagePosted.class, posted -> {
                assertThat(posted.message().id()).isEqualTo(sent.id());
                assertThat(posted.message().body()).isEqualTo("live!");
                assertThat(posted.message().sender()).isEqualTo(ann);
                assertThat(posted.message().conversationId()).isEqualTo(conversation);
            });
        }

        // Reading clears the badge in the reader's other tabs; the writer hears only that it was seen.
        scenarios.markRead(bob, conversation);
        // Later news for each: Carl's first news is his own message, Ann's next is Carl's, then Bob's reply.
        run(carl, () -> chat.send(annAndCarl, "carl here"));
        run(bob, () -> chat.send(conversation, "reply"));

        assertThat(describe(awaitEvents(carlHeard, 1))).containsExactly("posted:carl here");
        assertThat(describe(awaitEvents(annHeard, 4)))
                .containsExactly("posted:live!", "seen:" + sent.id(), "posted:carl here", "posted:reply");
        assertThat(describe(awaitEvents(bobHeard, 3)))
                .containsExactly("posted:live!", "read:" + conversation + ":" + bob.id(), "posted:reply");
    }

    @Test
    void nothing_is_published_when_sending_is_refused() {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");
        UserSummary mallory = users.create("mallory");
        long conversation = scenarios.friendsWithConversation(ann, bob);
        List<UserEvent> annHeard = heardEvents.listen(ann);
        List<UserEvent> bobHeard = heardEvents.listen(bob);
        List<UserEvent> malloryHeard = heardEvents.listen(mallory);

        assertThatThrownBy(() -> run(ann, () -> chat.send(conversation, "  ")))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> run(ann, () -> chat.send(conversation, "x".repeat(4001))))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> run(mallory, () -> chat.send(conversation, "forged")))
                .isInstanceOf(NotAllowedException.class);
        scenarios.markRead(mallory, conversation); // not hers: nothing happens, nobody is told
        run(ann, () -> friends.removeFriend(bob.id()));
        assertThatThrownBy(() -> run(bob, () -> chat.send(conversation, "still there?")))
                .isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> run(ann, () -> chat.send(conversation, "hello?")))
                .isInstanceOf(NotAllowedException.class);
        // Later news that must arrive, after anything the refused calls might have published.
        run(ann, () -> friends.sendRequest(bob.id(), null));
        run(mallory, () -> friends.sendRequest(ann.id(), null));

        assertThat(describe(awaitEvents(bobHeard, 2)))
                .containsExactly("friends:FRIEND_REMOVED", "friends:REQUEST_SENT");
        assertThat(describe(awaitEvents(annHeard, 3)))
                .containsExactly("friends:FRIEND_REMOVED", "friends:REQUEST_SENT", "friends:REQUEST_SENT");
        assertThat(describe(awaitEvents(malloryHeard, 1))).containsExactly("friends:REQUEST_SENT");
    }

    @Test
    void a_message_is_announced_only_after_its_transaction_commits() throws InterruptedException {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");
        long conversation = scenarios.friendsWithConversation(ann, bob);
        List<UserEvent> bobHeard = heardEvents.listen(bob);
        List<List<String>> bobCouldReadWhenTold = new CopyOnWriteArrayList<>();
        heardEvents.listen(
                bob.id(),
                event -> bobCouldReadWhenTold.add(as(bob, () -> chat.history(conversation, null, 50)).stream()
                        .map(ChatMessageView::body)
                        .toList()));
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);

        // Rolled back after the send: it is not there, and (below) nobody ever hears of it.
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
                    run(ann, () -> chat.send(conversation, "never happened"));
                    throw new IllegalStateException("something later in the same transaction failed");
                }))
                .isInstanceOf(IllegalStateException.class);
        assertNothingStored(conversation, ann, bob);

        // Committed: not heard while the transaction is still open, heard once it has committed.
        List<Integer> heardBeforeCommit = new ArrayList<>();
        transaction.executeWithoutResult(status -> {
            run(ann, () -> chat.send(conversation, "did happen"));
            try {
                Thread.sleep(300); // time enough for a premature delivery to show
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            heardBeforeCommit.add(bobHeard.size());
        });
        assertThat(heardBeforeCommit).containsExactly(0);
        assertThat(describe(awaitEvents(bobHeard, 1)))
                .as("the rolled-back message never arrives")
                .containsExactly("posted:did happen");
        await().atMost(WAIT).until(() -> !bobCouldReadWhenTold.isEmpty());
        assertThat(bobCouldReadWhenTold)
                .as("when told, Bob can already read the message")
                .containsExactly(List.of("did happen"));
    }

    // ----------------------------------------------------------------------------------------------

    private static List<String> describe(List<UserEvent> events) {
        return events.stream()
                .map(event -> switch (event) {
                    case MessagePosted posted -> "posted:" + posted.message().body();
                    case ConversationRead read -> "read:" + read.conversationId() + ":" + read.userId();
                    case FriendsChanged changed -> "friends:" + changed.kind();
                    case MessagesSeen seen -> "seen:" + seen.upToMessageId();
                    default -> event.toString();
                })
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

    private void assertSendRefusedForBoth(long conversation, UserSummary ann, UserSummary bob) {
        for (UserSummary sender : List.of(ann, bob)) {
            assertThatThrownBy(() -> run(sender, () -> chat.send(conversation, "can you hear me?")))
                    .isInstanceOf(NotAllowedException.class)
                    .hasMessageContaining("You can't send messages here");
            assertThat(as(sender, () -> overview.details(conversation)).canSend())
                    .isFalse();
            assertThat(as(sender, () -> chat.history(conversation, null, 50)))
                    .extracting(ChatMessageView::body)
                    .containsExactly("before");
            assertThat(as(sender, overview::conversations))
                    .extracting(ConversationSummary::id)
                    .contains(conversation);
        }
    }
}
