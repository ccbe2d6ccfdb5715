package org.parley.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.parley.account.service.UserSummary;
import org.parley.support.Scenarios;
import org.parley.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Links in messages: an http(s) address arrives live as a link that opens in a new tab without handing the chat
 * to the page it opens; nothing else a person types becomes markup, and other schemes stay text.
 */
class LinksBrowserTest extends BrowserTestBase {

    @Autowired
    TestUsers users;

    @Autowired
    Scenarios scenarios;

    @ParameterizedTest(name = "push over {0}")
    @Transports
    void links_are_clickable_and_nothing_else_becomes_markup(String transport) {
        Map<String, UserSummary> people = users.createAll("ann", "bob");
        long conversation = scenarios.friendsWithConversation(people.get("ann"), people.get("bob"));
        Page ann = newPerson();
        Page bob = newPerson();
        List<String> sockets = webSocketsOf(ann, bob);
        signIn(ann, people.get("ann"), transport);
        signIn(bob, people.get("bob"), transport);
        ann.navigate(url("chat/" + conversation));
        bob.navigate(url("chat/" + conversation));
        assertThat(bob.locator("[data-testid=message-input] textarea")).isEditable();

        String address = url("health?from=chat");
        Locator input = ann.locator("[data-testid=message-input] textarea");
        input.fill("Status page: " + address + ". Also **not bold**, <b>not bold</b>, javascript:alert(1)");
        input.press("Enter");
        input.fill("# not a heading\n    not code\n1. not a list");
        input.press("Enter");

        Locator messages = bob.locator("[data-testid=message-list]");
        Locator link = messages.locator("a[href='" + address + "']");
        assertThat(link).hasText(address);
        assertThat(link).hasAttribute("target", "_blank");
        assertThat(link).hasAttribute("rel", "noopener noreferrer");
        assertThat(messages.locator("a")).hasCount(1);
        assertThat(messages.locator("b, strong, em, h1, code, ol, li, script")).hasCount(0);
        assertThat(messages.getByText(
                        "Also **not bold**, <b>not bold</b>, javascript:alert(1)",
                        new Locator.GetByTextOptions().setExact(false)))
                .isVisible();
        assertThat(messages.getByText("# not a heading", new Locator.GetByTextOptions().setExact(false)))
                .isVisible();
        assertThat(messages.getByText("1. not a list", new Locator.GetByTextOptions().setExact(false)))
                .isVisible();
        snapshot(bob, "links-" + transport);

        // The link opens its page in a new tab; the chat stays where it was.
        Page opened = bob.context().waitForPage(link::click);
        opened.waitForLoadState();
        assertThat(opened.url()).isEqualTo(address);
        assertThat(opened.evaluate("() => window.opener === null")).isEqualTo(true);
        assertThat(bob).hasURL(url("chat/" + conversation));
        assertTransport(transport, sockets);
    }
}
