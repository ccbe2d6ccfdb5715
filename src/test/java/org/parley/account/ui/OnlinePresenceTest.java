package org.parley.account.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.flow.component.dialog.Dialog;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.account.service.UserSummary;
import org.parley.chat.ui.ChatView;
import org.parley.groups.domain.ChatGroup.JoinPolicy;
import org.parley.groups.service.GroupSummary;
import org.parley.support.BrowserlessUiTest;
import org.parley.support.Scenarios;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Who is online: a person with a signed-in tab open, counted once however many tabs; a group's member panel
 * follows its members coming and going, live, and nobody else's.
 */
class OnlinePresenceTest extends BrowserlessUiTest {

    @Autowired
    Scenarios scenarios;

    @Autowired
    OnlinePresence presence;

    @Test
    void the_member_panel_follows_members_coming_online_and_going_and_counts_a_person_once() {
        UserSummary olga = users.create("olga");
        UserSummary max = users.create("max");
        UserSummary stranger = users.create("stranger");
        GroupSummary group = scenarios.groupWithMembers(olga, "Night owls", "", JoinPolicy.APPROVAL, max);
        try (BrowserlessUIContext olgaWindow = windowOf(olga)) {
            olgaWindow.navigate("chat/" + group.conversationId(), ChatView.class);
            Dialog panel = openPanel(olgaWindow);
            awaitPresence(olgaWindow, panel, summary -> summary.equals("1 of 2 online now"));

            BrowserlessUIContext maxTab = windowOf(max);
            maxTab.navigate(ChatView.class);
            BrowserlessUIContext maxSecondTab = windowOf(max);
            maxSecondTab.navigate(ChatView.class);
            awaitPresence(olgaWindow, panel, summary -> summary.equals("2 of 2 online now"));
            assertThat(presence.onlineAmong(List.of(olga.id(), max.id(), stranger.id())))
                    .containsExactlyInAnyOrder(olga.id(), max.id());

            signOut(maxTab);
            assertThat(presence.onlineAmong(List.of(max.id())))
                    .as("one tab still open")
                    .containsExactly(max.id());
            signOut(maxSecondTab);
            awaitPresence(olgaWindow, panel, summary -> summary.equals("1 of 2 online now"));
            closePanel(olgaWindow, panel);
            signOut(olgaWindow);
        }
        assertThat(presence.onlineAmong(List.of(olga.id(), max.id())))
                .as("everyone gone")
                .isEmpty();
    }

    /** The tab's session ends (signing out, or the tab closed for good): its UI is taken down. */
    private static void signOut(BrowserlessUIContext tab) {
        var page = tab.getUI();
        tab.getUser().close();
        assertThat(page.isAttached()).as("the closed tab's page").isFalse();
    }
}
