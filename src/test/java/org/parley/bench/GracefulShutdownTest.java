package org.parley.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A node stopped as an orchestrator stops it (SIGTERM) while a person's upload is still on its way: the upload
 * finishes and its file is stored whole, the node then exits on its own (open tabs, on WebSocket and on long
 * polling, do not hold it up), and says it shut down gracefully.
 */
class GracefulShutdownTest {

    /** Slow enough that the upload is surely in flight when the node is told to stop, quick enough for CI. */
    private static final int UPLOAD_BYTES_PER_SECOND = 256 * 1024;

    private static final int FILE_BYTES = 2 * 1024 * 1024;

    @Test
    void a_stopping_node_finishes_the_upload_in_flight_then_exits() throws Exception {
        Path work = Files.createTempDirectory("parley-graceful");
        CrashDrillTest.useOwnDatabase(work);
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        try (BenchServer server = BenchServer.fromClassPath(port, BenchDatabase.url(), work)
                        .heap("768m")
                        // What Spring Boot says of the shutdown.
                        .arguments(List.of("--logging.level.org.springframework.boot.tomcat.GracefulShutdown=info"));
                BenchContext context = new BenchContext(server, new Results(), work)) {
            server.start();
            List<Seeder.Person> people = Seeder.people("grace", 2);
            long conversation = Seeder.friendsWithConversations(List.of(people.get(0)), List.of(people.get(1)))[0];
            Page ann = context.signedInPage(people.get(0).username(), "websocket");
            Page bob = context.signedInPage(people.get(1).username(), "long-polling");
            ann.navigate(context.baseUrl() + "chat/" + conversation);
            bob.navigate(context.baseUrl() + "chat/" + conversation);
            ann.locator("[data-testid=message-input] textarea").waitFor();
            bob.locator("[data-testid=message-input] textarea").waitFor();

            byte[] content = new byte[FILE_BYTES];
            new Random(7).nextBytes(content);
            Path file = work.resolve("leaving-present.bin");
            Files.write(file, content);
            throttleUploads(ann);
            ann.locator("[data-testid=attach] input[type=file]").setInputFiles(file);
            // Under way, a good part still to send: then the node is told to stop.
            ann.waitForFunction(
                    "() => { const f = (document.querySelector('[data-testid=attach]').files || [])[0];"
                            + " return f && f.progress >= 10; }",
                    null,
                    new Page.WaitForFunctionOptions().setPollingInterval(50).setTimeout(30_000));
            String progress = String.valueOf(
                    ann.evaluate("() => document.querySelector('[data-testid=attach]').files[0].progress"));
            assertThat(Double.parseDouble(progress))
                    .as("upload progress when stopping")
                    .isLessThan(60);

            Instant stopping = Instant.now();
            long exitMillis = server.terminate(Duration.ofSeconds(60));
            System.out.println("Graceful shutdown: exited " + exitMillis + " ms after SIGTERM, upload at " + progress
                    + " % when it came");

            assertThat(storedFile(file.getFileName().toString()))
                    .as("the file stored whole, byte for byte")
                    .isEqualTo(sha256(content));
            String log = Files.readString(server.log());
            assertThat(log).contains("Graceful shutdown complete").doesNotContain("Graceful shutdown aborted");
            // From the stop on: while tabs open pages, Atmosphere sometimes logs that it could not cancel a long poll
            // the browser had already dropped (its own race, seen once in CI); the shutdown is what is tried here.
            assertThat(log.lines()
                            .filter(line -> line.matches("^\\S+\\s+ERROR\\s.*"))
                            .filter(line -> !Instant.parse(line.substring(0, line.indexOf(' ')))
                                    .isBefore(stopping)))
                    .as("errors logged during the shutdown")
                    .isEmpty();
            assertThat(exitMillis)
                    .as("open tabs do not hold the node for the whole shutdown timeout (30 s)")
                    .isLessThan(25_000);
        }
    }

    /** Chromium sends at most {@link #UPLOAD_BYTES_PER_SECOND} from this page, as over a slow line. */
    private static void throttleUploads(Page page) {
        CDPSession devTools = page.context().newCDPSession(page);
        devTools.send("Network.enable");
        JsonObject conditions = new JsonObject();
        conditions.addProperty("offline", false);
        conditions.addProperty("latency", 0);
        conditions.addProperty("downloadThroughput", -1);
        conditions.addProperty("uploadThroughput", UPLOAD_BYTES_PER_SECOND);
        devTools.send("Network.emulateNetworkConditions", conditions);
    }

    /** The SHA-256 of the stored file's chunks in order, once it is ready; null if it is not. */
    private static String storedFile(String fileName) throws Exception {
        try (Connection db = BenchDatabase.connect();
                PreparedStatement attachment =
                        db.prepareStatement("select id, status from attachment where file_name = ?");
                PreparedStatement chunks =
                        db.prepareStatement("select data from attachment_chunk where attachment_id = ? order by seq")) {
            attachment.setString(1, fileName);
            long id;
            try (ResultSet row = attachment.executeQuery()) {
                if (!row.next() || !"READY".equals(row.getString(2))) {
                    return null;
                }
                id = row.getLong(1);
            }
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            chunks.setLong(1, id);
            try (ResultSet rows = chunks.executeQuery()) {
                while (rows.next()) {
                    try (InputStream data = rows.getBinaryStream(1)) {
                        sha.update(data.readAllBytes());
                    }
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        }
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
