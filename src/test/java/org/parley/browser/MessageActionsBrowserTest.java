package org.parley.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.parley.account.service.UserSummary;
import org.parley.support.Scenarios;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What can be done with a message, in two browsers: Ann picks her message and recalls it, and on Bob's screen it turns
 * into "Ann recalled a message" at once; she edits the next one, and Bob sees the new text marked edited. Bob, picking
 * Ann's message (with the keyboard), is offered only Reply: his answer shows Ann, at once, a quote of what it answers.
 */
class MessageActionsBrowserTest extends BrowserTestBase {

    @Autowired
    org.parley.support.TestUsers users;

    @Autowired
    Scenarios scenarios;

    @ParameterizedTest(name = "push over {0}")
    @Transports
    void ann_recalls_and_edits_bob_replies_and_each_sees_the_others_change_at_once(String transport) {
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
        bobPage.navigate(url("chat/" + direct));
        Locator bobsList = bobPage.locator("[data-testid=message-list]");
        Locator annInput = annPage.locator("[data-testid=message-input] textarea");

        annInput.fill("Wrong chat, sorry");
        annInput.press("Enter");
        assertThat(bobsList.getByText("Wrong chat, sorry")).isVisible();

        message(annPage, "Wrong chat, sorry").click();
        assertThat(annPage.locator("[data-testid=message-actions]")).isVisible();
        assertThat(annPage.locator("[data-testid=message-edit]")).isVisible();
        snapshot(annPage, "message-actions-" + transport);
        annPage.locator("[data-testid=message-recall]").click();
        assertThat(bobsList.getByText(ann.displayName() + " recalled a message"))
                .isVisible();
        assertThat(bobsList.getByText("Wrong chat, sorry")).hasCount(0);
        assertThat(annPage.locator("[data-testid=message-list]").getByText("You recalled a message"))
                .isVisible();
        assertThat(annPage.locator("[data-testid=message-actions]")).isHidden();

        annInput.fill("See you at 5");
        annInput.press("Enter");
        assertThat(bobsList.getByText("See you at 5")).isVisible();
        message(annPage, "See you at 5").click();
        annPage.locator("[data-testid=message-edit]").click();
        annPage.locator("[data-testid=message-edit-text] textarea").fill("See you at 6");
        annPage.locator("[data-testid=message-edit-save]").click();
        Locator edited = message(bobPage, "See you at 6");
        assertThat(edited).isVisible();
        assertThat(edited).hasClass(java.util.regex.Pattern.compile("\\bedited\\b"));
        assertThat(bobsList.getByText("See you at 5")).hasCount(0);
        org.assertj.core.api.Assertions.assertThat(edited.evaluate("m => getComputedStyle(m, '::before').content"))
                .as("the mark shown under it")
                .isEqualTo("\"edited\"");
        snapshot(bobPage, "edited-" + transport);

        // Bob picks Ann's message with the keyboard: it is not his to recall or edit, only to answer.
        message(bobPage, "See you at 6").focus();
        bobPage.keyboard().press("Enter");
        assertThat(bobPage.locator("[data-testid=message-reply]")).isFocused();
        assertThat(bobPage.locator("[data-testid=message-recall]")).isHidden();
        assertThat(bobPage.locator("[data-testid=message-edit]")).isHidden();
        bobPage.keyboard().press("Enter");
        assertThat(bobPage.locator("[data-testid=message-actions]")).isHidden();
        assertThat(bobPage.locator("[data-testid=reply-banner]"))
                .hasText("Replying to " + ann.displayName() + ": See you at 6");
        snapshot(bobPage, "reply-banner-" + transport);
        Locator bobInput = bobPage.locator("[data-testid=message-input] textarea");
        bobInput.fill("OK");
        bobInput.press("Enter");
        Locator answer = annPage.locator("vaadin-message.reply");
        assertThat(answer).containsText("OK");
        assertThat(answer.locator("blockquote")).hasText(ann.displayName() + ": See you at 6");
        assertThat(bobPage.locator("[data-testid=reply-banner]")).isHidden();
        snapshot(annPage, "reply-" + transport);

        // Ann recalls what Bob answered: the quote loses its text on both screens at once.
        message(annPage, "See you at 6").first().click();
        annPage.locator("[data-testid=message-recall]").click();
        assertThat(bobPage.locator("vaadin-message.reply blockquote"))
                .hasText(ann.displayName() + ": Message recalled");
        assertTransport(transport, sockets);
    }

    private static Locator message(Page page, String text) {
        return page.locator("vaadin-message").filter(new Locator.FilterOptions().setHasText(text));
    }
}
