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

    ChromiumSender(Page page) {
        this.page = page;
        prepare();
    }

    /** Notes key presses and calibrates the clock; needed again after every page load. */
    private void prepare() {
        page.evaluate("() => document.addEventListener('keydown', e => { if (e.key === 'Enter') "
                + "window.__parleySentAt = performance.timeOrigin + performance.now(); }, true)");
        // At the instant Date.now() steps to a new millisecond, wall time is that millisecond: the difference to
        // the high-resolution clock read just before is the offset (averaged over 20 steps).
        clockOffsetMillis = ((Number) page.evaluate("() => { let sum = 0; const n = 20;"
                + " for (let i = 0; i < n; i++) { const start = Date.now(); let wall; let high;"
                + " do { high = performance.timeOrigin + performance.now(); wall = Date.now(); } while (wall === start);"
                + " sum += wall - high; } return sum / n; }")).doubleValue();
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

    /** Types and sends one message; returns when the key was pressed, in epoch microseconds. */
    long send(String text) {
        composer().fill(text);
        composer().press("Enter");
        double at = ((Number) page.evaluate("() => window.__parleySentAt")).doubleValue();
        return wallMicros(at);
    }

    /** Opens the bare broadcast socket in this page (the latency floor). */
    void joinBroadcastFloor(String baseUrl) {
        page.evaluate("(url) => new Promise((resolve, reject) => { window.__floor = new WebSocket(url);"
                + " window.__floor.onopen = resolve; window.__floor.onerror = reject; })",
                baseUrl.replace("http", "ws") + "benchmark/broadcast");
        prepare();
    }

    /** Sends one text over the bare broadcast socket; returns when it was handed to the socket. */
    long sendOverFloor(String text) {
        double at = ((Number) page.evaluate("(text) => { const t = performance.timeOrigin + performance.now();"
                + " window.__floor.send(text); return t; }", text)).doubleValue();
        return wallMicros(at);
    }

    private long wallMicros(double performanceMillis) {
        return Math.round((performanceMillis + clockOffsetMillis) * 1000);
    }
}
