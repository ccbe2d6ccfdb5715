package org.parley.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.parley.base.service.TextRules;
import org.parley.friends.service.FriendService;
import org.parley.groups.service.GroupService;

/**
 * People and group search with 100,000 people and 10,000 groups, at the service that Find people and Groups call,
 * with queries of several kinds: the first letters of a name, a full name, letters from the middle of a name, an
 * exact user name, and text that matches nothing. Each kind gets its own row, and the number of results it returned.
 * People search answers a query of three or more characters from its gram index when the query's rarest gram is rare
 * (PeopleSearchIndex), and otherwise walks the name index in order: the plans shown are those of the walk.
 */
final class SearchBench {

    private static final String PREFIX = "srch";
    private static final int PEOPLE = 100_000;
    private static final int GROUPS = 10_000;
    private static final int QUERIES_PER_KIND = 100;
    private static final int WARM_UP_CALLS = 50;
    /** As Find people and Groups ask: a page of 20, plus one to tell whether there is more. */
    private static final int LIMIT = 21;

    private static final int BATCH = 2000;
    private static final String[] TOPICS = {
        "Chess",
        "Hiking",
        "Photography",
        "Book club",
        "Jazz",
        "Cycling",
        "Gardening",
        "Startups",
        "Running",
        "Cooking",
        "Board games",
        "Climbing",
        "Film",
        "Sailing",
        "Yoga",
        "Birdwatching",
        "Pottery",
        "Astronomy",
        "Language exchange",
        "Volunteering",
        "Open source",
        "Knitting",
        "Football",
        "Salsa",
        "Parents"
    };
    private static final String[] PLACES = {
        "Lisbon", "Oslo", "Berlin", "Kraków", "Lyon", "Tallinn", "Porto", "Zagreb", "Ghent", "Bologna", "Aarhus",
        "Vilnius", "Seville", "Graz", "Bergen", "Utrecht", "Brno", "Cork", "Tampere", "Riga"
    };

    /** The SQL Hibernate sends for the two repository searches (copied from its log), for the query plans. */
    private static final String PEOPLE_SQL = "select ua1_0.id from user_account ua1_0 where (ua1_0.username_key like"
            + " ? escape '!' or ua1_0.display_name_key like ? escape '!') and ua1_0.username_key>? and ua1_0.id<>?"
            + " order by ua1_0.username_key,ua1_0.display_name_key limit ?";

    private static final String GROUPS_SQL = "select cg1_0.id,cg1_0.avatar_version,cg1_0.conversation_id,"
            + "cg1_0.created_at,cg1_0.description,cg1_0.description_key,cg1_0.join_policy,cg1_0.member_count,"
            + "cg1_0.muted_all,cg1_0.name,cg1_0.name_key,cg1_0.temporary_chats_allowed from chat_group cg1_0 where"
            + " (cg1_0.name_key like ? escape '!' or cg1_0.description_key like ? escape '!') and (cg1_0.name_key>?"
            + " or (cg1_0.name_key=? and cg1_0.id>?)) order by cg1_0.name_key,cg1_0.id limit ?";

    private record Query(String kind, String text) {}

    private SearchBench() {}

    static void run(BenchContext context) throws Exception {
        long started = System.nanoTime();
        List<Seeder.Person> people = Seeder.people(PREFIX, PEOPLE);
        context.results.figure("search", "seeding " + PEOPLE + " people (s)", seconds(started));
        started = System.nanoTime();
        List<String> groupNames = seedGroups(people);
        context.results.figure("search", "seeding " + GROUPS + " groups (s)", seconds(started));

        Random random = new Random(6);
        List<Query> peopleQueries = peopleQueries(random, people);
        List<Query> groupQueries = nameQueries(random, groupNames);
        Seeder.Person searcher = people.get(random.nextInt(people.size()));
        started = System.nanoTime();
        try (HistoryAndSearchServices services = new HistoryAndSearchServices()) {
            context.results.figure("search", "service context start (s)", seconds(started));
            FriendService friends = services.bean(FriendService.class);
            GroupService groups = services.bean(GroupService.class);
            HistoryAndSearchServices.as(searcher, () -> {
                measure(
                        context,
                        "people",
                        peopleQueries,
                        random,
                        query -> friends.searchPeople(query, null, LIMIT).size());
                measure(
                        context,
                        "groups",
                        groupQueries,
                        random,
                        query -> groups.search(query, null, LIMIT).size());
                return null;
            });
        }
        explain(context, "people", peopleQueries, searcher.id());
        explain(context, "groups", groupQueries, searcher.id());
    }

