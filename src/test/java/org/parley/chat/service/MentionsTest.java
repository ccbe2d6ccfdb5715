package org.parley.chat.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.parley.support.HeardEvents.awaitEvents;
import static org.parley.support.TestUsers.as;
import static org.parley.support.TestUsers.run;

import java.time.Duration;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * @mentions: "@username" in a group message names that member, kept by id (a new display name shows in old messages),
 * marks the group's row for them until they have read it, and names nobody outside the group or in a one-on-one
 * conversation. Callers are forged with {@link TestUsers#as}.
 */
@SpringBootTest
class MentionsTest {

    @Autowired
    ChatService chat;

    @Autowired
    ConversationOverview overview;

    @Autowired
    AccountService accounts;

    @Autowired
    TestUsers users;

    @Autowired
    Scenarios scenarios;

    @Autowired
    HeardEvents heardEvents;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void cleanUp() {
        heardEvents.close();
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_group_message_mentions_the_members_it_names_until_they_read_it() {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");
        UserSummary cat = users.create("cat");
        UserSummary eve = users.create("eve");
        GroupSummary group = scenarios.openGroup(ann, "Mentions " + TestUsers.uniqueName("g"), "", bob, cat);
        List<UserEvent> bobHears = heardEvents.listen(bob);

        ChatMessageView sent = as(
                ann,
                () -> chat.send(
                        group.conversationId(),
                        "@" + bob.username().toUpperCase() + " and @" + cat.username() + ": lunch? Not @"
                                + eve.username() + " (not here), not @" + ann.username() + ", not mail@"
                                + bob.username()));

        assertThat(sent.mentions()).containsExactlyInAnyOrder(bob, cat);
        MessagePosted told = (MessagePosted) awaitEvents(bobHears, 1).getFirst();
        assertThat(told.message().mentions(bob.id())).isTrue();
        assertThat(jdbc.queryForObject(
                        "select count(*) from message_mention where message_id = ?", Long.class, sent.id()))
                .isEqualTo(2);
        assertThat(mentionMark(bob, group.conversationId())).isTrue();
        assertThat(mentionMark(eve, group.conversationId())).isNull();
        assertThat(mentionMark(ann, group.conversationId())).isFalse();
        assertThat(as(bob, overview::conversations))
                .filteredOn(c -> c.id() == group.conversationId())
                .singleElement()
                .satisfies(c -> assertThat(c.lastMessage().inEnglish())
                        .startsWith("@" + bob.displayName() + " and @" + cat.displayName() + ": lunch?"));

        // Cat is renamed: the old message names her as she is called now.
        run(cat, () -> accounts.changeDisplayName("Catherine"));
        assertThat(as(bob, () -> chat.history(group.conversationId(), null, 50))
                        .getLast()
                        .mentions())
                .extracting(UserSummary::displayName)
                .contains("Catherine");

        // More messages without a mention keep the mark; reading the group ends it.
        as(ann, () -> chat.send(group.conversationId(), "Anyone?"));
        assertThat(mentionMark(bob, group.conversationId())).isTrue();
        scenarios.markRead(bob, group.conversationId());
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() ->
                        assertThat(mentionMark(bob, group.conversationId())).isFalse());
        assertThat(mentionMark(cat, group.conversationId())).isTrue();
    }

    @Test
    void nobody_is_mentioned_in_a_one_on_one_conversation_and_only_members_list_a_groups_people() {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");
        UserSummary eve = users.create("eve");
        long direct = scenarios.friendsWithConversation(ann, bob);
        GroupSummary group = scenarios.openGroup(ann, "Mentionable " + TestUsers.uniqueName("g"), "", bob);

        assertThat(as(ann, () -> chat.send(direct, "Hey @" + bob.username())).mentions())
                .isEmpty();
        assertThat(mentionMark(bob, direct)).isFalse();
        assertThat(as(ann, () -> overview.mentionable(direct))).isEmpty();
        assertThat(as(ann, () -> overview.mentionable(group.conversationId()))).containsExactly(bob);
        assertThatThrownBy(() -> as(eve, () -> overview.mentionable(group.conversationId())))
                .isInstanceOf(NotAllowedException.class)
                .hasMessage("Conversation not found.");
        assertThatThrownBy(() -> as(eve, () -> overview.mentionable(direct))).isInstanceOf(NotAllowedException.class);
    }

    /** Whether {@code viewer}'s row of the conversation shows "@" (null: they do not have that conversation). */
    private Boolean mentionMark(UserSummary viewer, long conversationId) {
        return as(viewer, overview::conversations).stream()
                .filter(c -> c.id() == conversationId)
                .map(ConversationSummary::unreadMention)
                .findFirst()
                .orElse(null);
    }
}
