package org.parley.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.parley.account.service.UserSummary;
import org.parley.chat.service.ChatService;
import org.parley.groups.domain.ChatGroup.JoinPolicy;
import org.parley.groups.service.GroupService;
import org.parley.groups.service.GroupSummary;
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
        Map<String, UserSummary> people = users.createAll("ann", "bob", "carl");
        UserSummary ann = people.get("ann");
        UserSummary bob = people.get("bob");
        UserSummary carl = people.get("carl");
        long direct = scenarios.friendsWithConversation(ann, bob);
        TestUsers.run(bob, () -> chat.send(direct, "Lunch at noon? https://example.org/menu"));
        TestUsers.run(ann, () -> chat.send(direct, "Yes, see you there"));
        GroupSummary club = scenarios.groupWithMembers(
                ann, "Club " + TestUsers.uniqueName("a"), "Books we read", JoinPolicy.APPROVAL, bob);
        TestUsers.run(carl, () -> groups.join(club.id(), "May I join?"));
        long clubChat = club.conversationId();
        TestUsers.run(bob, () -> chat.send(clubChat, "Next book: Dune"));
        String name = scheme.name().toLowerCase();
        Accessibility audit = new Accessibility();

        Page page = newPerson(new Browser.NewContextOptions().setColorScheme(scheme));
        page.navigate(url("login"));
        assertThat(page.locator("vaadin-login-form")).isVisible();
        assertColours(page, scheme);
        audit.check(page, "login-" + name);
        page.navigate(url("register"));
        assertThat(page.locator("[data-testid=register-username]")).isVisible();
        audit.check(page, "register-" + name);

        signIn(page, ann, "websocket");
        assertColours(page, scheme);
        assertThat(page.locator("[data-testid=conversation-list]")).isVisible();
        audit.check(page, "chats-" + name);

        page.navigate(url("chat/" + direct));
        assertThat(page.locator("[data-testid=message-list]").getByText("Yes, see you there"))
                .isVisible();
        audit.check(page, "direct-" + name);

        page.locator("[data-testid=message-search-open]").click();
        assertThat(page.locator("[data-testid=message-search-field]")).isVisible();
        audit.check(page, "message-search-" + name);
        page.keyboard().press("Escape");
        assertThat(page.locator("[data-testid=message-search-field]")).isHidden();

        page.navigate(url("chat/" + clubChat));
        assertThat(page.locator("[data-testid=message-list]").getByText("Next book: Dune"))
                .isVisible();
        audit.check(page, "group-" + name);
        page.locator("[data-testid=group-members-button]").click();
        assertThat(page.locator("[data-testid=group-members]")).isVisible();
        audit.check(page, "group-members-" + name);
        for (String tab : new String[] {"Requests", "Log", "Settings"}) {
            page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName(tab))
                    .click();
            audit.check(page, "group-" + tab.toLowerCase() + "-" + name);
        }
        page.keyboard().press("Escape");

        page.navigate(url("people"));
        page.locator("[data-testid=people-search] input").fill(carl.username());
        assertThat(page.locator("[data-testid=person-" + carl.username() + "]")).isVisible();
        audit.check(page, "people-" + name);
        page.navigate(url("friends"));
        assertThat(page.locator("[data-testid=friend-list]")).isVisible();
        audit.check(page, "friends-" + name);
        page.navigate(url("groups"));
        assertThat(page.locator("[data-testid=group-search]")).isVisible();
        audit.check(page, "groups-" + name);
        page.locator("[data-testid=group-create]").click();
        assertThat(page.locator("[data-testid=group-name]")).isVisible();
        audit.check(page, "group-create-" + name);
        page.keyboard().press("Escape");
        page.navigate(url("profile"));
        assertThat(page.locator("[data-testid=profile-color-scheme]")).isVisible();
        audit.check(page, "profile-" + name);
        page.locator("[data-testid=notification-choices]").click();
        assertThat(page.locator("[data-testid=notify-show]")).isVisible();
        audit.check(page, "notification-choices-" + name);

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
