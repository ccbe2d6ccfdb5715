package org.parley.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.RequestOptions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.parley.account.service.UserSummary;
import org.parley.administration.service.AdministrationService;
import org.parley.groups.service.GroupSummary;
import org.parley.support.Scenarios;
import org.parley.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A server administrator at work, as people see it: the administrator named in the settings finds Bob and disables
 * his account, and Bob's open tab goes to the sign-in page at once, where his password no longer opens anything;
 * enabled again, and given a new password, he signs in with that one. Groups are found and deleted. Somebody who is
 * not an administrator has no Administration in the menu and finds the page closed.
 */
class AdministrationBrowserTest extends BrowserTestBase {

    @Autowired
    TestUsers users;

    @Autowired
    Scenarios scenarios;

    @Autowired
    AdministrationService administration;

    @ParameterizedTest(name = "push over {0}")
    @Transports
    void an_administrator_disables_an_account_and_its_open_tab_is_signed_out_at_once(String transport) {
        UserSummary boss = users.administrator();
        Map<String, UserSummary> people = users.createAll("bob", "cat");
        UserSummary bob = people.get("bob");
        UserSummary cat = people.get("cat");

        Page bobPage = newPerson();
        signIn(bobPage, bob, transport);
        Page catPage = newPerson();
        signIn(catPage, cat, transport);
        assertThat(catPage.locator("vaadin-side-nav")).not().containsText("Administration");
        catPage.navigate(url("administration"));
        assertThat(catPage.getByText("Only server administrators may open Administration"))
                .isVisible();

        Page bossPage = newPerson();
        signIn(bossPage, boss, transport);
        bossPage.locator("vaadin-side-nav").getByText("Administration").click();
        bossPage.locator("[data-testid=administration-people-search] input").fill(bob.username());
        Locator bobRow = bossPage.locator("[data-testid=administration-person-" + bob.username() + "]");
        // The search has been answered (until then, the rows are about to be replaced).
        assertThat(bossPage.locator("[data-testid=administration-people]")).hasAttribute("data-query", bob.username());
        assertThat(bobRow).containsText("Files and pictures: 0 bytes");
        snapshot(bossPage, "administration-people-" + transport);
        bobRow.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Disable"))
                .click();
        bossPage.getByRole(AriaRole.ALERTDIALOG)
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Disable"))
                .click();
        assertThat(bobRow).containsText("Disabled");

        // Bob's tab leaves at once, without him doing anything, and says why.
        bobPage.waitForURL(Pattern.compile(".*/login\\?ended.*"));
        assertThat(bobPage.getByText("An administrator ended your sign-in.")).isVisible();
        snapshot(bobPage, "administration-ended-" + transport);
        bobPage.locator("input[name=username]").fill(bob.username());
        bobPage.locator("input[name=password]").fill(TestUsers.PASSWORD);
        bobPage.locator("vaadin-login-form vaadin-button[slot=submit]").click();
        bobPage.waitForURL(Pattern.compile(".*/login\\?error.*"));

        // Enabled again, then a new password: only that one opens his account.
        bobRow.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Enable"))
                .click();
        assertThat(bobRow).not().containsText("Disabled");
        bobRow.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Reset password"))
                .click();
        bossPage.getByRole(AriaRole.ALERTDIALOG)
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Reset password"))
                .click();
        Locator newPassword = bossPage.locator("[data-testid=new-password]");
        assertThat(newPassword).hasText(Pattern.compile("[A-Za-z0-9]{16}"));
        assertThat(newPassword).isVisible();
        String fresh = newPassword.textContent();
        snapshot(bossPage, "administration-new-password-" + transport);
        bossPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Done"))
                .click();
        signIn(bobPage, bob.username(), fresh);
        assertThat(bobPage.locator("vaadin-app-layout")).isVisible();

        bossPage.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Log"))
                .click();
        Locator log = bossPage.locator("[data-testid=administration-log]");
        assertThat(log).containsText("Test Boss: reset the password of " + bob.username());
        assertThat(log).containsText("Test Boss: enabled the account of " + bob.username());
        assertThat(log).containsText("Test Boss: disabled the account of " + bob.username());
    }

    /**
     * Over long polling a tab hears from the server only through its next poll, and that poll may still be on its way
     * (here it is held up in the browser) when the account is disabled: the move to the sign-in page waits for it, so
     * the tab still says why it was signed out, while the session has stopped opening anything.
     */
    @Test
    void a_tab_between_two_polls_when_its_account_is_disabled_still_says_why() {
        UserSummary boss = users.administrator();
        UserSummary bob = users.create("bob");
        Page bobPage = newPerson();
        List<Route> heldPolls = new CopyOnWriteArrayList<>();
        Predicate<String> pushRequest = address -> address.contains("v-r=push");
        bobPage.route(pushRequest, heldPolls::add);
        signIn(bobPage, bob, "long-polling");
        bobPage.waitForCondition(() -> !heldPolls.isEmpty());

        TestUsers.run(boss, () -> administration.disable(bob.id()));
        // The session ends right after the commit; give it time to, with the poll still held up.
        bobPage.waitForTimeout(1_500);
        assertThat(bobPage.locator("vaadin-app-layout")).isVisible();
        // Already signed out: his cookies open nothing (asked as one of Vaadin's own requests, which keeps the
        // session for the poll on its way).
        APIResponse asked =
                bobPage.request().get(url("?v-r=any"), RequestOptions.create().setMaxRedirects(0));
        assertThat(asked.headers().get("location")).contains("/login");

        bobPage.unroute(pushRequest);
        heldPolls.forEach(Route::resume);
        bobPage.waitForURL(Pattern.compile(".*/login\\?ended.*"));
        assertThat(bobPage.getByText("An administrator ended your sign-in.")).isVisible();
        bobPage.navigate(url(""));
        bobPage.waitForURL(Pattern.compile(".*/login.*"));
    }

    @ParameterizedTest(name = "push over {0}")
    @Transports
    void an_administrator_finds_a_group_with_its_storage_and_deletes_it(String transport) {
        UserSummary boss = users.administrator();
        UserSummary owner = users.create("owner");
        String name = "Doomed " + TestUsers.uniqueName("g");
        GroupSummary group = scenarios.openGroup(owner, name, "");
        Page ownerPage = newPerson();
        signIn(ownerPage, owner, transport);
        ownerPage.navigate(url("groups"));
        assertThat(ownerPage.getByText(name)).isVisible();

        Page bossPage = newPerson();
        signIn(bossPage, boss, transport);
        bossPage.navigate(url("administration"));
        bossPage.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Groups"))
                .click();
        bossPage.locator("[data-testid=administration-groups-search] input").fill(name);
        Locator row = bossPage.locator("[data-testid=administration-group-" + group.id() + "]");
        assertThat(bossPage.locator("[data-testid=administration-groups]")).hasAttribute("data-query", name);
        assertThat(row).containsText("1 member · files and pictures: 0 bytes");
        snapshot(bossPage, "administration-groups-" + transport);
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete"))
                .click();
        bossPage.getByRole(AriaRole.ALERTDIALOG)
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete"))
                .click();
        assertThat(row).hasCount(0);
        // The owner's open list loses it live.
        assertThat(ownerPage.getByText(name)).hasCount(0);
    }
}
