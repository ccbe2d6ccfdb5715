package org.parley.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.parley.support.TestUsers;

/**
 * Groups in two real browsers: ask to join and be approved (the group appears without reload), talk, have a message
 * removed by the owner, get muted (the page says so and will not send), get removed (the page stops receiving).
 */
class GroupsBrowserTest extends BrowserTestBase {

    @ParameterizedTest(name = "push over {0}")
    @Transports
    void join_by_approval_then_mute_then_removal_all_reach_the_member_at_once(String transport) {
        String groupName = "Gardening " + TestUsers.uniqueName("club");
        String olgaName = TestUsers.uniqueName("olga");
        String maxName = TestUsers.uniqueName("max");
        Page olga = newPersonIn("Asia/Shanghai"); // UTC+8 all year: her times are not the server's
        Page max = newPerson();
        registerAndSignIn(olga, olgaName, "Olga Owner", "grow-tomatoes", transport);
        registerAndSignIn(max, maxName, "Max Member", "grow-potatoes", transport);

        // Olga creates a group that needs approval and waits in its conversation.
        olga.navigate(url("groups"));
        olga.locator("[data-testid=group-create]").click();
        olga.locator("[data-testid=group-name] input").fill(groupName);
        olga.locator("[data-testid=group-description] textarea").fill("Tomatoes, potatoes and patience");
        olga.locator("[data-testid=group-create-confirm]").click();
        olga.waitForURL("**/chat/*");
        assertThat(olga.locator("[data-testid=conversation-header]")).containsText(groupName);

        // Max finds it and asks to join.
        max.navigate(url("groups"));
        // Found by its name, as a screen reader announces it.
        max.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Search groups"))
                .fill("tomatoes, potatoes");
        Locator row = max.locator("[data-testid=group-results] .person-row")
                .filter(new Locator.FilterOptions().setHasText(groupName));
        assertThat(row).containsText("Approval");
        row.getByText("Ask to join").click();
        max.locator("[data-testid=join-message] textarea").fill("I grow tomatoes");
        max.locator("[data-testid=join-send]").click();
        assertThat(row.getByText("Request pending")).isVisible();

        // Olga's open page shows the request at once; she approves it from the queue.
        assertThat(olga.locator("[data-testid=group-requests-badge]")).hasText("1");
        assertThat(olga.locator("[data-testid=nav-group-requests]")).hasText("1");
        assertThat(olga.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Members, 1 waiting to join")))
                .isVisible();
        olga.locator("[data-testid=group-members-button]").click();
        olga.locator("#group-requests-tab").click();
        assertThat(olga.locator("[data-testid=group-requests]")).containsText("I grow tomatoes");
        olga.locator("[data-testid=approve-" + maxName + "]").click();
        assertThat(olga.locator("[data-testid=group-requests]")).containsText("No one is waiting");
        olga.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Members"))
                .click();
        assertThat(olga.locator("[data-testid=group-members] [data-testid=member-" + maxName + "]"))
                .isVisible();
        // Both have Parley open: the member panel shows them online (live presence).
        assertThat(olga.locator("[data-testid=group-members]")).containsText("2 of 2 online now");
        assertThat(olga.locator("[data-testid=member-" + maxName + "] .presence-dot.online"))
                .isVisible();
        assertThat(olga.locator("[data-testid=group-requests-badge]")).isHidden();
        assertThat(olga.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Members").setExact(true)))
                .isVisible();

        // Max's open page turns the row into a membership, without reload, and he opens the group.
        assertThat(row.getByText("Open")).isVisible();
        assertThat(max.getByText("You are now a member of " + groupName + ".")).isVisible();
        row.getByText("Open").click();
        max.waitForURL("**/chat/*");

        // They talk.
        olga.keyboard().press("Escape");
        Locator olgaInput = olga.locator("[data-testid=message-input] textarea");
        olgaInput.fill("Welcome, Max!");
        olgaInput.press("Enter");
        assertThat(max.locator("[data-testid=message-list]").getByText("Welcome, Max!"))
                .hasCount(1);
        Locator maxInput = max.locator("[data-testid=message-input] textarea");
        maxInput.fill("Thanks, Olga");
        maxInput.press("Enter");
        assertThat(olga.locator("[data-testid=message-list]").getByText("Thanks, Olga"))
                .hasCount(1);

        // Olga removes a message of Max's: on his screen it is gone at once, and says who took it away.
        olga.locator("vaadin-message")
                .filter(new Locator.FilterOptions().setHasText("Thanks, Olga"))
                .click();
        assertThat(olga.locator("[data-testid=message-recall]")).isHidden();
        olga.locator("[data-testid=message-remove]").click();
        assertThat(max.locator("[data-testid=message-list]")
                        .getByText("A message from you was removed by an administrator"))
                .isVisible();
        assertThat(max.locator("[data-testid=message-list]").getByText("Thanks, Olga"))
                .hasCount(0);

        // Olga mutes Max for 10 minutes: his page says so, why and until when, and will not send.
        olga.locator("[data-testid=group-members-button]").click();
        olga.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("Actions for Max Member"))
                .click();
        olga.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("Mute"))
                .click();
        olga.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("For 10 minutes"))
                .click();
        olga.locator("[data-testid=reason] input").fill("Off topic");
        olga.locator("[data-testid=reason-confirm]").click();
        assertThat(olga.locator("[data-testid=member-" + maxName + "]")).containsText("Muted until");
        Locator notice = max.locator("[data-testid=send-notice]");
        assertThat(notice).containsText("You are muted in " + groupName + " until");
        assertThat(notice).containsText("Off topic");
        assertThat(max.locator("[data-testid=message-input]")).hasAttribute("disabled", "");
        snapshot(max, "group-muted-" + transport);

        // The group's log says it in a sentence, at Olga's own time of day.
        olga.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Log")).click();
        Locator muted = olga.locator(".log-line")
                .filter(new Locator.FilterOptions()
                        .setHasText("Olga Owner muted Max Member for 10 minutes: Off topic"));
        assertThat(muted).hasCount(1);
        assertThat(muted.locator(".log-time")).hasText(Pattern.compile(inShanghai(Instant.now())));
        assertThat(olga.locator(".log-line")
                        .filter(new Locator.FilterOptions().setHasText("Olga Owner let Max Member join")))
                .hasCount(1);
        snapshot(olga, "group-log-" + transport);
        olga.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Members"))
                .click();

        // Olga removes Max: his open page stops receiving and cannot send.
        olga.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("Actions for Max Member"))
                .click();
        olga.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("Remove from group"))
                .click();
        olga.locator("[data-testid=reason-confirm]").click();
        assertThat(olga.locator("[data-testid=member-" + maxName + "]")).isHidden();
        assertThat(notice).containsText("no longer");
        olga.keyboard().press("Escape");
        olgaInput.fill("Only members read this");
        olgaInput.press("Enter");
        assertThat(olga.locator("[data-testid=message-list]").getByText("Only members read this"))
                .hasCount(1);
        max.waitForTimeout(1500);
        assertThat(max.locator("[data-testid=message-list]").getByText("Only members read this"))
                .hasCount(0);
        snapshot(olga, "group-owner-" + transport);
    }

    /** The minute {@code now} and the one before, as the group log writes them in Shanghai (either may show). */
    private static String inShanghai(Instant now) {
        DateTimeFormatter minute =
                DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH).withZone(ZoneId.of("Asia/Shanghai"));
        // Digits, letters, spaces and a colon: nothing a regular expression reads specially (the browser runs it).
        return "^(" + minute.format(now) + "|" + minute.format(now.minusSeconds(60)) + ")$";
    }
}
