package org.parley.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.parley.account.service.UserSummary;
import org.parley.chat.service.AttachmentService;
import org.parley.chat.service.AttachmentTestFiles;
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
    AttachmentService attachments;

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

    @Test
    void a_long_conversation_opens_at_its_newest_message_whole_and_scrolling_back_sends_only_the_older_pages() {
        Map<String, UserSummary> people = users.createAll("ann", "bob");
        UserSummary ann = people.get("ann");
        UserSummary bob = people.get("bob");
        long direct = scenarios.friendsWithConversation(ann, bob);
        // 130 messages over five days (so days head them), the last one long enough to wrap.
        Instant start = Instant.now().minus(Duration.ofDays(6)); // the picture below is today's first
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            for (int i = 1; i <= 130; i++) {
                UserSummary sender = i % 3 == 0 ? ann : bob;
                String body = i == 130 ? "newest " + "words that wrap ".repeat(12) : "message " + i;
                insert(direct, sender, body, start.plus(Duration.ofMinutes(55L * i)));
            }
        });

        // The very newest a picture, whose height the page learns only once it has loaded.
        TestUsers.as(
                bob,
                () -> attachments.upload(
                        direct,
                        "harbour.png",
                        "image/png",
                        new ByteArrayInputStream(AttachmentTestFiles.picture("png", 800, 600, Color.BLUE))));

        Page page = newPerson();
        signIn(page, ann, "websocket");
        page.navigate(url("chat/" + direct));
        Locator list = page.locator("[data-testid=message-list]");
        assertThat(message(page, "newest")).isVisible();
        page.locator("[data-testid=message-list] vaadin-message.has-picture img[part=attachment-preview]")
                .evaluate("img => img.decode()");
        String newestWhole = "list => list.scrollHeight - list.scrollTop - list.clientHeight < 2"
                + " && list.querySelector('vaadin-message:last-of-type').getBoundingClientRect().bottom"
                + " <= list.getBoundingClientRect().bottom + 1";
        page.waitForFunction(newestWhole, list.elementHandle());
        // A draft of several lines makes the composer taller and the list shorter: the newest stays in view.
        page.locator("[data-testid=message-input] textarea").fill("one\ntwo\nthree\nfour\nfive");
        page.waitForFunction(newestWhole, list.elementHandle());
        page.locator("[data-testid=message-input] textarea").fill("");

        // What the server sends from now on: the older pages, never the whole list again.
        List<String> sent = new java.util.concurrent.CopyOnWriteArrayList<>();
        page.onResponse(response -> {
            if (response.url().contains("v-r=uidl")) {
                sent.add(response.text());
            }
        });
        page.onWebSocket(socket -> socket.onFrameReceived(frame -> sent.add(frame.text())));
        for (String oldest : List.of("message 32", "message 1")) {
            String before = (String) list.evaluate("list => list.items[0].text");
            list.evaluate("list => list.scrollTop = 0");
            assertThat(message(page, Pattern.compile(oldest + "\\b"))).hasCount(1);
            // The reader's place is kept: the message that was first is still in view, not pushed away.
            assertThat(message(page, Pattern.compile(before + "\\b"))).isInViewport();
        }
        assertThat(page.locator("[data-testid=message-list] vaadin-message")).hasCount(131);
        assertThat(page.locator("[data-testid=message-list] vaadin-message").first())
                .containsText("message 1");
        assertThat(sent).as("responses while scrolling back").isNotEmpty();
        String all = String.join("", sent);
        assertThat(all.contains("message 99") || all.contains("newest words"))
                .as("the shown messages are sent again (%d characters sent)", all.length())
                .isFalse();
    }

    @Test
    void on_a_phone_in_chinese_the_conversation_still_reads_like_a_chat_and_fits_the_screen() {
        Map<String, UserSummary> people = users.createAll("ann", "bob");
        UserSummary ann = people.get("ann");
        UserSummary bob = people.get("bob");
        long direct = scenarios.friendsWithConversation(ann, bob);
        Instant now = Instant.now();
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            insert(direct, bob, "昨天的消息", now.minus(Duration.ofDays(1)));
            insert(
                    direct,
                    bob,
                    "一条很长的消息，" + "在手机上要换行才能读完。".repeat(8),
                    now.minus(Duration.ofDays(1)).plusSeconds(30));
        });
        TestUsers.run(ann, () -> chat.send(direct, "我的回答"));
        TestUsers.run(bob, () -> chat.send(direct, "今天的第一条"));
        TestUsers.run(bob, () -> chat.send(direct, "今天的第二条"));

        Page page = newPerson(new Browser.NewContextOptions().setLocale("zh-CN"));
        page.setViewportSize(390, 844);
        signIn(page, ann, "websocket");
        page.navigate(url("chat/" + direct));

        assertThat(message(page, "昨天的消息")).hasAttribute("data-day", "昨天");
        assertThat(message(page, "一条很长的消息")).hasClass(Pattern.compile("\\bcontinued\\b"));
        assertThat(message(page, "我的回答")).hasClass(Pattern.compile("\\bown\\b"));
        assertThat(message(page, "我的回答")).hasAttribute("data-day", "今天");
        assertThat(message(page, "今天的第二条")).hasClass(Pattern.compile("\\bcontinued\\b"));
        // Nothing wider than the phone: no sideways scrolling, the long message wraps, and the composer is usable.
        assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
                .as("the page fits the phone's width")
                .isTrue();
        Locator longOne = message(page, "一条很长的消息");
        assertThat((Boolean) longOne.evaluate("m => m.getBoundingClientRect().right <= window.innerWidth"))
                .as("the long message wraps within the screen")
                .isTrue();
        assertThat(page.locator("[data-testid=message-input] textarea")).isInViewport();
        assertThat(message(page, "今天的第二条")).isInViewport();
        Locator input = page.locator("[data-testid=message-input] textarea");
        input.fill("手机上发的");
        input.press("Enter");
        assertThat(message(page, "手机上发的")).isInViewport();
        snapshot(page, "chat-look-phone-zh");
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

    private static Locator message(Page page, Pattern text) {
        return page.locator("[data-testid=message-list] vaadin-message")
                .filter(new Locator.FilterOptions().setHasText(text));
    }
}
