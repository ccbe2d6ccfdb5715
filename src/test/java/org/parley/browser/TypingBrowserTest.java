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
 * "Ann is typing…" as three people in three browsers: shown live to the other side of a one-on-one while Ann
 * writes, gone the moment her message arrives or a few seconds after she stops; in a group, two typists at once.
 */
class TypingBrowserTest extends BrowserTestBase {

    @Autowired
    TestUsers users;

    @Autowired
    Scenarios scenarios;

    @ParameterizedTest(name = "push over {0}")
    @Transports
    void people_see_who_is_typing_until_the_message_arrives_or_they_stop(String transport) {
        Map<String, UserSummary> people = users.createAll("ann", "bob", "cat");
        UserSummary ann = people.get("ann");
        UserSummary bob = people.get("bob");
        UserSummary cat = people.get("cat");
        long direct = scenarios.friendsWithConversation(ann, bob);
        GroupSummary group = scenarios.openGroup(bob, "Typists " + TestUsers.uniqueName("g"), "", ann, cat);

        Page annPage = newPerson();
        Page bobPage = newPerson();
        Page catPage = newPerson();
        List<String> sockets = webSocketsOf(annPage, bobPage, catPage);
        signIn(annPage, ann, transport);
        signIn(bobPage, bob, transport);
        signIn(catPage, cat, transport);

        // One-on-one: Bob sees Ann typing while she writes, and not once her message is there.
        annPage.navigate(url("chat/" + direct));
        bobPage.navigate(url("chat/" + direct));
        Locator bobSees = bobPage.locator("[data-testid=typing-indicator]");
        Locator annInput = annPage.locator("[data-testid=message-input] textarea");
        assertThat(bobPage.locator("[data-testid=message-input] textarea")).isEditable();
        annInput.pressSequentially("Are you coming", new Locator.PressSequentiallyOptions().setDelay(60));
        assertThat(bobSees).hasText(ann.displayName() + " is typing…");
        assertThat(annPage.locator("[data-testid=typing-indicator]")).hasText("");
        snapshot(bobPage, "typing-" + transport);
        annInput.press("Enter");
        assertThat(bobPage.locator("[data-testid=message-list]").getByText("Are you coming"))
                .isVisible();
        assertThat(bobSees).hasText("");

        // Ann starts again and stops without sending: a few seconds of silence end it.
        annInput.pressSequentially("Actually, wait", new Locator.PressSequentiallyOptions().setDelay(150));
        assertThat(bobSees).hasText(ann.displayName() + " is typing…");
        assertThat(bobSees).hasText("");

        // A group: Bob watches Ann and Cat write at once.
        bobPage.navigate(url("chat/" + group.conversationId()));
        annPage.navigate(url("chat/" + group.conversationId()));
        catPage.navigate(url("chat/" + group.conversationId()));
        assertThat(bobSees).hasText("");
        annPage.locator("[data-testid=message-input] textarea").pressSequentially("Me too");
        catPage.locator("[data-testid=message-input] textarea").pressSequentially("And me");
        assertThat(bobSees).containsText(" are typing…");
        assertThat(bobSees).containsText(ann.displayName());
        assertThat(bobSees).containsText(cat.displayName());
        assertTransport(transport, sockets);
    }
}