    /**
     * Times every query once, after untimed calls that warm the JIT, Hibernate and the connection pool. The kinds
     * are shuffled together, so that changing load on the machine and warmer caches weigh on each alike. Notes the
     * time and the number of results per kind.
     */
    private static void measure(
            BenchContext context, String what, List<Query> queries, Random random, Function<String, Integer> search) {
        for (int i = 0; i < WARM_UP_CALLS; i++) {
            search.apply(queries.get(random.nextInt(queries.size())).text());
        }
        List<Query> shuffled = new ArrayList<>(queries);
        Collections.shuffle(shuffled, random);
        Map<String, Stats> times = new LinkedHashMap<>();
        Map<String, Stats> counts = new LinkedHashMap<>();
        queries.forEach(q -> {
            times.computeIfAbsent(q.kind(), kind -> new Stats());
            counts.computeIfAbsent(q.kind(), kind -> new Stats());
        });
        for (Query query : shuffled) {
            long started = System.nanoTime();
            int found = search.apply(query.text());
            times.get(query.kind()).add((System.nanoTime() - started) / 1e6);
            counts.get(query.kind()).add(found);
        }
        times.forEach((kind, stats) -> context.results.add("search", what + ": " + kind, "ms", stats));
        counts.forEach((kind, stats) -> context.results.add(
                "search", what + ": " + kind + ", results (at most " + LIMIT + ")", "results", stats));
    }

