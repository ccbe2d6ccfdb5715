package org.parley.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.parley.account.service.UserSummary;
import org.parley.chat.service.ChatService;
import org.parley.support.Scenarios;
import org.parley.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A conversation reads like a chat: each day headed by its day ("Today", "Yesterday", then a date), short times,
 * and one person's messages in a row under one name and avatar, also as new ones arrive live.
 */
class ChatLookBrowserTest extends BrowserTestBase {

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
    void days_head_their_messages_and_a_run_of_one_persons_messages_shares_one_name() {
        Map<String, UserSummary> people = users.createAll("ann", "bob");
        UserSummary ann = people.get("ann");
        UserSummary bob = people.get("bob");
        long direct = scenarios.friendsWithConversation(ann, bob);
        // Older days, stored as sending stores them (only their times matter here).
        Instant now = Instant.now();
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            insert(direct, bob, "three days ago", now.minus(Duration.ofDays(3)));
            insert(direct, bob, "a minute after", now.minus(Duration.ofDays(3)).plusSeconds(60));
            insert(direct, ann, "yesterday", now.minus(Duration.ofDays(1)));
        });
        TestUsers.run(bob, () -> chat.send(direct, "first today"));
        TestUsers.run(bob, () -> chat.send(direct, "second today"));

        Page page = newPerson();
        signIn(page, ann, "websocket");
        page.navigate(url("chat/" + direct));

        assertThat(message(page, "three days ago")).hasAttribute("data-day", Pattern.compile("^\\D+ \\d|\\d \\D+$"));
        assertThat(message(page, "a minute after")).hasClass(Pattern.compile("\\bcontinued\\b"));
        assertThat(message(page, "yesterday")).hasAttribute("data-day", "Yesterday");
        assertThat(message(page, "first today")).hasAttribute("data-day", "Today");
        assertThat(message(page, "first today").locator("[part=name]")).isVisible();
        assertThat(message(page, "first today").locator("[part=time]"))
                .hasText(Pattern.compile("^\\d{1,2}:\\d{2}( [AP]M)?$"));
        Locator second = message(page, "second today");
        assertThat(second).hasClass(Pattern.compile("\\bcontinued\\b"));
        assertThat(second).not().hasAttribute("data-day", Pattern.compile(".*"));
        assertThat(second.locator("[part=name]")).isHidden();

        // Live: Bob's next one joins his run; after Ann answers, his following one starts a new run.
        TestUsers.run(bob, () -> chat.send(direct, "third today"));
        assertThat(message(page, "third today")).hasClass(Pattern.compile("\\bcontinued\\b"));
        Locator input = page.locator("[data-testid=message-input] textarea");
        input.fill("Ann answers");
        input.press("Enter");
        assertThat(message(page, "Ann answers")).not().hasClass(Pattern.compile("\\bcontinued\\b"));
        TestUsers.run(bob, () -> chat.send(direct, "fourth today"));
        assertThat(message(page, "fourth today").locator("[part=name]")).isVisible();
        assertThat(message(page, "fourth today")).not().hasClass(Pattern.compile("\\bcontinued\\b"));
        snapshot(page, "chat-look");
    }

    private void insert(long conversationId, UserSummary sender, String body, Instant at) {
        jdbc.update(
                "insert into chat_message (conversation_id, sender_id, body, created_at, kind) values (?, ?, ?, ?, 'USER')",
                conversationId,
                sender.id(),
                body,
                at.atOffset(ZoneOffset.UTC).toLocalDateTime()); // stored in UTC, as Hibernate stores it
    }

    private static Locator message(Page page, String text) {
        return page.locator("[data-testid=message-list] vaadin-message")
                .filter(new Locator.FilterOptions().setHasText(text));
    }
}
