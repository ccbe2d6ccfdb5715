package org.parley.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** The benchmark's own MariaDB database, created empty for every run (Parley's migrations make the schema). */
final class BenchDatabase {

    static final String HOST = System.getProperty("bench.db.host", "127.0.0.1:3306");
    static final String NAME = System.getProperty("bench.db.name", "parley_bench");

    /** The URL Parley runs on, with the recommended binary protocol. */
    static String url() {
        return "jdbc:mariadb://" + HOST + "/" + NAME + "?useServerPrepStmts=true";
    }

    /** For bulk loading: rewritten multi-row inserts. */
    static Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://" + HOST + "/" + NAME + "?rewriteBatchedStatements=true",
                "root", "");
    }

    static void recreate() throws SQLException {
        try (Connection server = DriverManager.getConnection("jdbc:mariadb://" + HOST + "/", "root", "");
                Statement statement = server.createStatement()) {
            statement.execute("drop database if exists " + NAME);
            statement.execute("create database " + NAME + " character set utf8mb4 collate utf8mb4_unicode_ci");
        }
    }

    static String version() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                var result = statement.executeQuery("select version()")) {
            result.next();
            return "MariaDB " + result.getString(1);
        }
    }
}
