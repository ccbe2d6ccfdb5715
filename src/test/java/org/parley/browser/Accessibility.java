package org.parley.browser;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * axe-core (Deque's accessibility engine, the script its Maven artifact carries) run in a page: collects every
 * serious or critical violation of WCAG 2.1 A and AA and of axe's best practices, with where it is, and keeps a
 * screenshot of what was audited.
 */
final class Accessibility {

    private static final String AXE = load();

    private final List<String> problems = new ArrayList<>();

    /** Audits what {@code page} shows now (dialogs included: they live in the page's overlay). */
    void check(Page page, String view) {
        // A dialog fading in or out is half transparent: colours are judged once it has settled.
        page.waitForFunction("() => !document.querySelector('[opening], [closing]')");
        BrowserTestBase.snapshot(page, "a11y-" + view);
        if (!Boolean.TRUE.equals(page.evaluate("() => typeof axe !== 'undefined'"))) {
            page.evaluate(AXE);
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> violations = (List<Map<String, Object>>) page.evaluate("""
                async () => {
                  const result = await axe.run(document, {
                    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
                    resultTypes: ['violations']
                  });
                  // Vaadin's vaadin-tabs keeps its own scroll box (div#scroll, tabindex -1, in its shadow root)
                  // between the tablist and its tabs; its tabs are announced and reached by arrow keys as they
                  // should be. Only that box is let pass: any other child where it does not belong still fails.
                  const vaadinTabsScrollBox = (v, n) => v.id === 'aria-required-children'
                    && n.target.length === 1 && /vaadin-tabs/.test(n.target[0])
                    && /not allowed: div\\[tabindex\\]\\s*$/.test(n.failureSummary)
                    && [...document.querySelectorAll('vaadin-tabs')].every(t =>
                         t.shadowRoot && t.shadowRoot.querySelectorAll('[tabindex]').length === 1
                         && t.shadowRoot.querySelector('#scroll[tabindex="-1"]'));
                  result.violations.forEach(v => v.nodes = v.nodes.filter(n => !vaadinTabsScrollBox(v, n)));
                  return result.violations
                    .filter(v => v.nodes.length > 0)
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => ({ id: v.id, impact: v.impact, help: v.help,
                                 where: v.nodes.slice(0, 3).map(n => n.target.join(' >> ') + ': '
                                        + n.failureSummary.replace(/\\s+/g, ' ').slice(0, 240)) }));
                }
                """);
        for (Map<String, Object> violation : violations) {
            problems.add(view + ": " + violation.get("id") + " (" + violation.get("impact") + ") "
                    + violation.get("help") + " at " + violation.get("where"));
        }
    }

    List<String> problems() {
        return problems;
    }

    private static String load() {
        try (InputStream script = Accessibility.class.getResourceAsStream("/axe.min.js")) {
            if (script == null) {
                throw new IllegalStateException("axe.min.js is not on the test class path (com.deque.html.axe-core)");
            }
            return new String(script.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
