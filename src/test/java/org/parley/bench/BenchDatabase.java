package org.parley.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** The benchmark's own MariaDB database, created empty for every run (Parley's migrations make the schema). */
final class BenchDatabase {

    static final String HOST = System.getProperty("bench.db.host", "127.0.0.1:3306");
    static final String NAME = System.getProperty("bench.db.name", "parley_bench");

    /** Where Parley and the seeding connect; the benchmark's MariaDB database unless {@link #use} says otherwise. */
    private static volatile String url = "jdbc:mariadb://" + HOST + "/" + NAME + "?useServerPrepStmts=true";

    private static volatile String bulkUrl = "jdbc:mariadb://" + HOST + "/" + NAME + "?rewriteBatchedStatements=true";
    private static volatile String user = "root";
    private static volatile String password = "";

    /** Points everything at another database (the crash drill test uses the test suite's own). */
    static void use(String jdbcUrl, String username, String secret) {
        url = jdbcUrl;
        bulkUrl = jdbcUrl;
        user = username;
        password = secret;
    }

    /** The URL Parley runs on (for MariaDB: with the recommended binary protocol). */
    static String url() {
        return url;
    }

    static String user() {
        return user;
    }

    static String password() {
        return password;
    }

    /** For bulk loading: on MariaDB, rewritten multi-row inserts. */
    static Connection connect() throws SQLException {
        return DriverManager.getConnection(bulkUrl, user, password);
    }

    static void recreate() throws SQLException {
        try (Connection server = DriverManager.getConnection("jdbc:mariadb://" + HOST + "/", "root", "");
                Statement statement = server.createStatement()) {
            statement.execute("drop database if exists " + NAME);
            statement.execute("create database " + NAME + " character set utf8mb4 collate utf8mb4_unicode_ci");
        }
    }

    static String version() throws SQLException {
        try (Connection connection = connect();
                Statement statement = connection.createStatement();
                var result = statement.executeQuery("select version()")) {
            result.next();
            return "MariaDB " + result.getString(1);
        }
    }
}
