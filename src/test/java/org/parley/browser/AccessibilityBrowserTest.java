package org.parley.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.parley.account.service.UserSummary;
import org.parley.chat.service.ChatService;
import org.parley.groups.service.GroupService;
import org.parley.support.Scenarios;
import org.parley.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every view, in the light and in the dark colours a browser asks for by default (Ann never chose), audited by
 * axe-core: no serious or critical violation (missing names, contrast too low, roles misused). Each view is
 * kept as a screenshot per scheme (target/screenshots/a11y-*), for a human's look at both. And one's own choice
 * of colours in Profile, which wins over the system's.
 */
class AccessibilityBrowserTest extends BrowserTestBase {

    @Autowired
    org.parley.administration.service.AdministrationService administration;

    @Autowired
    TestUsers users;

    @Autowired
    Scenarios scenarios;

    @Autowired
    ChatService chat;

    @Autowired
    GroupService groups;

    @ParameterizedTest(name = "{0} colours")
    @EnumSource(
            value = ColorScheme.class,
            names = {"LIGHT", "DARK"})
    void every_view_passes_the_audit_in_the_colours_the_system_asks_for(ColorScheme scheme) {
        ViewTour.Cast cast = ViewTour.cast(users, scenarios, chat, groups, administration);
        String name = scheme.name().toLowerCase();
        Accessibility audit = new Accessibility();

        Page page = newPerson(new Browser.NewContextOptions().setColorScheme(scheme));
        ViewTour.walk(this, page, cast, (at, view) -> {
            assertColours(at, scheme);
            audit.check(at, view + "-" + name);
        });

        assertThat(audit.problems())
                .as("serious or critical accessibility violations")
                .isEmpty();
    }

    @Test
    void ones_own_colour_choice_wins_over_the_systems_at_once_and_is_remembered() {
        UserSummary ann = users.create("ann");
        Page page = newPerson(new Browser.NewContextOptions().setColorScheme(ColorScheme.LIGHT));
        signIn(page, ann, "websocket");
        assertColours(page, ColorScheme.LIGHT);

        page.navigate(url("profile"));
        Locator choice = page.locator("[data-testid=profile-color-scheme]");
        assertThat(choice.getByLabel("As my system")).isChecked();
        choice.getByLabel("Dark").check();
        page.waitForFunction("() => getComputedStyle(document.documentElement).colorScheme === 'dark'");
        assertColours(page, ColorScheme.DARK);

        // Another tab, a reload: still dark, though the system says light.
        page.reload();
        assertThat(page.locator("[data-testid=profile-color-scheme]").getByLabel("Dark"))
                .isChecked();
        assertColours(page, ColorScheme.DARK);
        Page other = page.context().newPage();
        other.navigate(url("chat"));
        assertThat(other.locator("vaadin-app-layout")).isVisible();
        assertColours(other, ColorScheme.DARK);

        page.locator("[data-testid=profile-color-scheme]")
                .getByLabel("As my system")
                .check();
        page.waitForFunction("() => getComputedStyle(document.documentElement).colorScheme !== 'dark'");
        assertColours(page, ColorScheme.LIGHT);
    }

    /** The page's colours are the scheme's: a dark background with light text, or the other way round. */
    static void assertColours(Page page, ColorScheme scheme) {
        double background = luminance(page, "backgroundColor");
        double text = luminance(page, "color");
        if (scheme == ColorScheme.DARK) {
            assertThat(background).as("background luminance, dark").isLessThan(0.2);
            assertThat(text).as("text luminance, dark").isGreaterThan(0.6);
        } else {
            assertThat(background).as("background luminance, light").isGreaterThan(0.8);
            assertThat(text).as("text luminance, light").isLessThan(0.4);
        }
    }

    /** The page's (html element's) colour {@code property} as 0 (black) to 1 (white), whatever CSS notation. */
    private static double luminance(Page page, String property) {
        Object value = page.evaluate("""
                property => {
                  const canvas = document.createElement('canvas');
                  canvas.width = canvas.height = 1;
                  const pen = canvas.getContext('2d');
                  pen.fillStyle = getComputedStyle(document.documentElement)[property];
                  pen.fillRect(0, 0, 1, 1);
                  const [r, g, b] = pen.getImageData(0, 0, 1, 1).data;
                  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
                }""", property);
        return ((Number) value).doubleValue();
    }
}
