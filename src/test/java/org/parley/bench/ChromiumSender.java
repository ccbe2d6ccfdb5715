package org.parley.bench;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/**
 * A real Chromium page that sends: it types into Parley's composer and presses Enter, and the page itself notes
 * the moment of the key press on the wall clock (the browser's high-resolution clock, corrected against
 * {@code Date.now()}, which shares the system clock with the receivers in this JVM).
 */
final class ChromiumSender {

    private final Page page;

    private double clockOffsetMillis;
    private Stats inBrowser = new Stats();

    ChromiumSender(Page page) {
        this.page = page;
        prepare();
    }

    /** Notes key presses and calibrates the clock; needed again after every page load. */
    private void prepare() {
        page.evaluate("() => { document.addEventListener('keydown', e => { if (e.key === 'Enter') {"
                + " window.__parleyKeyAt = performance.now();"
                + " window.__parleySentAt = performance.timeOrigin + window.__parleyKeyAt; } }, true);"
                // When each of Vaadin's UIDL requests left the browser (resource timing, relative to the page).
                + " window.__parleyRequests = [];"
                + " new PerformanceObserver(list => { for (const e of list.getEntries()) {"
                + " if (e.name.includes('v-r=uidl')) window.__parleyRequests.push(e.startTime); } })"
                + ".observe({type: 'resource'}); }");
        // At the instant Date.now() steps to a new millisecond, wall time is that millisecond: the difference to
        // the high-resolution clock read just before is the offset (averaged over 20 steps).
        clockOffsetMillis = ((Number) page.evaluate("() => { let sum = 0; const n = 20;"
                        + " for (let i = 0; i < n; i++) { const start = Date.now(); let wall; let high;"
                        + " do { high = performance.timeOrigin + performance.now(); wall = Date.now(); } while (wall === start);"
                        + " sum += wall - high; } return sum / n; }"))
                .doubleValue();
    }

    Page page() {
        return page;
    }

    /** Opens a conversation and waits for its composer. */
    void open(String baseUrl, long conversationId) {
        page.navigate(baseUrl + "chat/" + conversationId);
        composer().waitFor();
        page.waitForTimeout(300);
        prepare();
    }

    private Locator composer() {
        return page.locator("vaadin-message-input textarea");
    }

    /**
     * Types and sends one message; returns when the key was pressed, in epoch microseconds. Also notes how long
     * the page took from the key press until Vaadin's request left it ({@link #inBrowser}).
     */
    long send(String text) {
        composer().fill(text);
        composer().press("Enter");
        double at = ((Number) page.evaluate("() => window.__parleySentAt")).doubleValue();
        Object leftAfter = page.waitForFunction("() => { const key = window.__parleyKeyAt;"
                        + " const sent = window.__parleyRequests.filter(t => t >= key);"
                        + " return sent.length ? Math.min(...sent) - key : null; }")
                .jsonValue();
        inBrowser.add(((Number) leftAfter).doubleValue());
        return wallMicros(at);
    }

    /** Key press → the request with the message leaving the page, per send since the last call (ms). */
    Stats inBrowser() {
        Stats taken = inBrowser;
        inBrowser = new Stats();
        return taken;
    }

    /** Opens the bare broadcast socket in this page (the latency floor). */
    void joinBroadcastFloor(String baseUrl) {
        page.evaluate(
                "(url) => new Promise((resolve, reject) => { window.__floor = new WebSocket(url);"
                        + " window.__floor.onopen = resolve; window.__floor.onerror = reject; })",
                baseUrl.replace("http", "ws") + "benchmark/broadcast");
        prepare();
    }

    /** Sends one text over the bare broadcast socket; returns when it was handed to the socket. */
    long sendOverFloor(String text) {
        double at = ((Number) page.evaluate(
                        "(text) => { const t = performance.timeOrigin + performance.now();"
                                + " window.__floor.send(text); return t; }",
                        text))
                .doubleValue();
        return wallMicros(at);
    }

    private long wallMicros(double performanceMillis) {
        return Math.round((performanceMillis + clockOffsetMillis) * 1000);
    }
}
