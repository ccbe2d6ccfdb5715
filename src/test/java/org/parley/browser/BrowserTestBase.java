package org.parley.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.parley.account.service.UserSummary;
import org.parley.support.Chromium;
import org.parley.support.TestUsers;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Real Chromium (Debian's, at /usr/bin/chromium or $PARLEY_CHROMIUM) against Parley on a random port.
 * Each user gets their own browser context: separate cookies, separate session, like two people.
 * A missing browser fails the test loudly; it never skips.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class BrowserTestBase {

    static Playwright playwright;
    static Browser browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void launchBrowser() {
        playwright = Playwright.create();
        browser = Chromium.launch(playwright);
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    private final List<BrowserContext> contexts = new java.util.ArrayList<>();

    @BeforeEach
    void resetContexts() {
        contexts.clear();
    }

    /** What Chromium refused under Parley's Content-Security-Policy: a page that works must not need any of it. */
    private final List<String> policyViolations = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeContexts() {
        contexts.forEach(BrowserContext::close);
        assertThat(policyViolations)
                .as("content refused by the Content-Security-Policy")
                .isEmpty();
    }

    /** Keeps a picture of what a person saw, for humans reviewing a run (target/screenshots). */
    static void snapshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", name + ".png")));
    }

    String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }

    /** A new person in a fresh browser context (own cookies and session). */
    Page newPerson() {
        return newPerson(new Browser.NewContextOptions());
    }

    /** A new person whose browser is in {@code timeZoneId} (an IANA zone such as "Asia/Shanghai"). */
    Page newPersonIn(String timeZoneId) {
        return newPerson(new Browser.NewContextOptions().setTimezoneId(timeZoneId));
    }

    /** A new person whose browser lets Parley show notifications (as if they had said yes when asked). */
    Page newPersonAllowingNotifications() {
        return newPerson(new Browser.NewContextOptions().setPermissions(List.of("notifications")));
    }

    Page newPerson(Browser.NewContextOptions options) {
        BrowserContext context = browser.newContext(options.setViewportSize(1280, 800));
        context.setDefaultTimeout(20_000);
        contexts.add(context);
        Page page = context.newPage();
        page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                policyViolations.add(message.text());
            }
        });
        return page;
    }

    /** Signs in through the login page as an existing user. */
    void signIn(Page page, String username, String password) {
        page.navigate(url("login"));
        submitLogin(page, username, password);
    }

    /**
     * Signs in with the login form's own request (the form itself is tried by {@code signIn(Page, String, String)}
     * and the session tests), then opens the home page with an address that forces the push transport, which holds
     * for the session. One page load instead of two: each new context compiles Vaadin's 3 MB of script afresh.
     */
    void signIn(Page page, UserSummary user, String transport) {
        APIResponse answer = page.request()
                .post(
                        url("login"),
                        RequestOptions.create()
                                .setForm(FormData.create()
                                        .set("username", user.username())
                                        .set("password", TestUsers.PASSWORD))
                                .setMaxRedirects(0));
        assertThat(answer.headers().get("location"))
                .as("where signing in as " + user.username() + " leads")
                .doesNotContain("/login");
        page.navigate(url("?transport=" + transport));
        assertThat(page.locator("vaadin-app-layout")).isVisible();
    }

    /** Fills in and submits the login form on the current page, and waits until it has been left. */
    private static void submitLogin(Page page, String username, String password) {
        page.locator("input[name=username]").fill(username);
        page.locator("input[name=password]").fill(password);
        page.locator("vaadin-login-form vaadin-button[slot=submit]").click();
        page.waitForURL(u -> !u.contains("/login"));
    }

    /** The addresses of every WebSocket these pages open from now on (to tell the push transport). */
    static List<String> webSocketsOf(Page... pages) {
        List<String> sockets = new CopyOnWriteArrayList<>();
        for (Page page : pages) {
            page.onWebSocket(socket -> sockets.add(socket.url()));
        }
        return sockets;
    }

    /** The push transport asked for was the one used: a push WebSocket exactly when not long polling. */
    static void assertTransport(String transport, List<String> sockets) {
        List<String> push = sockets.stream().filter(u -> u.contains("v-r=push")).toList();
        if (transport.equals("long-polling")) {
            assertThat(push).as("no push WebSocket when long polling is forced").isEmpty();
        } else {
            assertThat(push).as("push runs over a WebSocket").isNotEmpty();
        }
    }

    /**
     * Registers through the registration page, then signs in through the login page. The push transport
     * chosen on the first page ("websocket" or "long-polling") holds for the whole session.
     */
    void registerAndSignIn(Page page, String username, String displayName, String password, String transport) {
        page.navigate(url("register?transport=" + transport));
        page.locator("[data-testid=register-username] input").fill(username);
        page.locator("[data-testid=register-display-name] input").fill(displayName);
        page.locator("[data-testid=register-password] input").fill(password);
        page.locator("[data-testid=register-confirm] input").fill(password);
        page.locator("[data-testid=register-submit]").click();
        page.waitForURL("**/login?registered");
        assertThat(page.getByText("Your account is ready")).isVisible();
        submitLogin(page, username, password);
        // What ./mvnw spring-boot:run shows a newcomer: the product, no development tools over its buttons.
        assertThat(page.locator("vaadin-app-layout")).isVisible();
        assertThat(page.locator("vaadin-dev-tools, copilot-main")).hasCount(0);
    }
}
