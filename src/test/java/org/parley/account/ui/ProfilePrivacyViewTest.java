package org.parley.account.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.support.TestUsers.as;
import static org.parley.support.TestUsers.run;
import static org.parley.support.TestUsers.uniqueName;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import org.junit.jupiter.api.Test;
import org.parley.account.service.AccountService;
import org.parley.account.service.UserSummary;
import org.parley.chat.service.ChatService;
import org.parley.chat.service.ConversationOverview;
import org.parley.chat.ui.ChatView;
import org.parley.groups.domain.ChatGroup.JoinPolicy;
import org.parley.groups.service.GroupSummary;
import org.parley.support.BrowserlessUiTest;
import org.parley.support.Scenarios;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Privacy card of the profile: who may start a temporary conversation with you, what it shows, that
 * the choice is kept, and what it does to a fellow group member who tries.
 */
class ProfilePrivacyViewTest extends BrowserlessUiTest {

    private static final String MEMBERS = "Members of my groups can start one";
    private static final String NOBODY = "Nobody can start one";

    @Autowired
    AccountService accounts;

    @Autowired
    Scenarios scenarios;

    @Autowired
    ChatService chat;

    @Autowired
    ConversationOverview overview;

    @Test
    void by_default_members_of_your_groups_can_start_one() {
        UserSummary pat = users.create("pat");
        try (BrowserlessUIContext window = windowOf(pat)) {
            ProfileView view = window.navigate(ProfileView.class);

            assertThat(selectedLabel(window, view)).isEqualTo(MEMBERS);
            assertThat(view.temporaryChats.getLabel()).isEqualTo("Temporary conversations");
            assertThat(view.temporaryChats.getTestId()).isEqualTo("profile-temporary-chats");
            assertThat(view.temporaryChats.isEnabled()).isTrue();
        }
        assertThat(as(pat, () -> accounts.acceptsTemporaryChats())).isTrue();
    }

    @Test
    void choosing_nobody_is_kept_and_a_fellow_member_who_tries_is_told_so_and_stays_where_they_are() {
        UserSummary pat = users.create("pat");
        UserSummary max = users.create("max");
        GroupSummary group =
                scenarios.groupWithMembers(max, uniqueName("Book circle"), "Reading", JoinPolicy.APPROVAL, pat);
        try (BrowserlessUIContext patWindow = windowOf(pat);
                BrowserlessUIContext maxWindow = windowOf(max)) {
            ProfileView view = patWindow.navigate(ProfileView.class);
            assertThat(selectedLabel(patWindow, view)).isEqualTo(MEMBERS);

            in(patWindow).test(view.temporaryChats).selectItem(NOBODY);

            assertThat(selectedLabel(patWindow, view)).isEqualTo(NOBODY);
            assertThat(notifications(patWindow)).contains("Nobody can start a temporary conversation with you now.");
            assertThat(as(pat, () -> accounts.acceptsTemporaryChats()))
                    .as("stored")
                    .isFalse();

            // A new window (a new session, even) shows the choice.
            try (BrowserlessUIContext later = windowOf(pat)) {
                ProfileView reopened = later.navigate(ProfileView.class);
                assertThat(selectedLabel(later, reopened)).isEqualTo(NOBODY);
            }

            // Max, in a group with Pat, presses the Message button on her row.
            maxWindow.navigate("chat/" + group.conversationId(), ChatView.class);
            Dialog panel = openPanel(maxWindow);
            awaitPresence(maxWindow, panel, summary -> !summary.startsWith("0 of "));
            in(maxWindow)
                    .test(maxWindow
                            .find(Button.class)
                            .withTestId("message-" + pat.username())
                            .single())
                    .click();

            assertThat(notifications(maxWindow))
                    .anySatisfy(text ->
                            assertThat(text).isEqualTo(pat.displayName() + " doesn't accept temporary conversations."));
            assertThat(location(maxWindow)).as("no navigation").isEqualTo("chat/" + group.conversationId());
            assertThat(panel.isOpened()).as("the panel stays open").isTrue();
            assertThat(as(max, overview::conversations))
                    .as("no conversation with Pat was made")
                    .allSatisfy(c -> assertThat(c.isGroup()).isTrue());
            closePanel(maxWindow, panel);
        }
    }

    @Test
    void switching_back_on_lets_a_fellow_member_start_one_again() {
        UserSummary pat = users.create("pat");
        UserSummary max = users.create("max");
        GroupSummary group =
                scenarios.groupWithMembers(max, uniqueName("Book circle"), "Reading", JoinPolicy.APPROVAL, pat);
        run(pat, () -> accounts.setAcceptsTemporaryChats(false));
        try (BrowserlessUIContext patWindow = windowOf(pat);
                BrowserlessUIContext maxWindow = windowOf(max)) {
            ProfileView view = patWindow.navigate(ProfileView.class);
            assertThat(selectedLabel(patWindow, view)).isEqualTo(NOBODY);

            in(patWindow).test(view.temporaryChats).selectItem(MEMBERS);

            assertThat(notifications(patWindow))
                    .contains("Members of your groups can start temporary conversations with you.");
            assertThat(as(pat, () -> accounts.acceptsTemporaryChats())).isTrue();

            maxWindow.navigate("chat/" + group.conversationId(), ChatView.class);
            Dialog panel = openPanel(maxWindow);
            awaitPresence(maxWindow, panel, summary -> !summary.startsWith("0 of "));
            in(maxWindow)
                    .test(maxWindow
                            .find(Button.class)
                            .withTestId("message-" + pat.username())
                            .single())
                    .click();

            assertThat(location(maxWindow)).startsWith("chat/").isNotEqualTo("chat/" + group.conversationId());
            assertThat(notifications(maxWindow))
                    .noneSatisfy(text -> assertThat(text).contains(pat.displayName()));
            assertThat(panel.isAttached())
                    .as("the panel let go: detached, it watches nobody")
                    .isFalse();
        }
    }

    // --- helpers --------------------------------------------------------------------------------

    /** The label of the chosen option, as the radio group shows it; null when none is chosen. */
    private static String selectedLabel(BrowserlessUIContext window, ProfileView view) {
        window.activate();
        Boolean selected = in(window).test(view.temporaryChats).getSelected();
        return selected == null
                ? null
                : view.temporaryChats.getItemLabelGenerator().apply(selected);
    }
}
