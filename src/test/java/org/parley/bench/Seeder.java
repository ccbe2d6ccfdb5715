package org.parley.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.parley.account.service.internal.PersonGrams;
import org.parley.base.service.TextRules;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Writes benchmark data straight into Parley's tables, in batches: thousands of people, friendships with their
 * conversations, and groups, exactly as the services would have stored them. Every person has the same password;
 * its hash uses BCrypt's lowest cost so that signing in thousands of sessions measures Parley, not BCrypt.
 */
final class Seeder {

    static final String PASSWORD = "bench-password";
    private static final String HASH = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD);
    private static final int BATCH = 2000;

    record Person(long id, String username) {}

    record Group(long id, long conversationId) {}

    private Seeder() {}

    /** People named {@code prefix + number} (numbers from 1, zero-padded to six digits). */
    static List<Person> people(String prefix, int count) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection db = BenchDatabase.connect()) {
            db.setAutoCommit(false);
            try (PreparedStatement insert = db.prepareStatement("insert into user_account (username, username_key,"
                    + " display_name, display_name_key, password_hash, created_at) values (?, ?, ?, ?, ?, ?)")) {
                for (int i = 1; i <= count; i++) {
                    String username = prefix + String.format("%06d", i);
                    String displayName = displayName(prefix, i);
                    insert.setString(1, username);
                    insert.setString(2, TextRules.searchKey(username));
                    insert.setString(3, displayName);
                    insert.setString(4, TextRules.searchKey(displayName));
                    insert.setString(5, HASH);
                    insert.setTimestamp(6, now);
                    insert.addBatch();
                    if (i % BATCH == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            db.commit();
            List<Person> people = new ArrayList<>(count);
            try (PreparedStatement select = db.prepareStatement(
                    "select id, username from user_account where username_key like ? order by username_key")) {
                // Exactly this prefix and six digits: "fan" must not pick up "fans000001".
                select.setString(1, TextRules.searchKey(prefix) + "______");
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        people.add(new Person(rows.getLong(1), rows.getString(2)));
                    }
                }
            }
            indexForSearch(db, people, prefix);
            db.commit();
            return people;
        }
    }

    private static final String[] FIRST = {
        "Ada", "Björn", "Chiara", "Dmitri", "Elif", "Farah", "Goran", "Hana", "Ines", "Jonas", "Kaito", "Lena", "Mateo",
        "Nadia", "Oskar", "Priya", "Quentin", "Rosa", "Sven", "Tariq"
    };
    private static final String[] LAST = {
        "Andersen",
        "Bauer",
        "Costa",
        "Dubois",
        "Eriksson",
        "Fischer",
        "García",
        "Horvat",
        "Ivanova",
        "Jensen",
        "Kowalski",
        "Larsen",
        "Moreau",
        "Novak",
        "Olsen",
        "Petrov",
        "Rossi",
        "Schmidt",
        "Tanaka",
        "Weber"
    };

    /** What registration writes for people search ({@link PersonGrams}): each person's name grams. */
    private static void indexForSearch(Connection db, List<Person> people, String prefix) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("insert into person_gram (gram, user_id) values (?, ?)")) {
            int rows = 0;
            for (Person person : people) {
                int number = Integer.parseInt(person.username().substring(prefix.length()));
                for (long gram : PersonGrams.of(
                        TextRules.searchKey(person.username()), TextRules.searchKey(displayName(prefix, number)))) {
                    insert.setLong(1, gram);
                    insert.setLong(2, person.id());
                    insert.addBatch();
                    if (++rows % BATCH == 0) {
                        insert.executeBatch();
                    }
                }
            }
            insert.executeBatch();
        }
    }

    private static String displayName(String prefix, int i) {
        return FIRST[i % FIRST.length] + " " + LAST[(i / FIRST.length) % LAST.length] + " " + prefix + i;
    }

    /** Makes each pair friends with a one-on-one conversation; returns the conversation ids in pair order. */
    static long[] friendsWithConversations(List<Person> left, List<Person> right) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        List<String> keys = new ArrayList<>(left.size());
        try (Connection db = BenchDatabase.connect()) {
            db.setAutoCommit(false);
            try (PreparedStatement friendship = db.prepareStatement(
                            "insert into friendship (user_low, user_high, created_at) values (?, ?, ?)");
                    PreparedStatement conversation = db.prepareStatement("insert into conversation (kind, direct_key,"
                            + " created_at, last_activity_at) values ('DIRECT', ?, ?, ?)")) {
                for (int i = 0; i < left.size(); i++) {
                    long low = Math.min(left.get(i).id(), right.get(i).id());
                    long high = Math.max(left.get(i).id(), right.get(i).id());
                    friendship.setLong(1, low);
                    friendship.setLong(2, high);
                    friendship.setTimestamp(3, now);
                    friendship.addBatch();
                    String key = low + ":" + high;
                    keys.add(key);
                    conversation.setString(1, key);
                    conversation.setTimestamp(2, now);
                    conversation.setTimestamp(3, now);
                    conversation.addBatch();
                }
                friendship.executeBatch();
                conversation.executeBatch();
            }
            Map<String, Long> ids = new HashMap<>();
            for (int from = 0; from < keys.size(); from += 1000) {
                List<String> chunk = keys.subList(from, Math.min(keys.size(), from + 1000));
                try (PreparedStatement select =
                        db.prepareStatement("select id, direct_key from conversation where" + " direct_key in ("
                                + String.join(",", chunk.stream().map(k -> "?").toList()) + ")")) {
                    for (int i = 0; i < chunk.size(); i++) {
                        select.setString(i + 1, chunk.get(i));
                    }
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            ids.put(rows.getString(2), rows.getLong(1));
                        }
                    }
                }
            }
            long[] conversations = new long[keys.size()];
            try (PreparedStatement member = db.prepareStatement(
                    "insert into conversation_member (conversation_id, user_id, joined_at) values (?, ?, ?)")) {
                for (int i = 0; i < keys.size(); i++) {
                    conversations[i] = ids.get(keys.get(i));
                    for (Person person : List.of(left.get(i), right.get(i))) {
                        member.setLong(1, conversations[i]);
                        member.setLong(2, person.id());
                        member.setTimestamp(3, now);
                        member.addBatch();
                    }
                }
                member.executeBatch();
            }
            db.commit();
            return conversations;
        }
    }

    /** An open group owned by the first person, with everyone listed as a member. */
    static Group group(String name, List<Person> members) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection db = BenchDatabase.connect()) {
            db.setAutoCommit(false);
            long conversationId;
            try (PreparedStatement conversation = db.prepareStatement(
                    "insert into conversation (kind, created_at," + " last_activity_at) values ('GROUP', ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                conversation.setTimestamp(1, now);
                conversation.setTimestamp(2, now);
                conversation.executeUpdate();
                conversationId = generatedKey(conversation);
            }
            long groupId;
            try (PreparedStatement group = db.prepareStatement(
                    "insert into chat_group (name, name_key, description,"
                            + " description_key, join_policy, conversation_id, member_count, created_at)"
                            + " values (?, ?, ?, ?, 'OPEN', ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                group.setString(1, name);
                group.setString(2, TextRules.searchKey(name));
                group.setString(3, "Benchmark group " + name);
                group.setString(4, TextRules.searchKey("Benchmark group " + name));
                group.setLong(5, conversationId);
                group.setInt(6, members.size());
                group.setTimestamp(7, now);
                group.executeUpdate();
                groupId = generatedKey(group);
            }
            try (PreparedStatement groupMember = db.prepareStatement(
                            "insert into group_member (group_id, user_id," + " role, joined_at) values (?, ?, ?, ?)");
                    PreparedStatement member = db.prepareStatement("insert into conversation_member"
                            + " (conversation_id, user_id, joined_at) values (?, ?, ?)")) {
                for (int i = 0; i < members.size(); i++) {
                    groupMember.setLong(1, groupId);
                    groupMember.setLong(2, members.get(i).id());
                    groupMember.setString(3, i == 0 ? "OWNER" : "MEMBER");
                    groupMember.setTimestamp(4, now);
                    groupMember.addBatch();
                    member.setLong(1, conversationId);
                    member.setLong(2, members.get(i).id());
                    member.setTimestamp(3, now);
                    member.addBatch();
                }
                groupMember.executeBatch();
                member.executeBatch();
            }
            db.commit();
            return new Group(groupId, conversationId);
        }
    }

    private static long generatedKey(PreparedStatement statement) throws SQLException {
        try (ResultSet keys = statement.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }
}
