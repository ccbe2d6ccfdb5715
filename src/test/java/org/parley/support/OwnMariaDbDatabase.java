package org.parley.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A MariaDB database of its own, made fresh beside the suite's (on the same server and account) for a test whose
 * servers run in JVMs of their own: the crash drill, the cluster test. Only when the suite runs on MariaDB
 * (SPRING_DATASOURCE_URL names it); otherwise {@link #besideTheSuite} gives null and the test uses H2.
 */
public record OwnMariaDbDatabase(String url, String user, String password) {

    public static OwnMariaDbDatabase besideTheSuite(String name) throws SQLException {
        String suiteUrl = System.getenv("SPRING_DATASOURCE_URL");
        if (suiteUrl == null || !suiteUrl.startsWith("jdbc:mariadb:")) {
            return null;
        }
        String user = System.getenv().getOrDefault("SPRING_DATASOURCE_USERNAME", "root");
        String password = System.getenv().getOrDefault("SPRING_DATASOURCE_PASSWORD", "");
        String server = suiteUrl.substring(0, suiteUrl.indexOf('/', "jdbc:mariadb://".length()) + 1);
        try (Connection admin = DriverManager.getConnection(server, user, password);
                Statement statement = admin.createStatement()) {
            statement.execute("drop database if exists " + name);
            statement.execute("create database " + name + " character set utf8mb4 collate utf8mb4_unicode_ci");
        }
        return new OwnMariaDbDatabase(server + name + "?useServerPrepStmts=true", user, password);
    }
}
