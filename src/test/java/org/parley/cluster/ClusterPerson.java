package org.parley.cluster;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.parley.support.TestUsers;

/** One person of {@link ClusterBrowserTest} in a browser context of their own, pinned through the proxy to one node. */
final class ClusterPerson {
    final String name;
    final String username;
    final int node;
    final BrowserContext context;
    final Page page;
    final Path directory;
    final AtomicInteger loads = new AtomicInteger();
    final List<String> webSockets = new CopyOnWriteArrayList<>();
    final List<String> policyViolations = new CopyOnWriteArrayList<>();
    final List<String> console = new CopyOnWriteArrayList<>();
    private final long born = System.nanoTime();
    /** A message whose submit request gets to the server but whose answer is kept from the page. */
    private volatile String answerDropped;

    private boolean routed;
    /** Messages whose submit the server answered (so they are stored) while the page never got the answer. */
    private final Set<String> storedUnacknowledged = ConcurrentHashMap.newKeySet();

    private final ParleyCluster cluster;
    private final String password;

    ClusterPerson(String name, int node, Path directory, Browser browser, ParleyCluster cluster, String password) {
        this(name, TestUsers.uniqueName(name), node, directory, browser, cluster, password);
    }

    /** A person with exactly this user name (e.g. the server administrator the settings name). */
    ClusterPerson(
            String name,
            String username,
            int node,
            Path directory,
            Browser browser,
            ParleyCluster cluster,
            String password) {
        this.cluster = cluster;
        this.password = password;
        this.name = name;
        this.username = username;
        this.node = node;
        this.directory = directory;
        this.context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800));
        context.setDefaultTimeout(20_000);
        // The proxy's affinity cookie, as HAProxy itself would have set it for this node.
        context.addCookies(
                List.of(new Cookie(cluster.affinityCookie(), cluster.affinityValue(node)).setUrl(cluster.proxyUrl())));
        page = context.newPage();
        page.onLoad(loaded -> {
            loads.incrementAndGet();
            log("load " + loaded.url());
        });
        page.onWebSocket(socket -> webSockets.add(socket.url()));
        page.onConsoleMessage(message -> {
            log("console " + message.type() + ": " + message.text());
            if (message.text().contains("Content Security Policy")) {
                policyViolations.add(message.text());
            }
        });
        page.onRequestFailed(
                failed -> log("request failed " + failed.method() + " " + failed.url() + ": " + failed.failure()));
    }

    void log(String line) {
        console.add("%7d ms %s".formatted(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - born), line));
    }

    void registerAndSignIn(String transport) {
        page.navigate(cluster.proxyUrl() + "register?transport=" + transport);
        page.locator("[data-testid=register-username] input").fill(username);
        page.locator("[data-testid=register-display-name] input")
                .fill(Character.toUpperCase(name.charAt(0)) + name.substring(1) + " on node " + node);
        page.locator("[data-testid=register-password] input").fill(password);
        page.locator("[data-testid=register-confirm] input").fill(password);
        page.locator("[data-testid=register-submit]").click();
        page.waitForURL("**/login?registered");
        page.locator("input[name=username]").fill(username);
        page.locator("input[name=password]").fill(password);
        page.locator("vaadin-login-form vaadin-button[slot=submit]").click();
        page.waitForURL(u -> !u.contains("/login"));
    }

    /** Node {@code expected} holds this person's signed-in session, and the other node (if alive) does not. */
    void assertSessionOn(int expected) throws Exception {
        String session = sessionCookie();
        int other = expected == 1 ? 2 : 1;
        assertThat(cluster.holdsSignedInSession(expected, session))
                .as("%s's session is on node %d", name, expected)
                .isTrue();
        if (cluster.node(other).server().isAlive()) {
            assertThat(cluster.holdsSignedInSession(other, session))
                    .as("%s's session is not on node %d", name, other)
                    .isFalse();
        }
    }

    private String sessionCookie() {
        return context.cookies(cluster.proxyUrl()).stream()
                .filter(c -> c.name.equals("JSESSIONID"))
                .map(c -> c.name + "=" + c.value)
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + " has no JSESSIONID cookie: "
                        + context.cookies(cluster.proxyUrl()).stream()
                                .map(c -> c.name)
                                .toList()));
    }

    Locator messages() {
        return page.locator("[data-testid=message-list]");
    }

    Locator input() {
        return page.locator("[data-testid=message-input] textarea");
    }

    /** From now on, the server's answer to the submit of {@code text} is kept from the page (null: none). */
    void answerDroppedFor(String text) {
        answerDropped = text;
        if (text != null && !routed) {
            routed = true;
            // Vaadin's requests from page to server: events, such as a composer's submit.
            page.route(url -> url.contains("v-r=uidl"), route -> {
                String dropped = answerDropped;
                String body = route.request().postData();
                if (dropped == null || body == null || !body.contains(dropped)) {
                    route.resume();
                    return;
                }
                if (!storedUnacknowledged.contains(dropped)) {
                    // The server gets the request and answers; the page is told the connection failed.
                    int status = route.fetch().status();
                    log("answer to the submit of \"" + dropped + "\" dropped (the server answered " + status + ")");
                    if (status == 200) {
                        storedUnacknowledged.add(dropped);
                    }
                }
                // The page's retries of the same request are cut before they reach the server.
                route.abort();
            });
        }
    }

    void awaitStoredUnacknowledged(String text) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!storedUnacknowledged.contains(text) && System.nanoTime() < deadline) {
            page.waitForTimeout(50);
        }
        assertThat(storedUnacknowledged)
                .as("the server answered %s's submit (its answer then kept from the page)", name)
                .contains(text);
    }

    /** Submits a message from the open conversation, without waiting for anything. */
    void submit(String text) {
        input().fill(text);
        input().press("Enter");
    }

    /** Sends a message from the open conversation and waits until this page shows it (stored). */
    void send(String text, List<String> sent) {
        input().fill(text);
        input().press("Enter");
        sent.add(text);
        assertThat(messages().getByText(text)).hasCount(1);
    }

    void screenshot(String file) {
        try {
            page.screenshot(new Page.ScreenshotOptions().setPath(directory.resolve(file + ".png")));
        } catch (RuntimeException closed) {
            log("no screenshot: " + closed.getMessage());
        }
    }

    void close() {
        try {
            Files.write(directory.resolve(name + "-browser.log"), console, StandardCharsets.UTF_8);
        } catch (IOException e) {
            System.out.println("Could not write " + name + "'s browser log: " + e);
        }
        if (routed) {
            // A long poll still held by the route would otherwise be resumed into a closing page, and its
            // "target closed" would surface from context.close().
            page.unrouteAll();
        }
        context.close();
    }
}
