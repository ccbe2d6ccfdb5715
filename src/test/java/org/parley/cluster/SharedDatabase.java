package org.parley.cluster;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.h2.tools.Server;
import org.parley.support.OwnMariaDbDatabase;

/**
 * The one database the cluster's nodes share, on what this suite runs on: MariaDB when SPRING_DATASOURCE_URL
 * points there (then a database of its own beside the suite's, as the crash drill does), else H2 in server mode — a
 * TCP server inside the test JVM that both node JVMs connect to, so neither node owns the database and a node
 * killed with {@code kill -9} takes nothing of it along.
 */
final class SharedDatabase implements AutoCloseable {

    private static final String H2_SETTINGS = ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=VALUE,KEY";

    final String url;
    final String user;
    final String password;
    private final Server h2;

    private SharedDatabase(String url, String user, String password, Server h2) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.h2 = h2;
    }

    static SharedDatabase create(Path directory) throws Exception {
        OwnMariaDbDatabase mariaDb = OwnMariaDbDatabase.besideTheSuite("parley_cluster");
        if (mariaDb != null) {
            return new SharedDatabase(mariaDb.url(), mariaDb.user(), mariaDb.password(), null);
        }
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        // -ifNotExists: the first node to connect creates the database (under the test's own directory).
        Server h2 = Server.createTcpServer(
                        "-tcpPort", Integer.toString(port), "-ifNotExists", "-baseDir", directory.toString())
                .start();
        return new SharedDatabase("jdbc:h2:tcp://127.0.0.1:" + port + "/parley" + H2_SETTINGS, "sa", "", h2);
    }

    String kind() {
        return h2 == null ? "MariaDB" : "H2 in server mode";
    }

    /** The bodies of a conversation's stored messages, oldest first: what every page must show. */
    List<String> messageBodies(long conversationId) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, password);
                PreparedStatement query = connection.prepareStatement(
                        "select body from chat_message where conversation_id = ? order by id")) {
            query.setLong(1, conversationId);
            List<String> bodies = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    bodies.add(rows.getString(1));
                }
            }
            return bodies;
        }
    }

    @Override
    public void close() {
        if (h2 != null) {
            h2.stop();
        }
    }
}
