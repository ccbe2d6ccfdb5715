package org.parley.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.support.TestUsers.as;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.account.service.UserSummary;
import org.parley.chat.service.ChatMessageView;
import org.parley.chat.service.ChatService;
import org.parley.support.Scenarios;
import org.parley.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What a person sees when the server no longer has their session, as when the node holding it died and the proxy
 * sent the page to another: the page comes back by itself, still signed in (the stay-signed-in cookie), in the
 * conversation it showed, and a message submitted into the gap is stored exactly once (the composer's outbox sends
 * it again with the same id).
 */
class StayingSignedInBrowserTest extends BrowserTestBase {

    private static final String REMEMBER_ME = "parley-remember-me";

    @Autowired
    TestUsers users;

    @Autowired
    Scenarios scenarios;

    @Autowired
    ChatService chat;

    @Test
    void a_page_whose_session_is_gone_comes_back_signed_in_and_its_message_is_stored_once() {
        UserSummary vera = users.create("vera");
        UserSummary bob = users.create("bob");
        long conversation = scenarios.friendsWithConversation(vera, bob);
        Page page = newPerson();
        BrowserContext browser = page.context();
        signIn(page, vera.username(), TestUsers.PASSWORD);
        page.navigate(url("chat/" + conversation));
        Locator messages = page.locator("[data-testid=message-list]");
        Locator input = page.locator("[data-testid=message-input] textarea");
        input.fill("before the move");
        input.press("Enter");
        assertThat(messages).containsText("before the move");

        Cookie rememberMe = cookie(browser, REMEMBER_ME);
        assertThat(rememberMe.httpOnly).as("out of scripts' reach").isTrue();
        assertThat(rememberMe.expires)
                .as("ends with the browser session, like the session cookie")
                .isEqualTo(-1.0);

        // The session is gone (its node died): the browser's session cookie now names nothing the server has.
        browser.addCookies(List.of(new Cookie("JSESSIONID", "0123456789ABCDEF0123456789ABCDEF")
                .setDomain("localhost")
                .setPath("/")));
        input.fill("typed as the node died");
        input.press("Enter");

        // The page reloads by itself, signed in, on the same conversation, and the message is there once.
        page.waitForURL(u -> !u.contains("/login"));
        assertThat(messages).containsText("typed as the node died");
        assertThat(page).hasURL(url("chat/" + conversation));
        assertThat(messages).containsText("before the move");
        assertThat(page.locator("[data-testid=message-list] vaadin-message")
                        .filter(new Locator.FilterOptions().setHasText("typed as the node died")))
                .hasCount(1);
        List<ChatMessageView> stored = as(bob, () -> chat.history(conversation, null, 50));
        assertThat(stored.stream().filter(m -> m.body().equals("typed as the node died")))
                .as("stored exactly once")
                .hasSize(1);

        // Sending goes on as before.
        input.fill("and after");
        input.press("Enter");
        assertThat(messages).containsText("and after");
        assertThat(as(bob, () -> chat.history(conversation, null, 50)).stream()
                        .filter(m -> m.body().equals("and after")))
                .hasSize(1);
    }

    private static Cookie cookie(BrowserContext browser, String name) {
        return browser.cookies().stream()
                .filter(c -> c.name.equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no cookie " + name + " in " + browser.cookies()));
    }
}
