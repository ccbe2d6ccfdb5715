package org.parley.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Debian's Chromium (at /usr/bin/chromium or $PARLEY_CHROMIUM), headless, for the browser tests and benchmarks. */
public final class Chromium {

    private Chromium() {}

    /** Launches it; a missing browser is an error with the fix in its message, never a skip. */
    public static Browser launch(Playwright playwright) {
        Path chromium = Path.of(System.getenv().getOrDefault("PARLEY_CHROMIUM", "/usr/bin/chromium"));
        if (!Files.isExecutable(chromium)) {
            throw new IllegalStateException("Browser tests need Chromium at " + chromium
                    + " (apt-get install -y chromium, or set PARLEY_CHROMIUM). .ci/run installs it.");
        }
        return playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(chromium)
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--disable-dev-shm-usage")));
    }
}
