package org.parley.chat.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.parley.support.HeardEvents.awaitEvents;
import static org.parley.support.TestUsers.as;
import static org.parley.support.TestUsers.run;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.account.service.UserSummary;
import org.parley.base.service.InvalidInputException;
import org.parley.base.service.NotAllowedException;
import org.parley.base.service.UserEvent;
import org.parley.chat.service.ChatMessageView.State;
import org.parley.groups.domain.GroupAdminLogEntry;
import org.parley.groups.service.AdminLogView;
import org.parley.groups.service.GroupModeration;
import org.parley.groups.service.GroupSummary;
import org.parley.support.HeardEvents;
import org.parley.support.Scenarios;
import org.parley.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recall, edit and removal: who may do which, until when, what everyone sees at once, and what is left in the
 * database. Callers are forged with {@link TestUsers#as}; a message is made older by moving its stored time.
 */
@SpringBootTest
class MessageChangesTest {

    @Autowired
    MessageChanges changes;

    @Autowired
    ChatService chat;

    @Autowired
    ConversationOverview overview;

    @Autowired
    AttachmentService attachments;

    @Autowired
    GroupModeration moderation;

    @Autowired
    TestUsers users;

    @Autowired
    Scenarios scenarios;

    @Autowired
    HeardEvents heardEvents;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @AfterEach
    void cleanUp() {
        heardEvents.close();
        SecurityContextHolder.clearContext();
    }

    @Test
    void the_sender_recalls_a_message_everyone_sees_it_gone_and_its_text_is_not_kept() {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");
        long conversation = scenarios.friendsWithConversation(ann, bob);
        long oops =
                as(ann, () -> chat.send(conversation, "Meant for someone else")).id();
        List<UserEvent> bobHears = heardEvents.listen(bob);
        assertThat(as(ann, () -> changes.actionsFor(oops))).isEqualTo(new MessageActions(true, true, false, true));

        ChatMessageView recalled = as(ann, () -> changes.recall(oops));

        assertThat(recalled.state()).isEqualTo(State.RECALLED);
        MessageChanged told = (MessageChanged) awaitEvents(bobHears, 1).getFirst();
        assertThat(told.message().id()).isEqualTo(oops);
        assertThat(told.message().state()).isEqualTo(State.RECALLED);
        assertThat(told.message().body()).isEmpty();
        assertThat(jdbc.queryForObject("select body from chat_message where id = ?", String.class, oops))
                .isEmpty();
        assertThat(as(bob, () -> chat.history(conversation, null, 50)))
                .singleElement()
                .satisfies(m -> assertThat(m.state()).isEqualTo(State.RECALLED));
        assertThat(as(bob, overview::conversations))
                .filteredOn(c -> c.id() == conversation)
                .singleElement()
                .satisfies(c -> assertThat(c.lastMessage().inEnglish()).isEqualTo("Message recalled"));
        assertThatThrownBy(() -> as(ann, () -> changes.recall(oops)))
                .as("once is enough")
                .isInstanceOf(NotAllowedException.class);
    }

    @Test
    void only_the_sender_recalls_or_edits_and_only_in_time() {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");
        UserSummary eve = users.create("eve");
        long conversation = scenarios.friendsWithConversation(ann, bob);
        long message = as(ann, () -> chat.send(conversation, "Hello")).id();

        assertThat(as(bob, () -> changes.actionsFor(message)))
                .as("Bob may only answer it")
                .isEqualTo(new MessageActions(false, false, false, true));
        assertThatThrownBy(() -> as(bob, () -> changes.recall(message)))
                .isInstanceOf(NotAllowedException.class)
                .hasMessage("Only your own messages can be recalled.");
        assertThatThrownBy(() -> as(bob, () -> changes.edit(message, "Goodbye")))
                .isInstanceOf(NotAllowedException.class)
                .hasMessage("Only your own text messages can be edited.");
        assertThatThrownBy(() -> as(bob, () -> changes.remove(message))).isInstanceOf(NotAllowedException.class);
        for (var attempt : List.<Runnable>of(
                () -> changes.recall(message), () -> changes.edit(message, "x"), () -> changes.remove(message))) {
            assertThatThrownBy(() -> run(eve, attempt))
                    .isInstanceOf(NotAllowedException.class)
                    .hasMessage("Message not found.");
        }
        assertThat(as(eve, () -> changes.actionsFor(message))).isEqualTo(MessageActions.NONE);

        sentAgo(message, Duration.ofMinutes(3));
        assertThatThrownBy(() -> as(ann, () -> changes.recall(message)))
                .isInstanceOf(NotAllowedException.class)
                .hasMessage("A message can be recalled only within 2 minutes of sending it.");
        assertThat(as(ann, () -> changes.edit(message, "Hello again")).body()).isEqualTo("Hello again");
        sentAgo(message, Duration.ofMinutes(16));
        assertThatThrownBy(() -> as(ann, () -> changes.edit(message, "Too late")))
                .isInstanceOf(NotAllowedException.class)
                .hasMessage("A message can be edited only within 15 minutes of sending it.");
        assertThat(as(ann, () -> changes.actionsFor(message))).isEqualTo(new MessageActions(false, false, false, true));
        assertThat(jdbc.queryForObject("select body from chat_message where id = ?", String.class, message))
                .isEqualTo("Hello again");
    }

    @Test
    void an_edit_shows_everyone_the_new_text_marked_edited_and_bad_text_changes_nothing() {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");
        long conversation = scenarios.friendsWithConversation(ann, bob);
        long message = as(ann, () -> chat.send(conversation, "See you at 5")).id();
        List<UserEvent> bobHears = heardEvents.listen(bob);

        as(ann, () -> changes.edit(message, "See you at 6"));

        MessageChanged told = (MessageChanged) awaitEvents(bobHears, 1).getFirst();
        assertThat(told.message().body()).isEqualTo("See you at 6");
        assertThat(told.message().state()).isEqualTo(State.EDITED);
        assertThat(as(bob, overview::conversations))
                .filteredOn(c -> c.id() == conversation)
                .singleElement()
                .satisfies(c -> assertThat(c.lastMessage().inEnglish()).isEqualTo("See you at 6"));
        for (String bad : new String[] {"", "   ", "x".repeat(ChatService.MAX_MESSAGE_LENGTH + 1)}) {
            assertThatThrownBy(() -> as(ann, () -> changes.edit(message, bad)))
                    .isInstanceOf(InvalidInputException.class);
        }
        assertThat(jdbc.queryForObject("select body from chat_message where id = ?", String.class, message))
                .isEqualTo("See you at 6");
    }

    @Test
    void a_recalled_picture_takes_its_data_with_it_and_cannot_be_edited() throws Exception {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");
        long conversation = scenarios.friendsWithConversation(ann, bob);
        byte[] png = AttachmentTestFiles.picture("png", 40, 30, Color.RED);
        ChatMessageView picture =
                as(ann, () -> attachments.upload(conversation, "red.png", "image/png", new ByteArrayInputStream(png)));
        long attachmentId = picture.attachment().id();
        assertThat(as(ann, () -> changes.actionsFor(picture.id())))
                .isEqualTo(new MessageActions(true, false, false, true));
        assertThatThrownBy(() -> as(ann, () -> changes.edit(picture.id(), "text instead")))
                .isInstanceOf(NotAllowedException.class);

        as(ann, () -> changes.recall(picture.id()));

        for (String table : List.of("attachment", "attachment_chunk", "attachment_thumbnail")) {
            String idColumn = table.equals("attachment") ? "id" : "attachment_id";
            assertThat(jdbc.queryForObject(
                            "select count(*) from " + table + " where " + idColumn + " = ?", Long.class, attachmentId))
                    .as(table)
                    .isZero();
        }
        assertThat(jdbc.queryForObject("select attachment_id from chat_message where id = ?", Long.class, picture.id()))
                .isNull();
    }

    @Test
    void a_groups_administrators_remove_any_message_there_and_the_log_says_who_and_whose() {
        UserSummary owner = users.create("owner");
        UserSummary admin = users.create("admin");
        UserSummary member = users.create("member");
        GroupSummary group = scenarios.openGroup(owner, "Tidy " + TestUsers.uniqueName("g"), "", admin, member);
        run(owner, () -> moderation.appoint(group.id(), admin.id()));
        long conversation = group.conversationId();
        long rude = as(member, () -> chat.send(conversation, "Something rude")).id();
        long ownersOwn = as(owner, () -> chat.send(conversation, "Be nice")).id();

        assertThat(as(member, () -> changes.actionsFor(ownersOwn)))
                .isEqualTo(new MessageActions(false, false, false, true));
        assertThatThrownBy(() -> as(member, () -> changes.remove(ownersOwn)))
                .isInstanceOf(NotAllowedException.class)
                .hasMessage("Only a group's administrators can remove messages there.");
        assertThat(as(admin, () -> changes.actionsFor(rude))).isEqualTo(new MessageActions(false, false, true, true));
        List<UserEvent> memberHears = heardEvents.listen(member);

        ChatMessageView removed = as(admin, () -> changes.remove(rude));

        assertThat(removed.state()).isEqualTo(State.REMOVED);
        assertThat(((MessageChanged) awaitEvents(memberHears, 1).getFirst())
                        .message()
                        .state())
                .isEqualTo(State.REMOVED);
        assertThat(jdbc.queryForObject("select body from chat_message where id = ?", String.class, rude))
                .isEmpty();
        List<AdminLogView> log = as(owner, () -> moderation.adminLog(group.id(), null, 10));
        assertThat(log.getFirst().action()).isEqualTo(GroupAdminLogEntry.Action.REMOVE_MESSAGE);
        assertThat(log.getFirst().actor().id()).isEqualTo(admin.id());
        assertThat(log.getFirst().target().id()).isEqualTo(member.id());

        // In a one-on-one conversation nobody removes the other's messages.
        long direct = scenarios.friendsWithConversation(owner, member);
        long fromMember = as(member, () -> chat.send(direct, "Hi")).id();
        assertThatThrownBy(() -> as(owner, () -> changes.remove(fromMember))).isInstanceOf(NotAllowedException.class);
    }

    private void sentAgo(long messageId, Duration age) {
        new TransactionTemplate(transactionManager)
                .executeWithoutResult(status -> jdbc.update(
                        "update chat_message set created_at = ? where id = ?",
                        Timestamp.from(Instant.now().minus(age)),
                        messageId));
    }
}
