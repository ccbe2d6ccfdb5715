package org.parley.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.parley.account.service.UserSummary;
import org.parley.chat.service.ChatService;
import org.parley.friends.service.FriendService;
import org.parley.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A long conversation opens at its newest 50 messages; scrolling up brings the older ones, in order. A click on a
 * reply's quote brings its original into view, however far back it is.
 */
class HistoryScrollBrowserTest extends BrowserTestBase {

    @Autowired
    TestUsers users;

    @Autowired
    FriendService friends;

    @Autowired
    ChatService chat;

    @Test
    void scrolling_up_loads_older_messages_page_by_page() {
        UserSummary cat = users.create("cat");
        UserSummary dan = users.create("dan");
        TestUsers.run(cat, () -> friends.sendRequest(dan.id(), null));
        TestUsers.run(dan, () -> friends.sendRequest(cat.id(), null));
        long conversation = TestUsers.as(cat, () -> chat.openDirect(dan.id()));
        for (int i = 1; i <= 120; i++) {
            String text = "history message " + i;
            TestUsers.run(i % 2 == 0 ? dan : cat, () -> chat.send(conversation, text));
        }

        Page page = newPerson();
        signIn(page, dan.username(), TestUsers.PASSWORD);
        page.navigate(url("chat/" + conversation));
        Locator messages = page.locator("[data-testid=message-list] vaadin-message");
        assertThat(messages).hasCount(50);
        assertThat(messages.first()).containsText("history message 71");
        assertThat(messages.last()).containsText("history message 120");

        Locator list = page.locator("[data-testid=message-list]");
        list.evaluate("element => element.scrollTop = 0");
        assertThat(messages).hasCount(100);
        assertThat(messages.first()).containsText("history message 21");
        // The reader keeps their place: the list did not jump back to the very top.
        assertThat((Number) list.evaluate("element => element.scrollTop"))
                .satisfies(top -> assertThat(top.doubleValue()).isGreaterThan(0));

        list.evaluate("element => element.scrollTop = 0");
        assertThat(messages).hasCount(120);
        assertThat(messages.first()).containsText("history message 1");
        assertThat(page.locator("[data-testid=load-earlier]")).isHidden();
        List<Integer> order = messages.allInnerTexts().stream()
                .map(text -> Integer.valueOf(text.replaceAll("(?s).*history message (\\d+).*", "$1")))
                .toList();
        assertThat(order).isEqualTo(IntStream.rangeClosed(1, 120).boxed().toList());
        snapshot(page, "history");
    }

    @Test
    void a_click_on_a_quote_brings_its_original_into_view_loading_older_pages() {
        UserSummary cat = users.create("cat");
        UserSummary dan = users.create("dan");
        TestUsers.run(cat, () -> friends.sendRequest(dan.id(), null));
        TestUsers.run(dan, () -> friends.sendRequest(cat.id(), null));
        long conversation = TestUsers.as(cat, () -> chat.openDirect(dan.id()));
        long question = TestUsers.as(cat, () -> chat.send(conversation, "Who brings the cake?"))
                .id();
        for (int i = 1; i <= 260; i++) {
            String text = "chatter " + i;
            TestUsers.run(i % 2 == 0 ? dan : cat, () -> chat.send(conversation, text));
        }
        TestUsers.run(dan, () -> chat.send(conversation, "I do!", null, question));

        Page page = newPerson();
        signIn(page, dan.username(), TestUsers.PASSWORD);
        page.navigate(url("chat/" + conversation));
        Locator messages = page.locator("[data-testid=message-list] vaadin-message");
        assertThat(messages).hasCount(50);
        Locator quote = page.locator("vaadin-message.reply blockquote");
        assertThat(quote).hasText(cat.displayName() + ": Who brings the cake?");

        quote.click();

        Locator original = messages.filter(new Locator.FilterOptions().setHasText("Who brings the cake?"))
                .and(page.locator("vaadin-message:not(.reply)"));
        assertThat(original).isInViewport();
        assertThat(messages).hasCount(262);
        assertThat(page.locator("[data-testid=load-earlier]")).isHidden();
        snapshot(page, "quote-to-original");
    }
}
