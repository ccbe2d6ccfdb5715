package org.parley.chat.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.support.TestUsers.run;

import com.vaadin.browserless.BrowserlessUIContext;
import org.junit.jupiter.api.Test;
import org.parley.account.service.UserSummary;
import org.parley.chat.service.TypingService;
import org.parley.groups.service.GroupSummary;
import org.parley.support.BrowserlessUiTest;
import org.parley.support.Scenarios;
import org.springframework.beans.factory.annotation.Autowired;

/** "Ann is typing…" reaches the tabs that show the conversation, and wakes no other. */
class TypingIndicatorTest extends BrowserlessUiTest {

    @Autowired
    TypingService typing;

    @Autowired
    Scenarios scenarios;

    @Test
    void typing_in_a_group_shows_where_the_group_is_open_and_wakes_no_tab_showing_something_else() {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");
        UserSummary cai = users.create("cai");
        GroupSummary group = scenarios.openGroup(ann, "Climbers", "", bob, cai);
        long annAndCai = scenarios.friendsWithConversation(ann, cai);
        try (BrowserlessUIContext bobWindow = windowOf(bob);
                BrowserlessUIContext caiWindow = windowOf(cai)) {
            bobWindow.navigate("chat/" + group.conversationId(), ChatView.class);
            caiWindow.navigate("chat/" + annAndCai, ChatView.class);
            push(bobWindow);
            push(caiWindow);

            run(ann, () -> typing.typing(group.conversationId()));

            assertThat(woken(bobWindow)).as("Bob has the group open").isTrue();
            push(bobWindow);
            assertThat(indicator(bobWindow)).isEqualTo(ann.displayName() + " is typing…");
            assertThat(woken(caiWindow))
                    .as("Cai, a member too, has her conversation with Ann open, not the group")
                    .isFalse();
            push(caiWindow);
            assertThat(indicator(caiWindow)).isEmpty();

            // Cai opens the group: now Ann typing to her alone does not wake it, Ann typing in the group does.
            caiWindow.navigate("chat/" + group.conversationId(), ChatView.class);
            push(caiWindow);
            run(ann, () -> typing.typing(annAndCai));
            assertThat(woken(caiWindow)).isFalse();
            run(ann, () -> typing.typing(group.conversationId()));
            assertThat(woken(caiWindow)).isTrue();
            push(caiWindow);
            assertThat(indicator(caiWindow)).isEqualTo(ann.displayName() + " is typing…");
        }
    }

    private static String indicator(BrowserlessUIContext window) {
        return textOf(byTestId((com.vaadin.flow.component.Component) window.getCurrentView(), "typing-indicator")
                .orElseThrow());
    }
}
