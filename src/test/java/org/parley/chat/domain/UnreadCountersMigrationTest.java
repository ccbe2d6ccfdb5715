package org.parley.chat.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * V7 replaces the unread count kept per member (one write per member and message) by a count per conversation
 * and a read marker per member. Data written under V6 must come through with every badge exactly as it was:
 * on a database of its own, migrated to V6, filled as V6 Parley would, then migrated to V7. On the suite's
 * database server: the embedded H2, or MariaDB when SPRING_DATASOURCE_URL points there.
 */
class UnreadCountersMigrationTest {

    @Test
    void every_unread_count_comes_through_exactly() throws Exception {
        String url = ownDatabase();
        Flyway.configure()
                .dataSource(url, user(), password())
                .target("6")
                .load()
                .migrate();
        try (Connection db = DriverManager.getConnection(url, user(), password());
                Statement sql = db.createStatement()) {
            sql.execute("insert into user_account (id, username, username_key, display_name, display_name_key,"
                    + " password_hash, created_at) values (1, 'ann', 'ann', 'Ann', 'ann', 'x', now()),"
                    + " (2, 'bob', 'bob', 'Bob', 'bob', 'x', now()), (3, 'cat', 'cat', 'Cat', 'cat', 'x', now())");
            sql.execute("insert into conversation (id, kind, direct_key, created_at, last_activity_at) values"
                    + " (10, 'DIRECT', '1:2', now(), now()), (11, 'GROUP', null, now(), now()),"
                    + " (12, 'DIRECT', '1:3', now(), now())");
            // Conversation 10: Ann wrote 3, Bob 2 (Bob read 1 of Ann's). 11: Ann 4, Cat 1, plus 2 system lines;
            // Bob joined after 2 of them. 12: nothing said yet.
            for (String[] message : new String[][] {
                {"10", "1", "USER"},
                {"10", "1", "USER"},
                {"10", "2", "USER"},
                {"10", "1", "USER"},
                {"10", "2", "USER"},
                {"11", "1", "SYSTEM"},
                {"11", "1", "USER"},
                {"11", "1", "USER"},
                {"11", "2", "SYSTEM"},
                {"11", "1", "USER"},
                {"11", "3", "USER"},
                {"11", "1", "USER"}
            }) {
                sql.execute("insert into chat_message (conversation_id, sender_id, body, created_at, kind) values ("
                        + message[0] + ", " + message[1] + ", 'text', now(), '" + message[2] + "')");
            }
            sql.execute("insert into conversation_member (conversation_id, user_id, unread_count, joined_at) values"
                    + " (10, 1, 0, now()), (10, 2, 2, now()), (11, 1, 1, now()), (11, 2, 2, now()),"
                    + " (11, 3, 5, now()), (12, 1, 0, now()), (12, 3, 0, now())");
        }
        Map<String, Long> before =
                Map.of("10/1", 0L, "10/2", 2L, "11/1", 1L, "11/2", 2L, "11/3", 5L, "12/1", 0L, "12/3", 0L);

        Flyway.configure().dataSource(url, user(), password()).load().migrate();

        Map<String, Long> after = new LinkedHashMap<>();
        try (Connection db = DriverManager.getConnection(url, user(), password());
                Statement sql = db.createStatement();
                ResultSet rows = sql.executeQuery("select m.conversation_id, m.user_id,"
                        + " c.message_count - m.read_count from conversation_member m"
                        + " join conversation c on c.id = m.conversation_id")) {
            while (rows.next()) {
                after.put(rows.getLong(1) + "/" + rows.getLong(2), rows.getLong(3));
            }
            try (ResultSet counts = sql.executeQuery("select id, message_count from conversation order by id")) {
                Map<Long, Long> messageCounts = new LinkedHashMap<>();
                while (counts.next()) {
                    messageCounts.put(counts.getLong(1), counts.getLong(2));
                }
                assertThat(messageCounts)
                        .as("people's messages, not system lines")
                        .containsExactly(Map.entry(10L, 5L), Map.entry(11L, 5L), Map.entry(12L, 0L));
            }
        }
        assertThat(after).isEqualTo(before);
    }

    private static String ownDatabase() throws Exception {
        String suiteUrl = System.getenv("SPRING_DATASOURCE_URL");
        if (suiteUrl != null && suiteUrl.startsWith("jdbc:mariadb:")) {
            String server = suiteUrl.substring(0, suiteUrl.indexOf('/', "jdbc:mariadb://".length()) + 1);
            try (Connection db = DriverManager.getConnection(server, user(), password());
                    Statement sql = db.createStatement()) {
                sql.execute("drop database if exists parley_migration_test");
                sql.execute(
                        "create database parley_migration_test character set utf8mb4" + " collate utf8mb4_unicode_ci");
            }
            return server + "parley_migration_test";
        }
        return "jdbc:h2:mem:migration-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;MODE=MariaDB;DATABASE_TO_LOWER=TRUE;"
                + "NON_KEYWORDS=VALUE,KEY";
    }

    private static String user() {
        String suiteUrl = System.getenv("SPRING_DATASOURCE_URL");
        return suiteUrl != null && suiteUrl.startsWith("jdbc:mariadb:")
                ? System.getenv().getOrDefault("SPRING_DATASOURCE_USERNAME", "root")
                : "sa";
    }

    private static String password() {
        String suiteUrl = System.getenv("SPRING_DATASOURCE_URL");
        return suiteUrl != null && suiteUrl.startsWith("jdbc:mariadb:")
                ? System.getenv().getOrDefault("SPRING_DATASOURCE_PASSWORD", "")
                : "";
    }
}
