package org.parley.chat.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Route;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.chat.service.ChatService;
import org.parley.support.Chromium;

/**
 * ChatView.CLIENT_ID_EXPRESSION run by real Chromium (Debian's, at /usr/bin/chromium or $PARLEY_CHROMIUM):
 * each evaluation gives a new id that ChatService accepts, with crypto.randomUUID (https, localhost) and
 * without it (plain http elsewhere, where browsers leave it out). No server: the test serves an empty page.
 */
class ClientIdExpressionBrowserTest {

    /** ChatService's rule for a client-made message id. */
    private static final String VALID_ID = "[A-Za-z0-9_-]{1," + ChatService.MAX_CLIENT_ID_LENGTH + "}";

    private static final int SUBMITS = 2000;

    @Test
    void every_submit_gets_a_new_valid_id_with_or_without_crypto_random_uuid() {
        try (Playwright playwright = Playwright.create();
                Browser browser = Chromium.launch(playwright)) {
            Page page = browser.newPage();
            // An empty page served by the test itself, at whatever address is asked for.
            page.route(
                    "**/*",
                    route -> route.fulfill(new Route.FulfillOptions()
                            .setContentType("text/html")
                            .setBody("<!doctype html><title>Parley</title>")));

            page.navigate("https://parley.example/chat");
            assertThat(page.evaluate("window.isSecureContext")).isEqualTo(true);
            List<String> withUuid = ids(page, "window, crypto");
            page.navigate("http://parley.example/chat");
            assertThat(page.evaluate("window.isSecureContext")).isEqualTo(false);
            assertThat(page.evaluate("typeof crypto.randomUUID")).isEqualTo("undefined");
            List<String> plainHttp = ids(page, "window, crypto");
            // A browser without window.crypto at all.
            List<String> withoutCrypto = ids(page, "{}, undefined");

            assertThat(withUuid)
                    .allMatch(id -> id.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"));
            for (List<String> ids : List.of(withUuid, plainHttp, withoutCrypto)) {
                assertThat(ids)
                        .hasSize(SUBMITS)
                        .allMatch(id -> id.matches(VALID_ID))
                        .doesNotHaveDuplicates();
            }
        }
    }

    /** The expression evaluated once per submit, with {@code window} and {@code crypto} bound as given. */
    @SuppressWarnings("unchecked")
    private static List<String> ids(Page page, String windowAndCrypto) {
        return (List<String>) page.evaluate("((window, crypto) => Array.from({length: " + SUBMITS + "}, () => "
                + ChatView.CLIENT_ID_EXPRESSION + "))(" + windowAndCrypto + ")");
    }
}
