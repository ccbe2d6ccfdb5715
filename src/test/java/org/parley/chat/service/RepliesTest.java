package org.parley.chat.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.parley.support.HeardEvents.awaitEvents;
import static org.parley.support.TestUsers.as;
import static org.parley.support.TestUsers.run;

import jakarta.persistence.EntityManagerFactory;
import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.account.service.UserSummary;
import org.parley.base.service.InvalidInputException;
import org.parley.base.service.NotAllowedException;
import org.parley.base.service.Phrase;
import org.parley.base.service.UserEvent;
import org.parley.groups.service.GroupService;
import org.parley.groups.service.GroupSummary;
import org.parley.support.HeardEvents;
import org.parley.support.Scenarios;
import org.parley.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Replies: a reply quotes its original (sender and one line, read from the original each time), only a message of
 * the same conversation that is still there can be answered, and only by someone who may write there. Callers are
 * forged with {@link TestUsers#as}.
 */
@SpringBootTest
class RepliesTest {

    @Autowired
    ChatService chat;

    @Autowired
    MessageChanges changes;

    @Autowired
    AttachmentService attachments;

    @Autowired
    GroupService groups;

    @Autowired
    TestUsers users;

    @Autowired
    Scenarios scenarios;

    @Autowired
    HeardEvents heardEvents;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EntityManagerFactory entityManagers;

    @AfterEach
    void cleanUp() {
        heardEvents.close();
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_reply_quotes_its_original_for_everyone_at_once_and_in_the_history() throws Exception {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");
        long conversation = scenarios.friendsWithConversation(ann, bob);
        long question = as(ann, () -> chat.send(conversation, "Lunch at noon?\nOr later?"))
                .id();
        long picture = as(
                        ann,
                        () -> attachments.upload(
                                conversation,
                                "menu.png",
                                "image/png",
                                new ByteArrayInputStream(AttachmentTestFiles.picture("png", 40, 30, Color.BLUE))))
                .id();
        List<UserEvent> annHears = heardEvents.listen(ann);

        ChatMessageView answer = as(bob, () -> chat.send(conversation, "Noon is fine", null, question));
        as(bob, () -> chat.send(conversation, "Looks good", null, picture));

        assertThat(answer.replyTo()).isEqualTo(new Quote(question, ann, Phrase.text("Lunch at noon? Or later?")));
        MessagePosted told = (MessagePosted) awaitEvents(annHears, 2).getFirst();
        assertThat(told.message().body()).isEqualTo("Noon is fine");
        assertThat(told.message().replyTo()).isEqualTo(answer.replyTo());
        List<ChatMessageView> history = as(ann, () -> chat.history(conversation, null, 50));
        assertThat(history)
                .extracting(m -> m.replyTo() == null ? null : m.replyTo().text().inEnglish())
                .containsExactly(null, null, "Lunch at noon? Or later?", "Picture");
        assertThat(history.getLast().replyTo().sender()).isEqualTo(ann);
    }

    @Test
    void a_recalled_original_takes_its_text_out_of_every_reply() {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");
        long conversation = scenarios.friendsWithConversation(ann, bob);
        String secret = "The door code is " + TestUsers.uniqueName("c");
        long original = as(ann, () -> chat.send(conversation, secret)).id();
        as(bob, () -> chat.send(conversation, "Got it", null, original));

        as(ann, () -> changes.recall(original));

        assertThat(as(bob, () -> chat.history(conversation, null, 50)).getLast().replyTo())
                .isEqualTo(new Quote(original, ann, Phrase.of("chat.preview.recalled")));
        assertThat(jdbc.queryForObject(
                        "select count(*) from chat_message where body like ?", Long.class, "%" + secret + "%"))
                .as("copies of the recalled text")
                .isZero();
        assertThatThrownBy(() -> as(bob, () -> chat.send(conversation, "What was it?", null, original)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("The message you are replying to was taken back.");
    }

    @Test
    void only_a_persons_message_of_the_same_conversation_can_be_answered_and_only_by_who_may_write_there() {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");
        UserSummary eve = users.create("eve");
        long annAndBob = scenarios.friendsWithConversation(ann, bob);
        long bobAndEve = scenarios.friendsWithConversation(bob, eve);
        long annsMessage =
                as(ann, () -> chat.send(annAndBob, "Just between us")).id();

        assertThatThrownBy(() -> as(eve, () -> chat.send(annAndBob, "Me too", null, annsMessage)))
                .as("someone outside the conversation")
                .isInstanceOf(NotAllowedException.class)
                .hasMessage("Conversation not found.");
        assertThatThrownBy(() -> as(bob, () -> chat.send(bobAndEve, "Look what Ann said", null, annsMessage)))
                .as("a message of another conversation, quoted where its reader could see it")
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("The message you are replying to is not here.");
        assertThatThrownBy(() -> as(eve, () -> chat.send(bobAndEve, "Guessing", null, 999_999_999L)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("The message you are replying to is not here.");
        assertThat(as(eve, () -> chat.history(bobAndEve, null, 50)))
                .as("nothing stored")
                .isEmpty();
        assertThat(as(eve, () -> changes.actionsFor(annsMessage))).isEqualTo(MessageActions.NONE);

        GroupSummary group = scenarios.openGroup(ann, "Replies " + TestUsers.uniqueName("g"), "", bob);
        ChatMessageView joined =
                as(ann, () -> chat.history(group.conversationId(), null, 50)).getLast();
        assertThat(joined.system()).isTrue();
        assertThatThrownBy(() -> as(ann, () -> chat.send(group.conversationId(), "Welcome", null, joined.id())))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Only a person's message can be replied to.");
        assertThat(as(ann, () -> changes.actionsFor(joined.id()))).isEqualTo(MessageActions.NONE);
        long groupMessage =
                as(ann, () -> chat.send(group.conversationId(), "Meeting at 3")).id();
        run(bob, () -> groups.leave(group.id()));
        assertThatThrownBy(() -> as(bob, () -> chat.send(group.conversationId(), "Can't come", null, groupMessage)))
                .as("a member who left")
                .isInstanceOf(NotAllowedException.class);
        assertThat(as(bob, () -> changes.actionsFor(groupMessage))).isEqualTo(MessageActions.NONE);
    }

    @Test
    void a_page_of_replies_costs_the_same_few_queries_however_many_originals_it_quotes() {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");
        long conversation = scenarios.friendsWithConversation(ann, bob);
        for (int i = 0; i < 20; i++) {
            long original = as(ann, () -> chat.send(conversation, "Question")).id();
            as(bob, () -> chat.send(conversation, "Answer", null, original));
        }
        Statistics statistics = entityManagers.unwrap(SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
        try {
            statistics.clear();
            List<ChatMessageView> page = as(ann, () -> chat.history(conversation, null, 40));
            assertThat(page).filteredOn(m -> m.replyTo() != null).hasSize(20);
            // Membership, the page, the originals, the senders: no query per message or per quote.
            assertThat(statistics.getPrepareStatementCount()).isLessThanOrEqualTo(5);
        } finally {
            statistics.setStatisticsEnabled(false);
        }
    }
}
