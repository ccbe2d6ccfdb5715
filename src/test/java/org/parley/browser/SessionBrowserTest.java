package org.parley.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.support.TestUsers.as;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.account.service.AccountService;
import org.parley.account.service.UserSummary;
import org.parley.chat.service.AttachmentService;
import org.parley.chat.service.AttachmentTestFiles;
import org.parley.chat.service.AttachmentView;
import org.parley.support.Scenarios;
import org.parley.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A session cookie is only worth something while its owner is signed in with it. Session fixation: a session id an
 * attacker got from Parley and planted in the victim's browser is replaced when the victim signs in, so the
 * attacker's copy opens nothing. Logout replay: a copy of a signed-in cookie (the session's, or the stay-signed-in
 * cookie that lets a page move to another node) stops opening the app, files and pictures the moment its owner
 * signs out. The copies are sent by a plain HTTP client, as an attacker would.
 */
class SessionBrowserTest extends BrowserTestBase {

    private static final String SESSION = "JSESSIONID";
    private static final String REMEMBER_ME = "parley-remember-me";
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(TIMEOUT)
            .build();

    @Autowired
    TestUsers users;

    @Autowired
    Scenarios scenarios;

    @Autowired
    AttachmentService attachments;

    @Autowired
    AccountService accounts;

    @Test
    void a_session_id_planted_before_sign_in_is_replaced_and_opens_nothing_afterwards() throws Exception {
        UserSummary vera = users.create("vera");
        UserSummary bob = users.create("bob");
        Secret secret = secretFileBetween(bob, vera);

        // Mallory gets a session of her own from Parley, without signing in, and plants it in Vera's browser.
        HttpResponse<String> loginPage = get("login", null);
        String planted = sessionIdSetBy(loginPage);
        assertThat(get("", planted).statusCode())
                .as("the planted session is not signed in")
                .isEqualTo(302);
        Page page = newPerson();
        BrowserContext browser = page.context();
        browser.addCookies(
                List.of(new Cookie(SESSION, planted).setDomain("localhost").setPath("/")));
        page.navigate(url("login"));
        assertThat(sessionIdIn(browser))
                .as("Vera's browser is using Mallory's session before signing in")
                .isEqualTo(planted);

        signIn(page, vera.username(), TestUsers.PASSWORD);

        String signedIn = sessionIdIn(browser);
        assertThat(signedIn).as("signing in gives a new session id").isNotEqualTo(planted);
        // Vera's own cookie opens the app and her file (so the client below would see it if it could).
        assertThat(get("", signedIn).statusCode())
                .as("Vera's new session, the app")
                .isEqualTo(200);
        assertThat(get(secret.url(), signedIn).body())
                .as("Vera's new session, her file")
                .isEqualTo(secret.content());
        // Mallory's copy of the id she planted opens nothing.
        assertSignedOut(planted, "the planted session id", secret);
    }

    @Test
    void a_copy_of_the_session_cookie_opens_nothing_once_its_owner_signed_out() throws Exception {
        UserSummary vera = users.create("vera");
        UserSummary bob = users.create("bob");
        Secret secret = secretFileBetween(bob, vera);
        String avatarUrl = as(
                        vera,
                        () -> accounts.changeAvatar(
                                new ByteArrayInputStream(AttachmentTestFiles.picture("png", 64, 64, Color.BLUE)), -1))
                .avatarUrl();
        Page page = newPerson();
        signIn(page, vera.username(), TestUsers.PASSWORD);

        // Copied while she is signed in, the cookie works like her browser: the app, her file, her picture.
        String copied = sessionIdIn(page.context());
        assertThat(get("", copied).statusCode()).as("the app, with the copy").isEqualTo(200);
        assertThat(get(secret.url(), copied).body())
                .as("her file, with the copy")
                .isEqualTo(secret.content());
        HttpResponse<String> picture = get(avatarUrl.substring(1), copied);
        assertThat(picture.statusCode()).as("her picture, with the copy").isEqualTo(200);
        assertThat(picture.headers().firstValue("Content-Type").orElse("")).startsWith("image/");

        // The stay-signed-in cookie alone (what lets a page move to another node) signs her in too.
        String rememberMe = cookieIn(page.context(), REMEMBER_ME);
        assertThat(getWith("", REMEMBER_ME, rememberMe).statusCode())
                .as("the app, with a copy of the stay-signed-in cookie")
                .isEqualTo(200);

        // She signs out in the page.
        page.locator("[data-testid=sign-out]").click();
        page.waitForURL("**/login?signed-out");
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.getByText("You have signed out."))
                .isVisible();

