package org.parley.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.parley.chat.service.MessageSearch;
import org.parley.chat.service.MessageSearchBackfill;

/**
 * Message search over the history benchmark's million messages ({@link ChatText}: Zipf-spread words, a quarter in
 * Chinese), at the service the search dialog calls, as one of the two people of that conversation searching all
 * their conversations for a page of 20. First the messages are indexed by Parley's own backfill, as messages stored
 * before search existed would be (its speed is a figure too). Kinds of query: a word of middling frequency, a rare
 * word, two common words (every message must hold both), a Chinese phrase taken from a message, and text that
 * matches nothing.
 */
final class MessageSearchBench {

    private static final int QUERIES_PER_KIND = 100;
    private static final int WARM_UP_CALLS = 50;
    private static final int PAGE = 20;

    private record Query(String kind, String text) {}

    private MessageSearchBench() {}

    static void run(BenchContext context, Seeder.Person searcher, ChatText text) throws Exception {
        try (Connection db = BenchDatabase.connect();
                Statement statement = db.createStatement()) {
            // As if every message had been stored before search existed.
            statement.executeUpdate("delete from message_term");
            statement.executeUpdate("update message_search_backfill"
                    + " set done_below = (select coalesce(max(id), 0) + 1 from chat_message) where id = 1");
        }
        try (HistoryAndSearchServices services = new HistoryAndSearchServices()) {
            MessageSearchBackfill backfill = services.bean(MessageSearchBackfill.class);
            long started = System.nanoTime();
            while (backfill.indexNextBatch()) {
                // The server's own backfill chore takes batches too, in turn (the marker row is locked per batch).
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            long messages = count("select count(*) from chat_message");
            context.results.figure(
                    "message search",
                    "indexing " + messages + " stored messages (backfill, s)",
                    String.format(Locale.ROOT, "%.1f (%.0f messages/s)", seconds, messages / seconds));
            context.results.figure(
                    "message search",
                    "terms indexed (rows)",
                    String.valueOf(count("select count(*) from message_term")));
            try (Connection db = BenchDatabase.connect();
                    Statement statement = db.createStatement()) {
                statement.execute("analyze table message_term");
            }

            Random random = new Random(21);
            List<Query> queries = queries(text, random);
            MessageSearch search = services.bean(MessageSearch.class);
            HistoryAndSearchServices.as(searcher, () -> {
                for (int i = 0; i < WARM_UP_CALLS; i++) {
                    search.search(queries.get(random.nextInt(queries.size())).text(), null, null, PAGE);
                }
                List<Query> shuffled = new ArrayList<>(queries);
                Collections.shuffle(shuffled, random);
                Map<String, Stats> times = new LinkedHashMap<>();
                Map<String, Stats> found = new LinkedHashMap<>();
                for (Query query : queries) {
                    times.computeIfAbsent(query.kind(), kind -> new Stats());
                    found.computeIfAbsent(query.kind(), kind -> new Stats());
                }
                for (Query query : shuffled) {
                    long at = System.nanoTime();
                    int hits = search.search(query.text(), null, null, PAGE).size();
                    times.get(query.kind()).add((System.nanoTime() - at) / 1e6);
                    found.get(query.kind()).add(hits);
                }
                times.forEach((kind, stats) -> context.results.add("message search", kind, "ms", stats));
                found.forEach((kind, stats) -> context.results.add(
                        "message search", kind + ", results (at most " + PAGE + ")", "results", stats));
                return null;
            });
        }
    }

    private static List<Query> queries(ChatText text, Random random) {
        List<String> chinese = text.samples().stream()
                .filter(sample -> Character.UnicodeScript.of(sample.codePointAt(0)) == Character.UnicodeScript.HAN)
                .toList();
        List<Query> queries = new ArrayList<>();
        for (int i = 0; i < QUERIES_PER_KIND; i++) {
            queries.add(new Query("word (frequency rank 200-2,000)", text.word(200 + random.nextInt(1_800))));
            queries.add(new Query(
                    "rare word (rank 10,000-20,000)",
                    text.word(10_000 + random.nextInt(ChatText.VOCABULARY - 10_000))));
            queries.add(new Query(
                    "two common words (ranks 20-500)",
                    text.word(20 + random.nextInt(480)) + " " + text.word(20 + random.nextInt(480))));
            String sample = chinese.get(random.nextInt(chinese.size()));
            int length = 2 + random.nextInt(2);
            int from = random.nextInt(sample.length() - length + 1);
            queries.add(new Query("Chinese phrase (2-3 characters)", sample.substring(from, from + length)));
            queries.add(new Query("no match", "zq" + (char) ('a' + random.nextInt(26)) + "x" + random.nextInt(1000)));
        }
        return queries;
    }

    private static long count(String sql) throws SQLException {
        try (Connection db = BenchDatabase.connect();
                Statement statement = db.createStatement();
                var row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
