package org.parley.bench;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitUntilState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.parley.chat.service.ChatMessageView;
import org.parley.chat.service.ChatService;

/**
 * One conversation with a million messages: the newest page and keyset pages back into the past, at the service
 * ({@link ChatService#history}, as the chat view calls it) and as the time until a real Chromium shows them.
 */
final class HistoryBench {

    /** Smaller values are only for trying the benchmark out; the issue asks for a million. */
    private static final int MESSAGES = Integer.getInteger("bench.history.messages", 1_000_000);

    private static final int PAGE = ChatService.PAGE_SIZE;
    private static final int BATCH = 5000;
    private static final int WARM_UP_CALLS = 200;
    /** Timed calls of each kind: the newest page, the next page back, a page in the oldest tenth. */
    private static final int CALLS = 200;
    /** Timed calls per tenth of the history's depth; pages far from both ends can take a second each. */
    private static final int CALLS_PER_DEPTH_TENTH = 6;

    private static final int BROWSER_OPENS = 10;
    private static final int BROWSER_PAGES_BACK = 30;
    private static final long BROWSER_TIMEOUT_MILLIS = 30_000;
    /** The page query Parley sends on MariaDB (ChatMessagePagesImpl), for its plan. */
    private static final String PAGE_SQL = "select * from chat_message force index (ix_message_conversation)"
            + " where conversation_id = ? and id < ? order by id desc limit ?";

    private HistoryBench() {}

    static void run(BenchContext context) throws Exception {
        List<Seeder.Person> pair = Seeder.people("hist", 2);
        long conversationId = Seeder.friendsWithConversations(pair.subList(0, 1), pair.subList(1, 2))[0];
        long started = System.nanoTime();
        ChatText text = new ChatText(13);
        seedMessages(conversationId, pair.get(0).id(), pair.get(1).id(), text);
        double seconds = (System.nanoTime() - started) / 1e9;
        context.results.figure(
                "history",
                "seeding " + MESSAGES + " messages (s)",
                String.format(Locale.ROOT, "%.1f (%.0f rows/s)", seconds, MESSAGES / seconds));

        long[] ids = messageIds(conversationId);
        atTheService(context, pair.getFirst(), conversationId, ids);
        plans(context, conversationId, ids);
        MessageSearchBench.run(context, pair.getFirst(), text);
        inTheBrowser(context, pair.getFirst(), conversationId);
    }

    /**
     * Bulk-inserts the messages, senders alternating, one every 30 seconds up to now, each body starting with
     * {@code #<n> } so that a page can tell which message it shows.
     */
    private static void seedMessages(long conversationId, long first, long second, ChatText text) throws SQLException {
        Random random = new Random(12);
        Instant now = Instant.now();
        try (Connection db = BenchDatabase.connect()) {
            db.setAutoCommit(false);
            try (PreparedStatement insert = db.prepareStatement("insert into chat_message (conversation_id,"
                    + " sender_id, body, created_at, kind) values (?, ?, ?, ?, 'USER')")) {
                for (int n = 1; n <= MESSAGES; n++) {
                    insert.setLong(1, conversationId);
                    insert.setLong(2, n % 2 == 0 ? second : first);
                    insert.setString(3, marker(n) + text.message(random));
                    insert.setTimestamp(4, Timestamp.from(now.minusSeconds(30L * (MESSAGES - n))));
                    insert.addBatch();
                    if (n % BATCH == 0) {
                        insert.executeBatch();
                        // Small transactions keep the undo log short; nobody reads the conversation meanwhile.
                        db.commit();
                    }
                }
                insert.executeBatch();
            }
            // What sending would have left: the list shows the newest message and its time; both have read it.
            try (PreparedStatement conversation = db.prepareStatement("update conversation"
                            + " set last_message_id = (select max(id) from chat_message where conversation_id = ?),"
                            + " last_activity_at = ? where id = ?");
                    PreparedStatement members = db.prepareStatement("update conversation_member m join conversation c"
                            + " on c.id = m.conversation_id set m.last_read_message_id = c.last_message_id"
                            + " where c.id = ?")) {
                conversation.setLong(1, conversationId);
                conversation.setTimestamp(2, Timestamp.from(now));
                conversation.setLong(3, conversationId);
                conversation.executeUpdate();
                members.setLong(1, conversationId);
                members.executeUpdate();
            }
            db.commit();
            // Fresh index statistics, as a table that grew over a year would have.
            try (Statement analyze = db.createStatement()) {
                analyze.execute("analyze table chat_message");
            }
        }
    }

    /** What starts message number {@code n}'s text (the space keeps #10 from matching #100). */
    private static String marker(long n) {
        return "#" + n + " ";
    }

