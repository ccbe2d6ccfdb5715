package org.parley;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.support.TestUsers.run;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.parley.account.service.UserSummary;
import org.parley.chat.service.AttachmentService;
import org.parley.chat.service.ChatService;
import org.parley.groups.service.GroupSummary;
import org.parley.support.Scenarios;
import org.parley.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A backup restored into a fresh database holds every message, every file byte for byte and every picture with its
 * preview. On MariaDB (the MariaDB run of CI) with the README's own commands, {@code mariadb-dump} and
 * {@code mariadb}; on the embedded H2 with H2's {@code SCRIPT} and {@code RUNSCRIPT}.
 */
@SpringBootTest
class BackupRestoreTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    TestUsers users;

    @Autowired
    Scenarios scenarios;

    @Autowired
    ChatService chat;

    @Autowired
    AttachmentService attachments;

    @Test
    void a_restored_backup_holds_every_message_file_and_picture() throws Exception {
        Map<String, UserSummary> people = users.createAll("ann", "bob");
        UserSummary ann = people.get("ann");
        UserSummary bob = people.get("bob");
        long direct = scenarios.friendsWithConversation(ann, bob);
        GroupSummary group = scenarios.openGroup(ann, "Backup " + TestUsers.uniqueName("g"), "", bob);
        run(ann, () -> chat.send(direct, "备份之前 ✓ — before the backup"));
        run(bob, () -> chat.send(group.conversationId(), "A group's line, with 'quotes' and \\ backslash"));
        byte[] file = new byte[2 * 1024 * 1024 + 12_345]; // three chunks, the last one short
        new Random(15).nextBytes(file);
        byte[] picture = png(300, 200);
        run(ann, () -> upload(direct, "contract.bin", file));
        run(bob, () -> upload(group.conversationId(), "team.png", picture));
        List<Long> conversations = List.of(direct, group.conversationId());

        Snapshot before;
        try (Connection live = dataSource.getConnection()) {
            before = Snapshot.of(live, conversations);
        }
        assertThat(before.messages()).hasSize(6); // 2 texts, 2 attachments, the group's "created" and "joined"
        assertThat(before.files()).hasSize(2);

        Path work = Files.createTempDirectory("parley-backup");
        try (Connection restored = backUpAndRestore(work)) {
            Snapshot after = Snapshot.of(restored, conversations);
            assertThat(after.messages()).isEqualTo(before.messages());
            assertThat(after.files()).isEqualTo(before.files());
            assertThat(after.files())
                    .contains(
                            "contract.bin READY " + file.length + " " + sha256(file),
                            "team.png READY " + picture.length + " " + sha256(picture));
            assertThat(after.previews()).isEqualTo(before.previews()).hasSize(1);
        }
    }

    /** Messages, files (by their chunks' bytes) and previews of the given conversations, as text to compare. */
    private record Snapshot(List<String> messages, List<String> files, List<String> previews) {

        static Snapshot of(Connection db, List<Long> conversations) throws Exception {
            String in = "(" + conversations.get(0) + ", " + conversations.get(1) + ")";
            List<String> messages = rows(
                    db,
                    "select id, conversation_id, sender_id, kind, body, attachment_id from chat_message"
                            + " where conversation_id in " + in + " order by id");
            List<String> files = new ArrayList<>();
            try (Statement statement = db.createStatement();
                    ResultSet row = statement.executeQuery("select id, file_name, status, size_bytes from attachment"
                            + " where conversation_id in " + in + " order by id")) {
                while (row.next()) {
                    files.add(row.getString(2) + " " + row.getString(3) + " " + row.getLong(4) + " "
                            + chunksSha256(db, row.getLong(1)));
                }
            }
            List<String> previews = rows(
                    db,
                    "select a.file_name, a.picture_format, a.width, a.height, t.content_type, length(t.data)"
                            + " from attachment a join attachment_thumbnail t on t.attachment_id = a.id"
                            + " where a.conversation_id in " + in + " order by a.id");
            return new Snapshot(messages, files, previews);
        }

        private static List<String> rows(Connection db, String query) throws SQLException {
            List<String> rows = new ArrayList<>();
            try (Statement statement = db.createStatement();
                    ResultSet row = statement.executeQuery(query)) {
                int columns = row.getMetaData().getColumnCount();
                while (row.next()) {
                    StringBuilder line = new StringBuilder();
                    for (int i = 1; i <= columns; i++) {
                        line.append(i > 1 ? " | " : "").append(row.getString(i));
                    }
                    rows.add(line.toString());
                }
            }
            return rows;
        }

        private static String chunksSha256(Connection db, long attachmentId) throws Exception {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (PreparedStatement chunks =
                    db.prepareStatement("select data from attachment_chunk where attachment_id = ? order by seq")) {
                chunks.setLong(1, attachmentId);
                try (ResultSet row = chunks.executeQuery()) {
                    while (row.next()) {
                        sha.update(row.getBytes(1));
                    }
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        }
    }

    /** Backs the suite's database up and restores it into a fresh one; returns a connection to that one. */
    private Connection backUpAndRestore(Path work) throws Exception {
        String url = System.getenv("SPRING_DATASOURCE_URL");
        if (url != null && url.startsWith("jdbc:mariadb:")) {
            return withMariaDbCommands(url, work);
        }
        Path script = work.resolve("parley.sql");
        try (Connection live = dataSource.getConnection();
                PreparedStatement backup = live.prepareStatement("script to ?")) {
            backup.setString(1, script.toString());
            backup.execute();
        }
        Connection restored = DriverManager.getConnection(
                "jdbc:h2:mem:restored-" + System.nanoTime() + ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE;"
                        + "NON_KEYWORDS=VALUE,KEY;DB_CLOSE_DELAY=-1",
                "sa",
                "");
        try (PreparedStatement restore = restored.prepareStatement("runscript from ?")) {
            restore.setString(1, script.toString());
            restore.execute();
        }
        return restored;
    }

    /** The README's commands: mariadb-dump of the live database, then mariadb into a fresh one. */
    private static Connection withMariaDbCommands(String url, Path work) throws Exception {
        String user = System.getenv().getOrDefault("SPRING_DATASOURCE_USERNAME", "root");
        String password = System.getenv().getOrDefault("SPRING_DATASOURCE_PASSWORD", "");
        String hostPort = url.substring("jdbc:mariadb://".length(), url.indexOf('/', "jdbc:mariadb://".length()));
        String host = hostPort.contains(":") ? hostPort.substring(0, hostPort.indexOf(':')) : hostPort;
        String port = hostPort.contains(":") ? hostPort.substring(hostPort.indexOf(':') + 1) : "3306";
        String rest = url.substring(url.indexOf('/', "jdbc:mariadb://".length()) + 1);
        String database = rest.contains("?") ? rest.substring(0, rest.indexOf('?')) : rest;
        String fresh = "parley_restored";
        List<String> login = new ArrayList<>(List.of("-h", host, "-P", port, "-u", user));
        if (!password.isEmpty()) {
            login.add("-p" + password);
        }
        Path dump = work.resolve("parley.sql");
        List<String> dumpCommand = new ArrayList<>(List.of("mariadb-dump", "--single-transaction", "--hex-blob"));
        dumpCommand.addAll(login);
        dumpCommand.add(database);
        runCommand(dumpCommand, null, dump);
        List<String> create = new ArrayList<>(List.of("mariadb"));
        create.addAll(login);
        create.addAll(List.of(
                "-e",
                "drop database if exists " + fresh + "; create database " + fresh
                        + " character set utf8mb4 collate utf8mb4_unicode_ci"));
        runCommand(create, null, null);
        List<String> restore = new ArrayList<>(List.of("mariadb"));
        restore.addAll(login);
        restore.add(fresh);
        runCommand(restore, dump, null);
        return DriverManager.getConnection("jdbc:mariadb://" + hostPort + "/" + fresh, user, password);
    }

    private static void runCommand(List<String> command, Path input, Path output) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command);
        Path errors = Files.createTempFile("parley-backup", ".err");
        builder.redirectError(errors.toFile());
        if (input != null) {
            builder.redirectInput(input.toFile());
        }
        if (output != null) {
            builder.redirectOutput(output.toFile());
        }
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new AssertionError(
                    String.join(" ", command) + " failed: " + Files.readString(errors, StandardCharsets.UTF_8));
        }
    }

    private void upload(long conversationId, String name, byte[] content) {
        try {
            attachments.upload(conversationId, name, "application/octet-stream", new ByteArrayInputStream(content));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] png(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                image.setRGB(x, y, (x * 255 / width) << 16 | (y * 255 / height) << 8 | 0x40);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
