package org.parley.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.support.TestUsers.as;
import static org.parley.support.TestUsers.run;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.vaadin.flow.spring.VaadinServletContextInitializer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.reflect.Field;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.parley.account.service.UserSummary;
import org.parley.chat.service.ChatService;
import org.parley.friends.service.FriendService;
import org.parley.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.type.classreading.CachingMetadataReaderFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Memory does not grow with file size: a 300 MiB file goes up through the real chat page (Chromium's
 * file input, Vaadin's Upload) and comes back down through GET /files/{id}, in a JVM whose heap is
 * smaller than the file, and arrives byte for byte (SHA-256). A 100 MiB file goes the same way first,
 * for the figures quoted in the release notes.
 *
 * <p>Runs only in the Maven execution "large-file" (forked JVM, -Xmx256m; {@code ./mvnw test-compile
 * surefire:test@large-file}); anywhere else it is skipped, since a big heap would prove nothing. Its
 * database is never in the heap: an H2 <em>file</em> in the build directory, or the MariaDB that
 * SPRING_DATASOURCE_URL names. The server, the browser driver and the download client share this JVM, so
 * every figure is an upper bound for the server alone.
 *
 * <p>Measured per transfer, over a baseline taken after a full GC: "live" is the heap in use right after
 * a full GC forced {@value #FIRST_FORCED_GC_MILLIS} ms into the transfer and every {@value #FORCED_GC_MILLIS}
 * ms after (what is really retained); "in use" is the heap in use sampled every {@value #SAMPLE_MILLIS} ms,
 * garbage included (bounded by -Xmx, whatever the code does). Throughputs are given with and without the
 * time those forced GCs stopped the JVM. Lines starting with {@code LARGE-FILE:} go to stdout and to
 * large-file-measurements.txt in the build directory.
 */
@EnabledIfSystemProperty(
        named = "parley.large-file.run",
        matches = "true",
        disabledReason = "needs its small-heap JVM: ./mvnw test-compile surefire:test@large-file")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "parley.files.max-bytes=" + LargeFileMemoryTest.MAX_BYTES)
class LargeFileMemoryTest extends BrowserTestBase {

    static final long MIB = 1024 * 1024;
    static final long MAX_BYTES = 400 * MIB;
    static final long BIG = 300 * MIB;
    static final long MEDIUM = 100 * MIB;
    /**
     * Live heap growth allowed during a transfer: a third of the big file. Measured: under 20 MiB on
     * MariaDB, up to about 55 MiB on H2 (whose page cache lives in this heap).
     */
    static final long ALLOWED_LIVE_GROWTH = 100 * MIB;
    /** How much more the 300 MiB transfer may grow the live heap than the 100 MiB one (sampling noise). */
    static final long SAME_GROWTH_TOLERANCE = 32 * MIB;

    static final long FIRST_FORCED_GC_MILLIS = 500;
    static final long FORCED_GC_MILLIS = 2000;
    static final long SAMPLE_MILLIS = 10;
    static final Duration TRANSFER_TIMEOUT = Duration.ofMinutes(4);

    static final Path WORK = Path.of(System.getProperty("parley.large-file.dir", "target"));
    static final Path FILES = WORK.resolve("large-file-data");
    static final Path MEASUREMENTS = WORK.resolve("large-file-measurements.txt");

    @DynamicPropertySource
    static void databaseOutsideTheHeap(DynamicPropertyRegistry registry) throws IOException {
        if (System.getenv("SPRING_DATASOURCE_URL") == null) {
            // The default test database is an in-memory H2: the file would sit in the heap we measure.
            Path h2 = WORK.resolve("large-file-h2").toAbsolutePath();
            deleteTree(h2);
            registry.add(
                    "spring.datasource.url",
                    () -> "jdbc:h2:file:" + h2.resolve("parley")
                            + ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=VALUE,KEY");
        }
    }

    @Autowired
    TestUsers users;

    @Autowired
    FriendService friends;

    @Autowired
    ChatService chat;

    @Autowired
    DataSource dataSource;

    @Autowired
    ApplicationContext context;

    @Autowired
    PlatformTransactionManager transactions;

    private final List<String> report = new ArrayList<>();
    private final List<Long> stored = new ArrayList<>();

    @AfterAll
    static void removeFiles() throws IOException {
        deleteTree(FILES);
    }

    @Test
    void a_file_larger_than_the_heap_goes_up_and_down_with_flat_memory() throws Exception {
        long maxHeap = Runtime.getRuntime().maxMemory();
        assertThat(maxHeap)
                .as("the heap must be smaller than the file, or this proves nothing")
                .isLessThan(BIG);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        String database;
        try (var connection = dataSource.getConnection()) {
            database = connection.getMetaData().getDatabaseProductName() + " "
                    + connection.getMetaData().getDatabaseProductVersion();
        }
        line(
                "database %s, max heap %d MiB, Java %s, %d CPUs",
                database,
                maxHeap / MIB,
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        startupCaches();

        Files.createDirectories(FILES);
        Sample medium = Sample.write(FILES.resolve("parley-100mib.bin"), MEDIUM, 100);
        Sample big = Sample.write(FILES.resolve("parley-300mib.bin"), BIG, 300);

        UserSummary ann = users.create("bigann");
        UserSummary bob = users.create("bigbob");
        run(ann, () -> friends.sendRequest(bob.id(), null));
        run(bob, () -> friends.sendRequest(ann.id(), null)); // accepts Ann's
        long conversation = as(ann, () -> chat.openDirect(bob.id()));

        Page page = newPerson();
        signIn(page, ann.username(), TestUsers.PASSWORD);
        page.navigate(url("chat/" + conversation));
        PlaywrightAssertions.assertThat(page.locator("[data-testid=attach]")).isVisible();
        String cookies = page.context().cookies(url("")).stream()
                .map(c -> c.name + "=" + c.value)
                .collect(Collectors.joining("; "));
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();

        try {
            Transfer[] up = new Transfer[2];
            Transfer[] down = new Transfer[2];
            List<Sample> samples = List.of(medium, big);
            for (int i = 0; i < samples.size(); i++) {
                Sample sample = samples.get(i);
                up[i] = upload(page, jdbc, conversation, sample);
                report(sample, "upload", up[i]);
                down[i] = download(http, cookies, up[i].attachmentId(), sample);
                report(sample, "download", down[i]);
                // Stored as a message, and shown in the sender's own page.
                PlaywrightAssertions.assertThat(page.locator("[data-testid=message-list]"))
                        .containsText(sample.path().getFileName().toString());
            }
            for (int i = 0; i < samples.size(); i++) {
                String size = samples.get(i).size() / MIB + " MiB";
                assertThat(up[i].heap().liveGrowth())
                        .as("live heap growth, " + size + " upload")
                        .isLessThan(ALLOWED_LIVE_GROWTH);
                assertThat(down[i].heap().liveGrowth())
                        .as("live heap growth, " + size + " download")
                        .isLessThan(ALLOWED_LIVE_GROWTH);
                assertThat(up[i].heap().retained())
                        .as("heap kept after the " + size + " upload")
                        .isLessThan(ALLOWED_LIVE_GROWTH);
            }
            // Three times the file is not three times the memory.
            assertThat(up[1].heap().liveGrowth())
                    .as("live heap growth, 300 MiB against 100 MiB upload")
                    .isLessThan(up[0].heap().liveGrowth() + SAME_GROWTH_TOLERANCE);
            assertThat(down[1].heap().liveGrowth())
                    .as("live heap growth, 300 MiB against 100 MiB download")
                    .isLessThan(down[0].heap().liveGrowth() + SAME_GROWTH_TOLERANCE);
        } finally {
            Files.writeString(MEASUREMENTS, String.join("\n", report) + "\n");
            // The bulk of the rows: kept out of the shared database (MariaDB runs use one for the suite).
            // In a transaction: connections leave the pool with auto-commit off (application.properties).
            new TransactionTemplate(transactions)
                    .executeWithoutResult(done -> stored.forEach(
                            id -> jdbc.update("delete from attachment_chunk where attachment_id = ?", id)));
        }
    }

    /**
     * Vaadin's VaadinServletContextInitializer (vaadin-spring 25.2) scans its allowed packages (com.vaadin,
     * org.vaadin, org.parley: some 19 000 classes) as the web server starts, through a
     * CachingMetadataReaderFactory it keeps, cache full, for the life of the application: about 140 MiB of
     * class metadata in a heap dump of this test. That is startup residue, the same whatever the file size;
     * it is emptied here (nothing reads it after startup) so the transfers have the rest of the heap to work
     * in, and both figures are reported so nothing is hidden.
     */
    private void startupCaches() throws InterruptedException {
        long before = HeapWatch.settledHeap();
        String cleared = "not found";
        for (Object initializer :
                context.getBeansOfType(VaadinServletContextInitializer.class).values()) {
            try {
                Field field = VaadinServletContextInitializer.class.getDeclaredField("metadataReaderFactory");
                field.setAccessible(true);
                if (field.get(initializer) instanceof CachingMetadataReaderFactory factory) {
                    factory.clearCache();
                    cleared = "emptied";
                }
            } catch (ReflectiveOperationException | RuntimeException changed) {
                cleared = "not reachable (" + changed + ")";
            }
        }
        long after = HeapWatch.settledHeap();
        line(
                "after startup: heap %d MiB after a full GC; %d MiB with Vaadin's startup class-scan cache %s",
                before / MIB, after / MIB, cleared);
    }

    private Transfer upload(Page page, JdbcTemplate jdbc, long conversation, Sample sample) throws Exception {
        String name = sample.path().getFileName().toString();
        Locator input = page.locator("[data-testid=attach] input[type=file]");
        HeapWatch heap = HeapWatch.start();
        long started = System.nanoTime();
        Long id = null;
        double seconds;
        try {
            input.setInputFiles(sample.path());
            long deadline = started + TRANSFER_TIMEOUT.toNanos();
            long nextToastCheck = started;
            boolean begun = false;
            while (id == null) {
                List<Map<String, Object>> rows = jdbc.queryForList(
                        "select id, status from attachment " + "where conversation_id = ? and file_name = ?",
                        conversation,
                        name);
                if (rows.isEmpty() && begun) {
                    throw new AssertionError("upload of " + name + " failed: the server discarded it (see the log)");
                }
                begun |= !rows.isEmpty();
                if (!rows.isEmpty() && "READY".equals(rows.getFirst().get("status"))) {
                    id = ((Number) rows.getFirst().get("id")).longValue();
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("upload of " + name + " not stored within " + TRANSFER_TIMEOUT);
                }
                if (System.nanoTime() > nextToastCheck) {
                    Locator toast = page.locator("vaadin-notification-card");
                    if (toast.count() > 0) {
                        throw new AssertionError("upload of " + name + " refused: "
                                + toast.first().innerText());
                    }
                    nextToastCheck = System.nanoTime() + 1_000_000_000L;
                }
                Thread.sleep(20);
            }
            seconds = (System.nanoTime() - started) / 1e9;
        } finally {
            heap.stop();
        }
        HeapWatch.Result result = heap.stop();
        stored.add(id);
        Long size = jdbc.queryForObject("select size_bytes from attachment where id = ?", Long.class, id);
        assertThat(size).isEqualTo(sample.size());
        return new Transfer(id, seconds, result);
    }

    private Transfer download(HttpClient http, String cookies, long id, Sample sample) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url("files/" + id)))
                .header("Cookie", cookies)
                .timeout(TRANSFER_TIMEOUT)
                .GET()
                .build();
        MessageDigest sha = newSha256();
        HeapWatch heap = HeapWatch.start();
        long started = System.nanoTime();
        long received = 0;
        double seconds;
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                assertThat(response.statusCode()).isEqualTo(200);
                byte[] buffer = new byte[64 * 1024];
                int n;
                while ((n = body.read(buffer)) > 0) {
                    sha.update(buffer, 0, n);
                    received += n;
                }
            }
            seconds = (System.nanoTime() - started) / 1e9;
        } finally {
            heap.stop();
        }
        HeapWatch.Result result = heap.stop();
        assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(sample.size());
        assertThat(received).isEqualTo(sample.size());
        assertThat(HexFormat.of().formatHex(sha.digest()))
                .as("SHA-256 of the downloaded " + sample.path().getFileName())
                .isEqualTo(sample.sha256());
        return new Transfer(id, seconds, result);
    }

    private void report(Sample sample, String direction, Transfer transfer) {
        HeapWatch.Result heap = transfer.heap();
        double seconds = transfer.seconds();
        double probe = heap.forcedGcNanos() / 1e9;
        line(
                "%d MiB %s: %.1f s = %.1f MiB/s (%.1f MiB/s without the %d forced GCs' %.1f s); heap growth over "
                        + "the %d MiB baseline: live peak %d MiB, in-use peak %d MiB, kept afterwards %d MiB",
                sample.size() / MIB,
                direction,
                seconds,
                sample.size() / MIB / seconds,
                sample.size() / MIB / Math.max(0.001, seconds - probe),
                heap.forcedGcs(),
                probe,
                heap.baseline() / MIB,
                heap.liveGrowth() / MIB,
                heap.usedGrowth() / MIB,
                heap.retained() / MIB);
    }

    private void line(String format, Object... args) {
        String text = "LARGE-FILE: " + String.format(Locale.ROOT, format, args);
        System.out.println(text);
        report.add(text);
    }

    record Transfer(long attachmentId, double seconds, HeapWatch.Result heap) {}

    /** A file of seeded pseudo-random bytes, written and hashed in 1 MiB steps (never whole in memory). */
    record Sample(Path path, long size, String sha256) {

        static Sample write(Path path, long size, long seed) throws IOException {
            MessageDigest sha = newSha256();
            SplittableRandom random = new SplittableRandom(seed);
            ByteBuffer buffer = ByteBuffer.allocate((int) MIB);
            try (OutputStream out = Files.newOutputStream(path)) {
                for (long written = 0; written < size; written += MIB) {
                    buffer.clear();
                    while (buffer.hasRemaining()) {
                        buffer.putLong(random.nextLong());
                    }
                    out.write(buffer.array());
                    sha.update(buffer.array());
                }
            }
            return new Sample(path, size, HexFormat.of().formatHex(sha.digest()));
        }
    }

    /**
     * Heap in use while a transfer runs, over a baseline taken after a full GC: sampled as is (garbage
     * included), and after the full GCs it forces now and then (what is really kept).
     */
    static final class HeapWatch {

        record Result(long baseline, long livePeak, long usedPeak, long after, int forcedGcs, long forcedGcNanos) {
            long liveGrowth() {
                return Math.max(0, livePeak - baseline);
            }

            long usedGrowth() {
                return Math.max(0, usedPeak - baseline);
            }

            long retained() {
                return Math.max(0, after - baseline);
            }
        }

        private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

        private final long baseline;
        private final AtomicLong livePeak;
        private final AtomicLong usedPeak;
        private volatile boolean running = true;
        private int forcedGcs;
        private long forcedGcNanos;
        private Result result;
        private final Thread thread;

        private HeapWatch(long baseline) {
            this.baseline = baseline;
            this.livePeak = new AtomicLong(baseline);
            this.usedPeak = new AtomicLong(baseline);
            this.thread =
                    Thread.ofPlatform().daemon().name("large-file-heap-watch").start(this::watch);
        }

        static HeapWatch start() throws InterruptedException {
            return new HeapWatch(settledHeap());
        }

        private void watch() {
            long nextGc = System.nanoTime() + FIRST_FORCED_GC_MILLIS * 1_000_000; // short transfers get one too
            while (running) {
                usedPeak.accumulateAndGet(used(), Math::max);
                if (System.nanoTime() >= nextGc) {
                    long gcStarted = System.nanoTime();
                    System.gc();
                    forcedGcNanos += System.nanoTime() - gcStarted;
                    forcedGcs++;
                    livePeak.accumulateAndGet(used(), Math::max);
                    nextGc = System.nanoTime() + FORCED_GC_MILLIS * 1_000_000;
                }
                try {
                    Thread.sleep(SAMPLE_MILLIS);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }

        synchronized Result stop() throws InterruptedException {
            if (result == null) {
                running = false;
                thread.join();
                result = new Result(baseline, livePeak.get(), usedPeak.get(), settledHeap(), forcedGcs, forcedGcNanos);
            }
            return result;
        }

        static long settledHeap() throws InterruptedException {
            for (int i = 0; i < 2; i++) {
                System.gc();
                Thread.sleep(50);
            }
            return used();
        }

        private static long used() {
            return MEMORY.getHeapMemoryUsage().getUsed();
        }
    }

    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
