package org.parley.chat.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.parley.support.HeardEvents.awaitEvents;
import static org.parley.support.TestUsers.as;
import static org.parley.support.TestUsers.run;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.account.service.UserSummary;
import org.parley.base.service.NotAllowedException;
import org.parley.base.service.UserEvent;
import org.parley.groups.service.GroupSummary;
import org.parley.support.HeardEvents;
import org.parley.support.Scenarios;
import org.parley.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * "Mute notifications": each person mutes only their own, only where they are a member; a muted conversation
 * notifies only messages that mention them; nobody is notified of their own messages or of system lines.
 */
@SpringBootTest
class ConversationNotificationsTest {

    @Autowired
    ConversationNotifications notifications;

    @Autowired
    ChatService chat;

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
    void a_member_mutes_their_own_notifications_and_their_tabs_follow() {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");
        GroupSummary group = scenarios.openGroup(bob, "Busy " + TestUsers.uniqueName("g"), "", ann);
        long conversation = group.conversationId();
        List<UserEvent> annHeard = heardEvents.listen(ann);

        run(ann, () -> notifications.muteNotifications(conversation, true));

        assertThat(as(ann, () -> notifications.notificationsMuted(conversation)))
                .isTrue();
        assertThat(as(ann, notifications::mutedConversations)).containsExactly(conversation);
        assertThat(as(bob, notifications::mutedConversations))
                .as("Bob's own are his")
                .isEmpty();
        assertThat(as(bob, () -> notifications.notificationsMuted(conversation)))
                .isFalse();
        awaitEvents(annHeard, 1);
        assertThat(annHeard).containsExactly(new NotificationsMuted(conversation, ann.id(), true));

        run(ann, () -> notifications.muteNotifications(conversation, false));
        assertThat(as(ann, notifications::mutedConversations)).isEmpty();
    }

    @Test
    void nobody_mutes_a_conversation_they_are_not_in_nor_asks_about_it() {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");
        UserSummary mallory = users.create("mallory");
        long direct = scenarios.friendsWithConversation(ann, bob);

        assertThatThrownBy(() -> run(mallory, () -> notifications.muteNotifications(direct, true)))
                .isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> as(mallory, () -> notifications.notificationsMuted(direct)))
                .isInstanceOf(NotAllowedException.class);
        SecurityContextHolder.clearContext();
        assertThatThrownBy(() -> notifications.muteNotifications(direct, true))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThat(as(ann, () -> notifications.notificationsMuted(direct))).isFalse();
        assertThat(as(bob, () -> notifications.notificationsMuted(direct))).isFalse();
    }

    @Test
    void a_muted_conversation_notifies_only_mentions_and_nobody_hears_of_their_own_messages() {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");
        GroupSummary group = scenarios.openGroup(bob, "Loud " + TestUsers.uniqueName("g"), "", ann);
        long conversation = group.conversationId();
        ChatMessageView plain = as(bob, () -> chat.send(conversation, "Anyone around?"));
        ChatMessageView mention = as(bob, () -> chat.send(conversation, "@" + ann.username() + " are you coming?"));
        Set<Long> annMuted = Set.of(conversation);

        assertThat(ConversationNotifications.notifies(plain, ann.id(), Set.of()))
                .isTrue();
        assertThat(ConversationNotifications.notifies(plain, ann.id(), annMuted))
                .isFalse();
        assertThat(ConversationNotifications.notifies(mention, ann.id(), annMuted))
                .isTrue();
        assertThat(ConversationNotifications.notifies(plain, bob.id(), Set.of()))
                .as("one's own message")
                .isFalse();
        ChatMessageView joined = as(ann, () -> chat.history(conversation, null, 50)).stream()
                .filter(ChatMessageView::system)
                .findFirst()
                .orElseThrow();
        assertThat(ConversationNotifications.notifies(joined, ann.id(), Set.of()))
                .as("a system line")
                .isFalse();
    }
}
