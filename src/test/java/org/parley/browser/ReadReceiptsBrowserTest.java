package org.parley.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.parley.account.service.UserSummary;
import org.parley.support.Scenarios;
import org.parley.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * "Seen" in two browsers: Ann's message is marked the moment Bob opens their conversation, and the mark moves to her
 * next message once he has read that too; after Bob turns receipts off in Privacy, Ann's next message stays
 * unmarked though he reads it.
 */
class ReadReceiptsBrowserTest extends BrowserTestBase {

    @Autowired
    TestUsers users;

    @Autowired
    Scenarios scenarios;

    @ParameterizedTest(name = "push over {0}")
    @Transports
    void ann_sees_seen_under_her_message_as_soon_as_bob_has_read_it(String transport) {
        Map<String, UserSummary> people = users.createAll("ann", "bob");
        UserSummary ann = people.get("ann");
        UserSummary bob = people.get("bob");
        long direct = scenarios.friendsWithConversation(ann, bob);
        Page annPage = newPerson();
        Page bobPage = newPerson();
        List<String> sockets = webSocketsOf(annPage, bobPage);
        signIn(annPage, ann, transport);
        signIn(bobPage, bob, transport);

        annPage.navigate(url("chat/" + direct));
        Locator annInput = annPage.locator("[data-testid=message-input] textarea");
        Locator annSeen = annPage.locator("vaadin-message.seen");
        annInput.fill("Are you there?");
        annInput.press("Enter");
        Locator annsMessage =
                annPage.locator("vaadin-message").filter(new Locator.FilterOptions().setHasText("Are you there?"));
        assertThat(annsMessage).isVisible();
        assertThat(annSeen).hasCount(0);

        // Bob opens the conversation: Ann's message is marked at once, on her screen.
        bobPage.navigate(url("chat/" + direct));
        assertThat(annSeen).hasCount(1);
        assertThat(annSeen).containsText("Are you there?");
        org.assertj.core.api.Assertions.assertThat(annSeen.evaluate("m => getComputedStyle(m, '::after').content"))
                .as("the word shown under it")
                .isEqualTo("\"Seen\"");
        snapshot(annPage, "seen-" + transport);

        // Her next message: the mark moves to it once Bob, still looking, has read it.
        annInput.fill("Coffee at four?");
        annInput.press("Enter");
        assertThat(bobPage.locator("[data-testid=message-list]").getByText("Coffee at four?"))
                .isVisible();
        assertThat(annSeen).hasCount(1);
        assertThat(annSeen).containsText("Coffee at four?");

        // Bob turns receipts off: Ann's next message stays unmarked though he reads it, and he sees none either.
        bobPage.navigate(url("profile"));
        bobPage.locator("[data-testid=profile-read-receipts]")
                .getByText("Neither send nor see them")
                .click();
        assertThat(bobPage.getByText("You send no read receipts and see none.")).isVisible();
        snapshot(bobPage, "privacy-" + transport);
        bobPage.navigate(url("chat/" + direct));
        assertThat(bobPage.locator("[data-testid=message-list]").getByText("Coffee at four?"))
                .isVisible();
        bobPage.locator("[data-testid=message-input] textarea").fill("Sure");
        bobPage.locator("[data-testid=message-input] textarea").press("Enter");
        annInput.fill("See you then");
        annInput.press("Enter");
        assertThat(bobPage.locator("[data-testid=message-list]").getByText("See you then"))
                .isVisible();
        annPage.reload();
        assertThat(annPage.locator("[data-testid=message-list]").getByText("See you then"))
                .isVisible();
        assertThat(annSeen).hasCount(0);
        assertThat(bobPage.locator("vaadin-message.seen")).hasCount(0);
        assertTransport(transport, sockets);
    }
}