        // The copies are replayed: the sign-in page, never the app, her file or her picture.
        assertSignedOut(copied, "the copied session id after signing out", secret);
        for (String path : List.of("", "chat/" + secret.conversationId(), secret.url())) {
            HttpResponse<String> replayed = getWith(path, REMEMBER_ME, rememberMe);
            assertThat(replayed.statusCode())
                    .as("/%s with the stay-signed-in cookie after signing out", path)
                    .isIn(302, 401, 403);
            assertThat(replayed.body()).doesNotContain("TOP-SECRET");
        }
        HttpResponse<String> pictureAfter = get(avatarUrl.substring(1), copied);
        assertThat(pictureAfter.statusCode())
                .as("her picture after signing out")
                .isIn(302, 401, 403);
        assertThat(pictureAfter.headers().firstValue("Content-Type").orElse("")).doesNotContain("image");
    }

    // ----------------------------------------------------------------------------------------------------------

    /** A text file only {@code sender} and {@code reader} may read, sent in their conversation. */
    private Secret secretFileBetween(UserSummary sender, UserSummary reader) throws IOException {
        long conversation = scenarios.friendsWithConversation(sender, reader);
        String content = "TOP-SECRET " + TestUsers.uniqueName("plan");
        AttachmentView file = as(
                        sender,
                        () -> attachments.upload(
                                conversation,
                                "plan.txt",
                                "text/plain",
                                new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8))))
                .attachment();
        return new Secret(file.downloadUrl().substring(1), content, conversation);
    }

    private record Secret(String url, String content, long conversationId) {}

    /** With this session id: sent to the sign-in page for the app and a conversation; the file is not served. */
    private void assertSignedOut(String sessionId, String what, Secret secret) throws Exception {
        for (String path : List.of("", "chat", "chat/" + secret.conversationId())) {
            HttpResponse<String> app = get(path, sessionId);
            assertThat(app.statusCode()).as("/%s with %s", path, what).isEqualTo(302);
            assertThat(app.headers().firstValue("Location"))
                    .as("/%s with %s", path, what)
                    .hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
        }
        HttpResponse<String> file = get(secret.url(), sessionId);
        assertThat(file.statusCode()).as("the file with %s", what).isIn(302, 401, 403);
        assertThat(file.body()).as("the file with %s", what).doesNotContain("TOP-SECRET");
        assertThat(file.headers().firstValue("Content-Disposition"))
                .as("the file with %s", what)
                .isEmpty();
    }

    private HttpResponse<String> get(String path, String sessionId) throws Exception {
        return getWith(path, SESSION, sessionId);
    }

    private HttpResponse<String> getWith(String path, String cookie, String value) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(url(path))).timeout(TIMEOUT).GET();
        if (value != null) {
            request.header("Cookie", cookie + "=" + value);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String sessionIdSetBy(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(SESSION + "="))
                .map(c -> c.substring(SESSION.length() + 1, c.indexOf(';')))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie set by " + response.uri()));
    }

    private String sessionIdIn(BrowserContext browser) {
        return cookieIn(browser, SESSION);
    }

    private String cookieIn(BrowserContext browser, String name) {
        return browser.cookies(url("")).stream()
                .filter(c -> c.name.equals(name))
                .map(c -> c.value)
                .findFirst()
                .orElseThrow(() -> new AssertionError("the browser has no cookie " + name));
    }
}
