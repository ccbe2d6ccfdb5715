package org.parley.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.params.ParameterizedTest;
import org.parley.support.TestUsers;

/**
 * The first complete path, as two people in two separate browsers: register, find each other, send and
 * accept a friend request, and chat — every step arriving in the other's open page without a reload.
 * Run once over WebSocket (the default) and once with push forced to long polling.
 */
class RealTimeChatBrowserTest extends BrowserTestBase {

    @ParameterizedTest(name = "push over {0}")
    @Transports
    void two_people_befriend_each_other_and_chat_in_real_time(String transport) {
        String annName = TestUsers.uniqueName("ann");
        String bobName = TestUsers.uniqueName("bob");
        String password = "s3cret-passw0rd";

        Page ann = newPerson();
        Page bob = newPerson();
        List<String> annSockets = new CopyOnWriteArrayList<>();
        List<String> bobSockets = new CopyOnWriteArrayList<>();
        ann.onWebSocket(socket -> annSockets.add(socket.url()));
        bob.onWebSocket(socket -> bobSockets.add(socket.url()));

        registerAndSignIn(ann, annName, "Ann Lee", password, transport);
        registerAndSignIn(bob, bobName, "Bob Stone", password, transport);

        // Bob waits on his requests page; Ann finds him and sends a request with a note.
        bob.navigate(url("friends?requests"));
        assertThat(bob.getByText("No pending requests")).isVisible();
        ann.navigate(url("people"));
        ann.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Search people"))
                .fill(bobName.substring(0, 9).toUpperCase());
        Locator bobRow = ann.locator("[data-testid=person-" + bobName + "]");
        assertThat(bobRow).isVisible();
        bobRow.getByText("Add friend").click();
        ann.locator("[data-testid=request-note] textarea").fill("Hi Bob, it's Ann from accounting");
        ann.locator("[data-testid=request-send]").click();
        assertThat(bobRow.getByText("Request sent")).isVisible();
        snapshot(ann, "people-" + transport);

        // Bob sees it arrive without reloading: the request with its note, and the badge.
        Locator request = bob.locator("[data-testid=request-list] [data-testid=person-" + annName + "]");
        assertThat(request).isVisible();
        assertThat(request).containsText("Hi Bob, it's Ann from accounting");
        assertThat(bob.locator("[data-testid=nav-requests]")).hasText("1");
        snapshot(bob, "requests-" + transport);
        request.getByText("Accept").click();
        assertThat(bob.locator("[data-testid=nav-requests]")).isHidden();

        // Ann's open search result turns into "Friend" by push; she starts the conversation.
        assertThat(bobRow.getByText("Friend")).isVisible();
        bob.navigate(url("chat"));
        bobRow.getByText("Message").click();
        ann.waitForURL("**/chat/*");
        Locator annInput = ann.locator("[data-testid=message-input] textarea");
        annInput.fill("Hello Bob, over " + transport + "!");
        annInput.press("Enter");

        // Bob's open chat page gets the new conversation with an unread badge, then the message.
        Locator conversation = bob.locator("[data-testid=conversation-" + annName + "]");
        assertThat(conversation).isVisible();
        assertThat(bob.locator("[data-testid=unread-" + annName + "]")).hasText("1");
        assertThat(bob.locator("[data-testid=nav-unread]")).hasText("1");
        conversation.click();
        Locator bobMessages = bob.locator("[data-testid=message-list]");
        assertThat(bobMessages.getByText("Hello Bob, over " + transport + "!")).hasCount(1);
        assertThat(bob.locator("[data-testid=nav-unread]")).isHidden();

        // Both directions, several messages, each exactly once and in order on both sides.
        Locator bobInput = bob.locator("[data-testid=message-input] textarea");
        bobInput.fill("Hi Ann! <b>not bold</b>");
        bobInput.press("Enter");
        Locator annMessages = ann.locator("[data-testid=message-list]");
        assertThat(annMessages.getByText("Hi Ann! <b>not bold</b>")).hasCount(1);
        for (int i = 1; i <= 3; i++) {
            annInput.fill("Ann's message " + i);
            annInput.press("Enter");
        }
        for (int i = 1; i <= 3; i++) {
            assertThat(bobMessages.getByText("Ann's message " + i)).hasCount(1);
        }
        assertThat(bobMessages.locator("vaadin-message")).hasCount(5);
        assertThat(annMessages.locator("vaadin-message")).hasCount(5);
        List<String> bobSees = bobMessages.locator("vaadin-message").allInnerTexts();
        assertThat(String.join("\n", bobSees))
                .containsSubsequence("Hello Bob", "Hi Ann!", "Ann's message 1", "Ann's message 2", "Ann's message 3");
        assertThat(annMessages.locator("b")).hasCount(0);
        // Bob had the conversation open while the messages came: nothing is left unread for him.
        assertThat(bob.locator("[data-testid=nav-unread]")).isHidden();
        assertThat(bob.locator("[data-testid=unread-" + annName + "]")).isHidden();
        snapshot(ann, "chat-ann-" + transport);
        snapshot(bob, "chat-bob-" + transport);

        // Stored, not just shown: a reload brings back the same five, once each.
        bob.reload();
        assertThat(bob.locator("[data-testid=message-list] vaadin-message")).hasCount(5);
        // On a phone the open conversation fills the screen; the list is one tap back.
        bob.setViewportSize(390, 844);
        assertThat(bob.locator("[data-testid=conversation-list]")).isHidden();
        assertThat(bob.locator("[data-testid=message-list]")).isVisible();
        snapshot(bob, "chat-phone-" + transport);

        // The transport really was the one asked for.
        List<String> pushSockets =
                annSockets.stream().filter(u -> u.contains("v-r=push&v-uiId")).toList();
        if (transport.equals("long-polling")) {
            assertThat(pushSockets)
                    .as("no push WebSocket when long polling is forced")
                    .isEmpty();
            assertThat(bobSockets.stream().filter(u -> u.contains("v-r=push&v-uiId")))
                    .isEmpty();
        } else {
            assertThat(pushSockets).as("push runs over a WebSocket by default").isNotEmpty();
        }
    }
}
