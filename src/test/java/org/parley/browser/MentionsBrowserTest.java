package org.parley.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.parley.account.service.UserSummary;
import org.parley.groups.service.GroupSummary;
import org.parley.support.Scenarios;
import org.parley.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * @mentions in two browsers: in a group, Ann types "@", narrows the list to Bob with the keyboard and sends; Bob, with
 * the group closed, sees "@" on its row at once, and in the group his name highlighted; reading it takes the "@" away.
 */
class MentionsBrowserTest extends BrowserTestBase {

    @Autowired
    TestUsers users;

    @Autowired
    Scenarios scenarios;

    @ParameterizedTest(name = "push over {0}")
    @Transports
    void ann_mentions_bob_with_the_keyboard_and_his_row_shows_it_until_he_reads_it(String transport) {
        Map<String, UserSummary> people = users.createAll("ann", "bob", "cat");
        UserSummary ann = people.get("ann");
        UserSummary bob = people.get("bob");
        UserSummary cat = people.get("cat");
        GroupSummary group = scenarios.openGroup(ann, "Lunch " + TestUsers.uniqueName("g"), "", bob, cat);
        Page annPage = newPerson();
        Page bobPage = newPerson();
        List<String> sockets = webSocketsOf(annPage, bobPage);
        signIn(annPage, ann, transport);
        signIn(bobPage, bob, transport);
        annPage.navigate(url("chat/" + group.conversationId()));
        Locator bobsMark = bobPage.locator("[data-testid=mention-group-" + group.conversationId() + "]");
        assertThat(bobPage.locator("[data-testid=conversation-group-" + group.conversationId() + "]"))
                .isVisible();
        assertThat(bobsMark).isHidden();

        Locator annInput = annPage.locator("[data-testid=message-input] textarea");
        annInput.pressSequentially("Lunch, @");
        Locator popup = annPage.locator("[data-testid=mention-popup]");
        assertThat(popup.locator(".mention-option")).hasCount(2);
        annInput.pressSequentially(bob.displayName().substring(0, 2).toLowerCase());
        assertThat(popup.locator(".mention-option")).hasCount(1);
        assertThat(popup).containsText("@" + bob.username());
        snapshot(annPage, "mention-popup-" + transport);
        annPage.keyboard().press("Enter"); // picks Bob: the list is open
        assertThat(popup).isHidden();
        assertThat(annInput).hasValue("Lunch, @" + bob.username() + " ");
        annInput.pressSequentially("at noon?");
        annInput.press("Enter"); // sends: the list is closed

        assertThat(bobsMark).isVisible();
        bobPage.locator("[data-testid=conversation-group-" + group.conversationId() + "]")
                .click();
        Locator message = bobPage.locator("vaadin-message.mentions-me");
        assertThat(message).containsText("Lunch, @" + bob.displayName() + " at noon?");
        assertThat(message.locator("strong")).hasText("@" + bob.displayName());
        assertThat(bobsMark).isHidden();
        snapshot(bobPage, "mentioned-" + transport);
        assertTransport(transport, sockets);
    }
}
