package org.parley.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import org.parley.support.Chromium;

/** What every benchmark gets: the running server, the results, a scratch folder and (on demand) Chromium. */
final class BenchContext implements AutoCloseable {

    /** The JavaScript expression whose value the composer sends as the message's client-made id. */
    static final String CLIENT_ID_EXPRESSION = org.parley.chat.ui.ChatView.CLIENT_ID_EXPRESSION;

    final BenchServer server;
    final Results results;
    final Path workDirectory;
    private Playwright playwright;
    private Browser browser;

    BenchContext(BenchServer server, Results results, Path workDirectory) {
        this.server = server;
        this.results = results;
        this.workDirectory = workDirectory;
    }

    String baseUrl() {
        return server.baseUrl();
    }

    LightClient lightClient(LightClient.Listener listener) {
        return new LightClient(baseUrl(), CLIENT_ID_EXPRESSION, listener);
    }

    synchronized Browser browser() {
        if (browser == null) {
            playwright = Playwright.create();
            browser = Chromium.launch(playwright);
        }
        return browser;
    }

    /**
     * A person signed in through the login page in a fresh browser context; {@code transport} is
     * "websocket" or "long-polling" (held for the session). Playwright objects are not thread-safe: use the page
     * from the thread that made it.
     */
    synchronized Page signedInPage(String username, String transport) {
        BrowserContext context = browser().newContext(new Browser.NewContextOptions().setViewportSize(1280, 800));
        Page page = context.newPage();
        page.navigate(baseUrl() + "login?transport=" + transport);
        page.locator("input[name=username]").fill(username);
        page.locator("input[name=password]").fill(Seeder.PASSWORD);
        page.locator("vaadin-login-form vaadin-button[slot=submit]").click();
        page.waitForURL(url -> !url.contains("/login"));
        return page;
    }

    @Override
    public synchronized void close() {
        if (browser != null) {
            browser.close();
            playwright.close();
            browser = null;
        }
    }
}
