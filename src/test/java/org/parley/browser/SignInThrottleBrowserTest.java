package org.parley.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.parley.account.service.UserSummary;
import org.parley.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Someone guessing a person's password on the sign-in page: after 10 wrong ones (Parley's default) even the right
 * password is refused for now, and the page says why and for how long.
 */
class SignInThrottleBrowserTest extends BrowserTestBase {

    @Autowired
    TestUsers users;

    @Test
    void guessing_a_password_is_stopped_with_a_clear_message() {
        UserSummary target = users.create("target");
        Page guesser = newPerson();
        guesser.navigate(url("login"));
        for (int i = 0; i < 10; i++) {
            submit(guesser, target.username(), "guess number " + i);
            assertThat(guesser.url()).contains("/login?error");
        }

        submit(guesser, target.username(), TestUsers.PASSWORD);
        assertThat(guesser.url()).contains("/login?throttled=");
        assertThat(guesser.getByText("Too many attempts; try again in 2 minutes.")
                        .isVisible())
                .isTrue();
        snapshot(guesser, "sign-in-throttled");

        guesser.navigate(url(""));
        guesser.waitForURL(address -> address.contains("/login"));
        assertThat(guesser.url()).as("not signed in").contains("/login");
    }

    /** Posts the form and waits for the sign-in page it leads back to. */
    private static void submit(Page page, String username, String password) {
        page.locator("input[name=username]").fill(username);
        page.locator("input[name=password]").fill(password);
        page.waitForResponse(
                response -> response.url().endsWith("/login")
                        && "POST".equals(response.request().method()),
                () -> page.locator("vaadin-login-form vaadin-button[slot=submit]")
                        .click());
        page.waitForURL(address -> address.contains("/login?"));
        page.locator("input[name=username]").waitFor();
    }
}