    /**
     * The conversation's message ids, oldest first. Batched inserts leave gaps between ids (the server reserves them
     * in growing blocks), so points in the history are picked among real ids rather than in the id range.
     */
    private static long[] messageIds(long conversationId) throws SQLException {
        long[] ids = new long[MESSAGES];
        try (Connection db = BenchDatabase.connect();
                PreparedStatement select =
                        db.prepareStatement("select id from chat_message where conversation_id = ? order by id")) {
            select.setLong(1, conversationId);
            try (ResultSet rows = select.executeQuery()) {
                for (int i = 0; rows.next(); i++) {
                    ids[i] = rows.getLong(1);
                }
            }
        }
        return ids;
    }

    /**
     * A random message to page back from, at a depth (the share of messages newer than it) between {@code from} and
     * {@code to}; never among the oldest page, so that every page is full.
     */
    private static long beforeAtDepth(long[] ids, Random random, double from, double to) {
        int newer = (int) (from * ids.length) + random.nextInt(Math.max(1, (int) ((to - from) * ids.length)));
        return ids[Math.max(PAGE, ids.length - 1 - newer)];
    }

    private static void atTheService(BenchContext context, Seeder.Person reader, long conversationId, long[] ids)
            throws Exception {
        long started = System.nanoTime();
        try (HistoryAndSearchServices services = new HistoryAndSearchServices()) {
            context.results.figure(
                    "history",
                    "service context start (s)",
                    String.format(Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e9));
            ChatService chat = services.bean(ChatService.class);
            HistoryAndSearchServices.as(reader, () -> {
                Random random = new Random(4);
                // Untimed: JIT compilation, Hibernate's query plans, the pool's connections and MariaDB's buffer pool
                // for both ends of the conversation.
                for (int i = 0; i < WARM_UP_CALLS; i++) {
                    page(chat, conversationId, i % 2 == 0 ? null : beforeAtDepth(ids, random, 0.9, 1));
                }

                // The three kinds take turns, so that JIT compilation still going on and other load on the machine
                // weigh on each alike. Scrolling back goes as the view does: each page ends where the previous began.
                Stats newest = new Stats();
                Stats consecutive = new Stats();
                Stats oldest = new Stats();
                Long before = page(chat, conversationId, null).getFirst().id();
                for (int i = 0; i < CALLS; i++) {
                    timedPage(chat, conversationId, null, newest);
                    before = timedPage(chat, conversationId, before, consecutive)
                            .getFirst()
                            .id();
                    timedPage(chat, conversationId, beforeAtDepth(ids, random, 0.9, 1), oldest);
                }
                context.results.add("history", "service: newest page of 50", "ms", newest);
                context.results.add(
                        "history", "service: " + CALLS + " consecutive pages back from the newest", "ms", consecutive);
                context.results.add("history", "service: page at a random point in the oldest 10%", "ms", oldest);

                // Every depth alike, a tenth of the history at a time: how a page's cost depends on how far back
                // it starts.
                Stats anyDepth = new Stats();
                List<String> byDepth = new ArrayList<>();
                for (int tenth = 0; tenth < 10; tenth++) {
                    Stats inThisTenth = new Stats();
                    for (int i = 0; i < CALLS_PER_DEPTH_TENTH; i++) {
                        timedPage(
                                chat,
                                conversationId,
                                beforeAtDepth(ids, random, tenth / 10.0, (tenth + 1) / 10.0),
                                anyDepth,
                                inThisTenth);
                    }
                    byDepth.add(tenth * 10 + "-" + (tenth + 1) * 10 + "%: "
                            + Results.number(inThisTenth.summary().p50()));
                }
                context.results.add(
                        "history", "service: page at a random depth (each tenth of the history alike)", "ms", anyDepth);
                context.results.figure(
                        "history",
                        "service: p50 (ms) by depth (share of messages newer than the page)",
                        String.join(", ", byDepth));
                return null;
            });
        }
    }

    /** Times one page into each of {@code times}. */
    private static List<ChatMessageView> timedPage(ChatService chat, long conversationId, Long before, Stats... times) {
        long started = System.nanoTime();
        List<ChatMessageView> page = page(chat, conversationId, before);
        double millis = (System.nanoTime() - started) / 1e6;
        for (Stats stats : times) {
            stats.add(millis);
        }
        return page;
    }

    /** One page, which must be full: the conversation has more than enough messages on either side. */
    private static List<ChatMessageView> page(ChatService chat, long conversationId, Long before) {
        List<ChatMessageView> page = chat.history(conversationId, before, PAGE);
        if (page.size() != PAGE) {
            throw new IllegalStateException("A page of " + page.size() + " messages before " + before);
        }
        return page;
    }

