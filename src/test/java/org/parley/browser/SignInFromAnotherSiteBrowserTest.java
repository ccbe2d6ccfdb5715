package org.parley.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.parley.account.service.UserSummary;
import org.parley.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Login CSRF: a page on another site posts Parley's sign-in form with the attacker's name and password, so that a
 * visitor would be signed into the attacker's account (and what they then write or upload goes there). In real
 * Chromium, across sites (the attacker's page at 127.0.0.1, Parley at localhost): refused, and the visitor is not
 * signed in. Signing in on Parley's own page still works.
 */
class SignInFromAnotherSiteBrowserTest extends BrowserTestBase {

    @Autowired
    TestUsers users;

    @Test
    void a_sign_in_posted_from_another_site_is_refused() throws Exception {
        UserSummary mallory = users.create("mallory");
        String form = """
                <!doctype html><html><body>
                <form method="post" action="%s">
                  <input name="username" value="%s"><input name="password" value="%s">
                </form>
                <script>document.forms[0].submit();</script>
                </body></html>""".formatted(url("login"), mallory.username(), TestUsers.PASSWORD);
        HttpServer attacker = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        attacker.createContext("/", exchange -> {
            byte[] body = form.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        attacker.start();
        try {
            Page visitor = newPerson();
            Response posted = visitor.waitForResponse(
                    response -> response.url().endsWith("/login")
                            && "POST".equals(response.request().method()),
                    () -> visitor.navigate(
                            "http://127.0.0.1:" + attacker.getAddress().getPort() + "/"));
            assertThat(posted.status()).as("the forged sign-in").isEqualTo(403);

            visitor.navigate(url(""));
            visitor.waitForURL(address -> address.contains("/login"));
            assertThat(visitor.url()).as("not signed in as anybody").contains("/login");
            assertThat(visitor.content()).doesNotContain(mallory.displayName());

            // Parley's own sign-in page still signs in.
            signIn(visitor, mallory.username(), TestUsers.PASSWORD);
            assertThat(visitor.url()).doesNotContain("/login");
        } finally {
            attacker.stop(0);
        }
    }
}