    /**
     * Queries made from the seeded people's first and last names (their display names are like "Ada Andersen
     * srch1"), and their user names.
     */
    private static List<Query> peopleQueries(Random random, List<Seeder.Person> people) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection db = BenchDatabase.connect();
                PreparedStatement select =
                        db.prepareStatement("select display_name from user_account where username_key like ?")) {
            select.setString(1, PREFIX + "%");
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String[] words = rows.getString(1).split(" ");
                    names.add(words[0] + " " + words[1]);
                }
            }
        }
        List<Query> queries = new ArrayList<>(nameQueries(random, names));
        for (int i = 0; i < QUERIES_PER_KIND; i++) {
            queries.add(new Query(
                    "exact user name", people.get(random.nextInt(people.size())).username()));
        }
        return queries;
    }

    /** The kinds both searches get, from names of two or more words, as people type them. */
    private static List<Query> nameQueries(Random random, List<String> names) {
        List<Query> queries = new ArrayList<>();
        for (int i = 0; i < QUERIES_PER_KIND; i++) {
            String name = names.get(random.nextInt(names.size()));
            // Numbers in group names are not what people search by.
            String[] words = Arrays.stream(name.split(" "))
                    .filter(w -> !w.matches("\\d+"))
                    .toArray(String[]::new);
            String word = words[random.nextInt(words.length)];
            queries.add(new Query("1 letter", word.substring(0, 1)));
            int letters = Math.min(word.length(), 2 + random.nextInt(2));
            queries.add(new Query("2-3 first letters", word.substring(0, letters)));
            queries.add(new Query("full name", name));
            queries.add(new Query("letters from the middle", middle(random, words)));
            queries.add(new Query("no match", "zx" + randomLetters(random, 4)));
        }
        return queries;
    }

    /** Three or four letters from inside the longest word: neither its start nor necessarily its end. */
    private static String middle(Random random, String[] words) {
        String word = words[0];
        for (String w : words) {
            if (w.length() > word.length()) {
                word = w;
            }
        }
        int length = Math.min(word.length() - 1, 3 + random.nextInt(2));
        int from = 1 + random.nextInt(word.length() - length);
        return word.substring(from, from + length);
    }

    private static String randomLetters(Random random, int count) {
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < count; i++) {
            letters.append((char) ('a' + random.nextInt(26)));
        }
        return letters.toString();
    }

    /**
     * Open groups as GroupService would have stored them (without the "created the group" line): a GROUP
     * conversation, the group, and its owner as a member of both. Ids are given explicitly, above everything stored
     * so far, so that the rows can refer to each other without reading generated keys back one by one. Returns the
     * group names, which are like "Chess Lisbon 7".
     */
    private static List<String> seedGroups(List<Seeder.Person> owners) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        List<String> names = new ArrayList<>(GROUPS);
        try (Connection db = BenchDatabase.connect()) {
            db.setAutoCommit(false);
            long firstConversation = nextId(db, "conversation");
            long firstGroup = nextId(db, "chat_group");
            try (PreparedStatement conversation = db.prepareStatement("insert into conversation (id, kind,"
                            + " created_at, last_activity_at) values (?, 'GROUP', ?, ?)");
                    PreparedStatement group = db.prepareStatement("insert into chat_group (id, name, name_key,"
                            + " description, description_key, join_policy, conversation_id, member_count, created_at)"
                            + " values (?, ?, ?, ?, ?, 'OPEN', ?, 1, ?)");
                    PreparedStatement groupMember = db.prepareStatement("insert into group_member (group_id, user_id,"
                            + " role, joined_at) values (?, ?, 'OWNER', ?)");
                    PreparedStatement member = db.prepareStatement("insert into conversation_member"
                            + " (conversation_id, user_id, joined_at) values (?, ?, ?)")) {
                for (int i = 0; i < GROUPS; i++) {
                    String topic = TOPICS[(i / PLACES.length) % TOPICS.length];
                    String place = PLACES[i % PLACES.length];
                    int number = i / (PLACES.length * TOPICS.length) + 1;
                    String name = topic + " " + place + (number > 1 ? " " + number : "");
                    String description = topic + " fans in " + place + ": meet-ups, news and questions.";
                    names.add(name);
                    long conversationId = firstConversation + i;
                    long groupId = firstGroup + i;
                    long owner = owners.get(i % owners.size()).id();
                    conversation.setLong(1, conversationId);
                    conversation.setTimestamp(2, now);
                    conversation.setTimestamp(3, now);
                    conversation.addBatch();
                    group.setLong(1, groupId);
                    group.setString(2, name);
                    group.setString(3, TextRules.searchKey(name));
                    group.setString(4, description);
                    group.setString(5, TextRules.searchKey(description));
                    group.setLong(6, conversationId);
                    group.setTimestamp(7, now);
                    group.addBatch();
                    groupMember.setLong(1, groupId);
                    groupMember.setLong(2, owner);
                    groupMember.setTimestamp(3, now);
                    groupMember.addBatch();
                    member.setLong(1, conversationId);
                    member.setLong(2, owner);
                    member.setTimestamp(3, now);
                    member.addBatch();
                    if ((i + 1) % BATCH == 0 || i == GROUPS - 1) {
                        conversation.executeBatch();
                        group.executeBatch();
                        groupMember.executeBatch();
                        member.executeBatch();
                    }
                }
            }
            db.commit();
        }
        return names;
    }

    private static long nextId(Connection db, String table) throws SQLException {
        try (Statement statement = db.createStatement();
                ResultSet row = statement.executeQuery("select coalesce(max(id), 0) + 1 from " + table)) {
            row.next();
            return row.getLong(1);
        }
    }

    /**
     * MariaDB's plan for the repository query with the first query of each kind, and how many rows it read to fill
     * one page. A contains-search ({@code like '%text%'}) cannot seek in an index: MariaDB walks the index that gives
     * the order until it has a page of matches, or to the end when there are fewer.
     */
    private static void explain(BenchContext context, String what, List<Query> queries, long searcherId)
            throws SQLException {
        Map<String, String> firstOfKind = new LinkedHashMap<>();
        queries.forEach(q -> firstOfKind.putIfAbsent(q.kind(), q.text()));
        for (Map.Entry<String, String> kind : firstOfKind.entrySet()) {
            String pattern = TextRules.containsPattern(kind.getValue());
            String plan = what.equals("people")
                    ? HistoryAndSearchServices.plan(PEOPLE_SQL, pattern, pattern, "", searcherId, LIMIT)
                    : HistoryAndSearchServices.plan(GROUPS_SQL, pattern, pattern, "", "", 0L, LIMIT);
            context.results.figure(
                    "search",
                    what + ": " + kind.getKey() + " (\"" + kind.getValue() + "\"): MariaDB plan"
                            + (what.equals("people")
                                    ? " of the name-index walk (used unless the gram index answers)"
                                    : ""),
                    plan);
        }
    }

    private static String seconds(long startedNanos) {
        return String.format(Locale.ROOT, "%.1f", (System.nanoTime() - startedNanos) / 1e9);
    }
}