    /** Which index MariaDB uses for a page, and how many rows it reads for it, at both ends and half-way. */
    private static void plans(BenchContext context, long conversationId, long[] ids) throws SQLException {
        context.results.figure(
                "history",
                "MariaDB plan, newest page",
                HistoryAndSearchServices.plan(PAGE_SQL, conversationId, Long.MAX_VALUE, PAGE));
        context.results.figure(
                "history",
                "MariaDB plan, page at depth 50%",
                HistoryAndSearchServices.plan(PAGE_SQL, conversationId, ids[ids.length / 2], PAGE));
        context.results.figure(
                "history",
                "MariaDB plan, page at depth 95%",
                HistoryAndSearchServices.plan(PAGE_SQL, conversationId, ids[ids.length / 20], PAGE));
    }

    /**
     * Installed in every document before Parley's own scripts: on each animation frame (that is, when the browser
     * is about to paint) it looks whether the newest message is inside the message list's visible area, and notes
     * the first such moment in {@code performance.now()} terms, whose zero is the start of the navigation.
     */
    private static final String NEWEST_VISIBLE_SCRIPT = """
            (() => {
              const marker = %s;
              const check = () => {
                const list = document.querySelector('vaadin-message-list');
                const last = list && list.querySelector('vaadin-message:last-of-type');
                if (last && last.textContent.includes(marker)) {
                  const shown = list.getBoundingClientRect();
                  const item = last.getBoundingClientRect();
                  if (item.height > 0 && item.top < shown.bottom && item.bottom > shown.top) {
                    window.__newestVisibleAt = performance.now();
                    return;
                  }
                }
                requestAnimationFrame(check);
              };
              requestAnimationFrame(check);
            })();""";

    /**
     * Scrolls the list to its top, which makes the view fetch the previous page, and resolves with the milliseconds
     * until the first (oldest) message shown is the expected one. The list is first moved off the top, so that the
     * scroll to the top is a change and fires its event even if the view left it at the top.
     */
    private static final String SCROLL_BACK_SCRIPT = """
            (expected) => new Promise((resolve, reject) => {
              const list = document.querySelector('vaadin-message-list');
              const frame = () => new Promise(next => requestAnimationFrame(next));
              const deadline = performance.now() + %d;
              (async () => {
                list.scrollTop = 200;
                await frame();
                await frame();
                const started = performance.now();
                list.scrollTop = 0;
                while (true) {
                  const first = list.querySelector('vaadin-message');
                  if (first && first.textContent.includes(expected)) {
                    return resolve(performance.now() - started);
                  }
                  if (performance.now() > deadline) {
                    return reject(new Error('Not shown: ' + expected + '; first is ' + (first && first.textContent)));
                  }
                  await frame();
                }
              })();
            })""".formatted(BROWSER_TIMEOUT_MILLIS);

    private static void inTheBrowser(BenchContext context, Seeder.Person reader, long conversationId) {
        Page page = context.signedInPage(reader.username(), "websocket");
        try {
            page.addInitScript(NEWEST_VISIBLE_SCRIPT.formatted(Results.quote(marker(MESSAGES))));
            String url = context.baseUrl() + "chat/" + conversationId;
            Stats opens = new Stats();
            // The first open is not counted: it warms the server's view classes and the browser's caches.
            for (int i = 0; i <= BROWSER_OPENS; i++) {
                page.navigate(url, new Page.NavigateOptions().setWaitUntil(WaitUntilState.COMMIT));
                page.waitForFunction(
                        "() => window.__newestVisibleAt !== undefined",
                        null,
                        new Page.WaitForFunctionOptions().setTimeout(BROWSER_TIMEOUT_MILLIS));
                double millis = ((Number) page.evaluate("() => window.__newestVisibleAt")).doubleValue();
                if (i > 0) {
                    opens.add(millis);
                }
            }
            context.results.add("history", "browser: open, navigation start to newest message visible", "ms", opens);

            Stats back = new Stats();
            long oldestShown = MESSAGES - PAGE + 1;
            for (int i = 0; i < BROWSER_PAGES_BACK; i++) {
                long expected = oldestShown - PAGE;
                back.add(((Number) page.evaluate(SCROLL_BACK_SCRIPT, marker(expected))).doubleValue());
                oldestShown = expected;
            }
            context.results.add(
                    "history",
                    "browser: scroll to top until the older 50 are shown" + " (incl. the view's 250 ms debounce)",
                    "ms",
                    back);
        } finally {
            page.context().close();
        }
    }
}
