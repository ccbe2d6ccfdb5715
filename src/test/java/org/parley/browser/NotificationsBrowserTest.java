package org.parley.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.support.TestUsers.run;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.parley.account.service.UserSummary;
import org.parley.chat.service.ChatService;
import org.parley.groups.service.GroupSummary;
import org.parley.support.Scenarios;
import org.parley.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Being told while Parley is in the background: a browser notification for a message to Ann (none while she looks
 * at the tab, none in a conversation she muted unless it mentions her), the unread total in the tab's title, and a
 * click on the notification brings her to the conversation. Playwright keeps every page focused, so the page is
 * told it lost focus (document.hasFocus and a blur event, as when Ann switches to another window); the browser's
 * Notification is watched as the page creates it.
 */
class NotificationsBrowserTest extends BrowserTestBase {

    /** Records each notification the page shows; lets the test put the page in the background. */
    private static final String WATCH = """
            window.shown = [];
            const Real = window.Notification;
            window.Notification = class extends Real {
              constructor(title, options) {
                super(title, options);
                window.shown.push({title, body: options.body, tag: options.tag, notification: this});
              }
              static get permission() { return Real.permission; }
              static requestPermission() { return Real.requestPermission(); }
            };
            let focused = true;
            document.hasFocus = () => focused;
            window.toBackground = background => {
              focused = !background;
              window.dispatchEvent(new Event(background ? 'blur' : 'focus'));
            };
            """;

    @Autowired
    TestUsers users;

    @Autowired
    Scenarios scenarios;

    @Autowired
    ChatService chat;

    @ParameterizedTest(name = "push over {0}")
    @Transports
    void a_message_to_a_tab_in_the_background_notifies_unless_muted_and_leads_back_to_it(String transport) {
        Map<String, UserSummary> people = users.createAll("ann", "bob");
        UserSummary ann = people.get("ann");
        UserSummary bob = people.get("bob");
        long direct = scenarios.friendsWithConversation(ann, bob);
        GroupSummary group = scenarios.openGroup(bob, "Busy " + TestUsers.uniqueName("g"), "", ann);

        Page annPage = newPersonAllowingNotifications();
        annPage.addInitScript(WATCH);
        Page bobPage = newPerson();
        List<String> sockets = webSocketsOf(annPage, bobPage);
        signIn(annPage, ann, transport);
        signIn(bobPage, bob, transport);

        // Ann turns notifications on (her browser allows them), with a sound.
        annPage.navigate(url("friends"));
        annPage.locator("[data-testid=notification-choices]").click();
        annPage.locator("[data-testid=notify-show]").click();
        assertThat(annPage.locator("[data-testid=notify-show]")).hasAttribute("checked", "");
        annPage.locator("[data-testid=notify-sound]").click();
        annPage.keyboard().press("Escape");

        // In the background on the Friends page: Bob's message shows as a notification, and in the title.
        annPage.evaluate("toBackground(true)");
        bobPage.navigate(url("chat/" + direct));
        send(bobPage, "Lunch at noon?");
        assertThat(annPage).hasTitle("(1) Friends · Parley");
        assertThat(shown(annPage)).containsExactly(bob.displayName() + " | Lunch at noon?");

        // The group: Ann mutes its notifications. Its messages still count, but notify her only when they name her.
        annPage.evaluate("toBackground(false)");
        annPage.navigate(url("chat/" + group.conversationId()));
        Locator bell = annPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mute notifications"));
        assertThat(bell).hasAttribute("aria-pressed", "false");
        bell.click();
        assertThat(bell).hasAttribute("aria-pressed", "true");
        annPage.navigate(url("friends"));
        annPage.evaluate("toBackground(true)");
        run(bob, () -> chat.send(group.conversationId(), "Anyone around?"));
        assertThat(annPage).hasTitle("(2) Friends · Parley");
        run(bob, () -> chat.send(group.conversationId(), "@" + ann.username() + " are you coming?"));
        assertThat(annPage).hasTitle("(3) Friends · Parley");
        assertThat(shown(annPage))
                .as("since the page was loaded again")
                .containsExactly(
                        group.name() + " | " + bob.displayName() + ": @" + ann.displayName() + " are you coming?");

        // Looking at the tab: no notification, only the count.
        annPage.evaluate("toBackground(false)");
        send(bobPage, "Still there?");
        assertThat(annPage).hasTitle("(4) Friends · Parley");
        assertThat(shown(annPage)).hasSize(1);

        // A click on the notification brings Ann to the group, which she then reads: Bob's two are left.
        annPage.evaluate("shown[0].notification.onclick()");
        annPage.waitForURL("**/chat/" + group.conversationId());
        assertThat(annPage.locator("[data-testid=message-list]").getByText("are you coming?"))
                .isVisible();
        assertThat(annPage).hasTitle(Pattern.compile("^\\(2\\) Chats · Parley$"));
        assertTransport(transport, sockets);
    }

    @Test
    void parley_asks_once_and_not_now_is_remembered() {
        UserSummary cat = users.create("cat");
        Page page = newPerson();
        signIn(page, cat, "websocket");
        Locator prompt = page.locator("[data-testid=notification-prompt]");
        assertThat(prompt).isVisible();
        assertThat(prompt).containsText("Get a notification when a message arrives");
        snapshot(page, "notification-prompt");
        prompt.getByText("Not now").click();
        assertThat(prompt).isHidden();
        page.reload();
        assertThat(page.locator("vaadin-app-layout")).isVisible();
        assertThat(prompt).isHidden();
        // The choice stays open: Notifications in the drawer offers them, off.
        page.locator("[data-testid=notification-choices]").click();
        assertThat(page.locator("[data-testid=notify-show]")).not().hasAttribute("checked", "");
        assertThat(page.locator("[data-testid=notify-sound]")).hasAttribute("disabled", "");
    }

    private static void send(Page page, String text) {
        Locator input = page.locator("[data-testid=message-input] textarea");
        input.fill(text);
        input.press("Enter");
        assertThat(page.locator("[data-testid=message-list]").getByText(text)).isVisible();
    }

    @SuppressWarnings("unchecked")
    private static List<String> shown(Page page) {
        return (List<String>) page.evaluate("shown.map(n => n.title + ' | ' + n.body)");
    }
}
