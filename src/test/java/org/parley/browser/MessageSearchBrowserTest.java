package org.parley.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.account.service.UserSummary;
import org.parley.chat.service.ChatService;
import org.parley.groups.service.GroupSummary;
import org.parley.support.Scenarios;
import org.parley.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Message search in a browser: Bob finds a word in his one-on-one conversation and in a group, with the word marked,
 * finds Chinese written without spaces, and a hit opens its conversation at that message, 80 messages back.
 */
class MessageSearchBrowserTest extends BrowserTestBase {

    @Autowired
    TestUsers users;

    @Autowired
    Scenarios scenarios;

    @Autowired
    ChatService chat;

    @Test
    void bob_finds_old_messages_by_their_words_and_opens_the_conversation_there() {
        Map<String, UserSummary> people = users.createAll("ann", "bob");
        UserSummary ann = people.get("ann");
        UserSummary bob = people.get("bob");
        long direct = scenarios.friendsWithConversation(ann, bob);
        GroupSummary group = scenarios.openGroup(ann, "Outings " + TestUsers.uniqueName("g"), "", bob);
        String word = "Picnic" + TestUsers.uniqueName("").replace("-", "");
        long old = TestUsers.as(ann, () -> chat.send(direct, "Our " + word + " is on Saturday, 周六去野餐"))
                .id();
        for (int i = 1; i <= 80; i++) {
            String text = "chatter " + i;
            TestUsers.run(i % 2 == 0 ? bob : ann, () -> chat.send(direct, text));
        }
        TestUsers.run(ann, () -> chat.send(group.conversationId(), "Who joins the " + word.toLowerCase() + "?"));

        Page page = newPerson();
        signIn(page, bob, "websocket");
        page.locator("[data-testid=message-search-open]").click();
        Locator field = page.locator("[data-testid=message-search-field] input");
        field.fill(word.toUpperCase());
        Locator hits = page.locator("[data-testid=search-hit]");
        assertThat(hits).hasCount(2);
        assertThat(hits.first()).containsText(group.name());
        assertThat(hits.first().locator("mark")).hasText(word.toLowerCase());
        assertThat(hits.last()).containsText(ann.displayName());
        snapshot(page, "message-search");

        field.fill("野餐");
        assertThat(hits).hasCount(1);
        assertThat(hits.first().locator("mark")).hasText("野餐");
        field.fill("餐野");
        assertThat(page.getByText("No messages found.")).isVisible();

        field.fill(word);
        hits.last().click();
        page.waitForURL("**/chat/" + direct + "?message=" + old);
        Locator found = page.locator("[data-testid=message-list] vaadin-message")
                .filter(new Locator.FilterOptions().setHasText("is on Saturday"));
        assertThat(found).isInViewport();
        snapshot(page, "message-search-opened");
    }
}
