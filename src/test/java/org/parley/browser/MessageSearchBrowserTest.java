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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Message search in a browser: Bob finds a word in his one-on-one conversation and in a group, with the word marked,
 * finds Chinese written without spaces, and a hit opens its conversation at that message, 80 messages back. A hit
 * 1,200 messages back opens with its neighbours; newer pages follow as Bob reads on, a live message waits until he
 * reaches the newest, and sending takes him there.
 */
class MessageSearchBrowserTest extends BrowserTestBase {

    @Autowired
    TestUsers users;

    @Autowired
    Scenarios scenarios;

    @Autowired
    ChatService chat;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

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

    @Test
    void a_hit_far_back_opens_with_its_neighbours_and_bob_reads_on_to_the_newest() {
        Map<String, UserSummary> people = users.createAll("ann", "bob");
        UserSummary ann = people.get("ann");
        UserSummary bob = people.get("bob");
        long direct = scenarios.friendsWithConversation(ann, bob);
        String word = "Lantern" + TestUsers.uniqueName("").replace("-", "");
        long old = TestUsers.as(ann, () -> chat.send(direct, "The " + word + " festival is tonight"))
                .id();
        // 1,200 newer messages, stored as sending would store them (search only needs the old one's words).
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            for (int i = 1; i <= 1200; i++) {
                jdbc.update(
                        "insert into chat_message (conversation_id, sender_id, body, created_at, kind)"
                                + " values (?, ?, ?, current_timestamp, 'USER')",
                        direct,
                        i % 2 == 0 ? bob.id() : ann.id(),
                        "filler " + i + " end");
            }
        });
        TestUsers.run(ann, () -> chat.send(direct, "newest before the search"));

        Page page = newPerson();
        signIn(page, bob, "websocket");
        page.locator("[data-testid=message-search-open]").click();
        page.locator("[data-testid=message-search-field] input").fill(word);
        page.locator("[data-testid=search-hit]").first().click();
        page.waitForURL("**/chat/" + direct + "?message=" + old);
        Locator messages = page.locator("[data-testid=message-list] vaadin-message");
        assertThat(messages.filter(new Locator.FilterOptions().setHasText("festival is tonight")))
                .isInViewport();
        assertThat(messages.filter(new Locator.FilterOptions().setHasText("filler 50 end")))
                .hasCount(1);
        assertThat(messages.filter(new Locator.FilterOptions().setHasText("filler 51 end")))
                .hasCount(0);
        Locator newer = page.locator("[data-testid=load-later]");
        assertThat(newer).isVisible();
        snapshot(page, "message-search-far-back");

        // A live message waits: the conversation's row shows it, the list (still far back) does not.
        TestUsers.run(ann, () -> chat.send(direct, "live while Bob reads old ones"));
        assertThat(page.locator("[data-testid=conversation-list]")).containsText("live while Bob reads old ones");
        assertThat(messages.filter(new Locator.FilterOptions().setHasText("live while Bob")))
                .hasCount(0);

        newer.click();
        assertThat(messages.filter(new Locator.FilterOptions().setHasText("filler 100 end")))
                .hasCount(1);
        // A page scrolled to is not news: a screen reader is not read the newer messages that came in with it.
        page.waitForTimeout(300); // the announcer writes in the next animation frame
        assertThat(page.locator("[data-testid=message-announcer]")).isEmpty();

        // Writing takes him to the newest, where his message and the waiting one are.
        Locator input = page.locator("[data-testid=message-input] textarea");
        input.fill("back to now");
        input.press("Enter");
        assertThat(messages.last()).containsText("back to now");
        assertThat(messages.filter(new Locator.FilterOptions().setHasText("live while Bob")))
                .hasCount(1);
        assertThat(newer).isHidden();
    }
}
