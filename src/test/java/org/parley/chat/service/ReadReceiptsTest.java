package org.parley.chat.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.parley.support.HeardEvents.awaitEvents;
import static org.parley.support.TestUsers.as;
import static org.parley.support.TestUsers.run;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.account.service.AccountService;
import org.parley.account.service.UserSummary;
import org.parley.base.service.NotAllowedException;
import org.parley.base.service.UserEvent;
import org.parley.groups.service.GroupSummary;
import org.parley.support.HeardEvents;
import org.parley.support.Scenarios;
import org.parley.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * "Seen" in one-on-one conversations: how far the other has read, asked when a conversation opens and told live
 * when they read; only between two people who both send receipts, never in groups, never to an outsider. Callers
 * are forged with {@link TestUsers#as}.
 */
@SpringBootTest
class ReadReceiptsTest {

    @Autowired
    ReadReceipts receipts;

    @Autowired
    ChatService chat;

    @Autowired
    AccountService accounts;

    @Autowired
    TestUsers users;

    @Autowired
    Scenarios scenarios;

    @Autowired
    HeardEvents heardEvents;

    @AfterEach
    void cleanUp() {
        heardEvents.close();
        SecurityContextHolder.clearContext();
    }

    @Test
    void the_writer_sees_how_far_the_other_has_read_at_once_and_when_opening_the_conversation() {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");
        long conversation = scenarios.friendsWithConversation(ann, bob);
        as(ann, () -> chat.send(conversation, "one"));
        long two = as(ann, () -> chat.send(conversation, "two")).id();
        assertThat(as(ann, () -> receipts.seenUpTo(conversation)))
                .as("Bob has read nothing yet")
                .isZero();
        List<UserEvent> annHears = heardEvents.listen(ann);
        List<UserEvent> bobHears = heardEvents.listen(bob);

        scenarios.markRead(bob, conversation);

        assertThat(awaitEvents(annHears, 1)).containsExactly(new MessagesSeen(conversation, two, ann.id()));
        assertThat(as(ann, () -> receipts.seenUpTo(conversation))).isEqualTo(two);
        // Bob hears of his own read (his other tabs' badges), not of any receipt.
        assertThat(awaitEvents(bobHears, 1)).allMatch(ConversationRead.class::isInstance);
    }

    @Test
    void a_message_from_the_other_tells_that_they_have_read_up_to_it_and_stored_markers_agree() {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");
        long conversation = scenarios.friendsWithConversation(ann, bob);
        ChatMessageView annWrote = as(ann, () -> chat.send(conversation, "Lunch?"));
        ChatMessageView bobWrote = as(bob, () -> chat.send(conversation, "Yes"));

        assertThat(ReadReceipts.readUpToBySending(bobWrote, ann.id())).isEqualTo(bobWrote.id());
        assertThat(ReadReceipts.readUpToBySending(annWrote, ann.id()))
                .as("her own")
                .isNull();
        assertThat(as(ann, () -> receipts.seenUpTo(conversation)))
                .as("what the stored read marker says, on opening the conversation")
                .isEqualTo(bobWrote.id());
    }

    @Test
    void receipts_pass_only_between_two_who_both_send_them() {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");
        long conversation = scenarios.friendsWithConversation(ann, bob);
        run(bob, () -> accounts.setSendsReadReceipts(false));
        long fromAnn =
                as(ann, () -> chat.send(conversation, "Did you read this?")).id();
        List<UserEvent> annHears = heardEvents.listen(ann);

        scenarios.markRead(bob, conversation);
        assertThat(as(ann, () -> receipts.seenUpTo(conversation)))
                .as("Bob sends none")
                .isNull();
        assertThat(as(bob, () -> receipts.seenUpTo(conversation)))
                .as("so he sees none either")
                .isNull();
        long fromBob = as(bob, () -> chat.send(conversation, "Yes")).id();
        // What Ann hears next is Bob's answer, and no receipt came before it.
        assertThat(awaitEvents(annHears, 1)).singleElement().isInstanceOf(MessagePosted.class);

        // Turned back on by Bob, off by Ann: still none, either way.
        run(bob, () -> accounts.setSendsReadReceipts(true));
        run(ann, () -> accounts.setSendsReadReceipts(false));
        List<UserEvent> bobHears = heardEvents.listen(bob);
        scenarios.markRead(ann, conversation);
        assertThat(as(bob, () -> receipts.seenUpTo(conversation))).isNull();
        as(ann, () -> chat.send(conversation, "Good"));
        assertThat(awaitEvents(bobHears, 1)).singleElement().isInstanceOf(MessagePosted.class);

        // Both send again: how far each has read shows at once.
        run(ann, () -> accounts.setSendsReadReceipts(true));
        assertThat(as(ann, () -> receipts.seenUpTo(conversation))).isGreaterThanOrEqualTo(fromAnn);
        assertThat(as(bob, () -> receipts.seenUpTo(conversation))).isGreaterThanOrEqualTo(fromBob);
    }

    @Test
    void nobody_outside_a_conversation_learns_how_far_it_was_read_and_groups_have_no_receipts() {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");
        UserSummary eve = users.create("eve");
        long conversation = scenarios.friendsWithConversation(ann, bob);
        as(ann, () -> chat.send(conversation, "Just for Bob"));
        scenarios.markRead(bob, conversation);

        assertThatThrownBy(() -> as(eve, () -> receipts.seenUpTo(conversation)))
                .isInstanceOf(NotAllowedException.class)
                .hasMessage("Conversation not found.");
        assertThatThrownBy(() -> as(eve, () -> receipts.seenUpTo(Long.MAX_VALUE)))
                .isInstanceOf(NotAllowedException.class);

        GroupSummary group = scenarios.openGroup(ann, "Readers " + TestUsers.uniqueName("g"), "", bob, eve);
        List<UserEvent> annHears = heardEvents.listen(ann);
        as(ann, () -> chat.send(group.conversationId(), "Hello group"));
        awaitEvents(annHears, 1); // her own message
        scenarios.markRead(bob, group.conversationId());
        assertThat(as(ann, () -> receipts.seenUpTo(group.conversationId()))).isNull();
        assertThatThrownBy(() -> as(users.create("max"), () -> receipts.seenUpTo(group.conversationId())))
                .isInstanceOf(NotAllowedException.class);
        // What Ann hears next is Eve's message, and no receipt for Bob's read came before it.
        as(eve, () -> chat.send(group.conversationId(), "Hi"));
        assertThat(awaitEvents(annHears, 2).getLast()).isInstanceOf(MessagePosted.class);
        assertThat(annHears).noneMatch(MessagesSeen.class::isInstance);
    }
}
