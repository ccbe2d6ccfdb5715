package org.parley.bench;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.Flow;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Files up and down: 1 MiB, 100 MiB and 1 GiB of random bytes, uploaded by Chromium through the chat view's own
 * Upload (the file input, as a person choosing a file) and downloaded over HTTP from {@code /files/{id}} with the
 * receiver's session, checked byte for byte by SHA-256.
 *
 * <p>Upload time runs from choosing the file until the message carrying it is in the sender's message list, pushed
 * back by the server: what the sender waits for. The upload request alone (the browser's own resource timing: first
 * byte sent to response received, which the server gives only once the file is stored) is reported beside it.
 * Download time runs from sending the request to the last byte received.
 *
 * <p>Server heap per transfer, over a baseline of the live heap after a full GC just before it: the peak heap in use
 * during it (garbage included, sampled every 100 ms: bounded by how much garbage G1 lets pile up, not only by what
 * the code holds), and the live heap after a full GC right after it (what the transfer left behind).
 */
final class TransferBench {

    private static final String BENCHMARK = "transfer";
    private static final long MIB = 1024 * 1024;
    private static final String UPLOAD = "[data-testid=attach]";
    private static final Pattern ATTACHMENT_ID = Pattern.compile("/files/(\\d+)$");
    /** After the transfer, so that the jstat sample taken as it ends (every 100 ms) is in the peak. */
    private static final long SAMPLE_TAIL_MILLIS = 150;

    private record Size(String label, long bytes, int repetitions) {}

    /** Two 1 GiB round trips take about two minutes here: that is most of this benchmark's time. */
    private static final List<Size> SIZES =
            List.of(new Size("1 MiB", MIB, 20), new Size("100 MiB", 100 * MIB, 3), new Size("1 GiB", 1024 * MIB, 2));

    /**
     * True once the file's message is in the list: then its download address. A toast or an upload error ends the
     * wait early, as a refusal. Attachments are named "file · size · type" by the chat view.
     */
    private static final String MESSAGE_SHOWN = """
            name => {
              const list = document.querySelector('[data-testid=message-list]');
              for (const item of (list && list.items) || []) {
                for (const a of (item && item.attachments) || []) {
                  if (a.url && (a.name === name || (a.name || '').startsWith(name + ' '))) return {url: a.url};
                }
              }
              const toast = document.querySelector('vaadin-notification-card');
              if (toast) return {refused: toast.innerText};
              const failed = ((document.querySelector('%s') || {}).files || []).find(f => f.error);
              return failed ? {refused: failed.error} : false;
            }""".formatted(UPLOAD);

    /** Milliseconds from the upload request's first byte to its response, from the browser's resource timing. */
    private static final String UPLOAD_REQUEST_MILLIS = """
            () => {
              const target = (document.querySelector('%s') || {}).target;
              if (!target) return null;
              const url = new URL(target, document.baseURI).href;
              const entries = performance.getEntriesByType('resource').filter(e => e.name === url);
              return entries.length ? entries[entries.length - 1].responseEnd - entries[entries.length - 1].startTime
                  : null;
            }""".formatted(UPLOAD);

    private TransferBench() {}

    static void run(BenchContext context) throws Exception {
        List<Seeder.Person> people = Seeder.people("transfer", 2);
        long conversation = Seeder.friendsWithConversations(people.subList(0, 1), people.subList(1, 2))[0];
        Path files = Files.createDirectories(context.workDirectory.resolve("transfer-files"));
        Page receiver = context.signedInPage(people.get(1).username(), "websocket");
        String session = receiver.context().cookies(context.baseUrl()).stream()
                .filter(c -> c.name.equals("JSESSIONID"))
                .map(c -> c.name + "=" + c.value)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no session cookie after signing in"));
        // Only the receiver's session is needed: its page would just be one more renderer on the two cores.
        receiver.context().close();
        Page sender = context.signedInPage(people.get(0).username(), "websocket");
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        try {
            sender.navigate(context.baseUrl() + "chat/" + conversation);
            sender.locator(UPLOAD + " input[type=file]")
                    .waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED));
            long heapBefore = context.server.heapAfterFullGc();
            for (Size size : SIZES) {
                heapBefore = measure(context, sender, http, session, files, size, heapBefore);
            }
        } finally {
            sender.context().close();
            deleteTree(files);
        }
    }

    /** All repetitions of one size; returns the live heap after the last one (the next one's baseline). */
    private static long measure(
            BenchContext context, Page sender, HttpClient http, String session, Path files, Size size, long heapBefore)
            throws Exception {
        String tag = size.label().replace(" ", "").toLowerCase();
        Path file = files.resolve("transfer-" + tag + ".bin");
        String sha256 = writeRandomFile(file, size.bytes(), size.bytes());
        Stats upRate = new Stats();
        Stats upRequestRate = new Stats();
        Stats downRate = new Stats();
        Stats upPeak = new Stats();
        Stats upKept = new Stats();
        Stats downPeak = new Stats();
        Stats downKept = new Stats();
        try {
            for (int rep = 1; rep <= size.repetitions(); rep++) {
                long repStarted = System.nanoTime();
                // A new name each time: the message list is searched by name, and earlier ones are still in it.
                Path named = Files.move(file, files.resolve("transfer-" + tag + "-" + rep + ".bin"));
                file = named;
                sender.evaluate("() => performance.clearResourceTimings()");
                Measured<Long> up = measured(context.server, heapBefore, () -> upload(sender, named, size.bytes()));
                checkStored(up.result(), size.bytes());
                upRate.add(mibPerSecond(size.bytes(), up.seconds()));
                Object requestMillis = sender.evaluate(UPLOAD_REQUEST_MILLIS);
                if (requestMillis instanceof Number millis && millis.doubleValue() > 0) {
                    upRequestRate.add(mibPerSecond(size.bytes(), millis.doubleValue() / 1000));
                } else {
                    System.out.println("   no resource timing for the upload request of " + named.getFileName());
                }
                upPeak.add(mib(up.heap().peakGrowth()));
                upKept.add(mib(up.heap().kept()));

                String url = context.baseUrl() + "files/" + up.result();
                Measured<Digest> down =
                        measured(context.server, up.heap().after(), () -> download(http, url, session, size.bytes()));
                if (down.result().bytes() != size.bytes()
                        || !down.result().sha256().equals(sha256)) {
                    throw new AssertionError(size.label() + " download of attachment " + up.result() + " differs: "
                            + down.result().bytes() + " bytes, SHA-256 "
                            + down.result().sha256());
                }
                downRate.add(mibPerSecond(size.bytes(), down.seconds()));
                downPeak.add(mib(down.heap().peakGrowth()));
                downKept.add(mib(down.heap().kept()));
                heapBefore = down.heap().after();
                System.out.printf(
                        "   %s #%d: up %.1f s, down %.1f s (%.1f s with the heap probes)%n",
                        size.label(), rep, up.seconds(), down.seconds(), (System.nanoTime() - repStarted) / 1e9);
                if (size.bytes() >= 1024 * MIB) {
                    context.results.figure(
                            BENCHMARK,
                            size.label() + " upload #" + rep + ", where the time goes",
                            up.cpu().describe(up.seconds()));
                    context.results.figure(
                            BENCHMARK,
                            size.label() + " download #" + rep + ", where the time goes",
                            down.cpu().describe(down.seconds()));
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
        String s = size.label();
        context.results.add(BENCHMARK, "upload " + s + ": file chosen → message shown", "MiB/s", upRate);
        context.results.add(BENCHMARK, "upload " + s + ": upload request alone", "MiB/s", upRequestRate);
        context.results.add(BENCHMARK, "download " + s + ": request → last byte", "MiB/s", downRate);
        context.results.add(BENCHMARK, "upload " + s + ": server heap peak growth (in use)", "MiB", upPeak);
        context.results.add(BENCHMARK, "upload " + s + ": server live heap kept after", "MiB", upKept);
        context.results.add(BENCHMARK, "download " + s + ": server heap peak growth (in use)", "MiB", downPeak);
        context.results.add(BENCHMARK, "download " + s + ": server live heap kept after", "MiB", downKept);
        return heapBefore;
    }

    /** Chooses the file in the sender's page and waits for its message; returns the new attachment's id. */
    private static long upload(Page sender, Path file, long bytes) {
        String name = file.getFileName().toString();
        // A path, not bytes: Playwright hands Chromium the file to read from disk.
        sender.locator(UPLOAD + " input[type=file]").setInputFiles(file);
        // Every 20 ms, not every frame: polling each frame costs Chromium a tenth of a core, taken from the upload.
        Map<?, ?> shown = (Map<?, ?>) sender.waitForFunction(
                        MESSAGE_SHOWN,
                        name,
                        new Page.WaitForFunctionOptions()
                                .setPollingInterval(20)
                                .setTimeout(timeout(bytes).toMillis()))
                .jsonValue();
        if (shown.get("refused") != null) {
            throw new AssertionError("upload of " + name + " refused: " + shown.get("refused"));
        }
        Matcher id = ATTACHMENT_ID.matcher(String.valueOf(shown.get("url")));
        if (!id.find()) {
            throw new AssertionError("no attachment id in the shown file's address " + shown.get("url"));
        }
        return Long.parseLong(id.group(1));
    }

    /** The server says the whole file is stored, not just that a message appeared. */
    private static void checkStored(long attachmentId, long bytes) throws SQLException {
        try (Connection db = BenchDatabase.connect();
                PreparedStatement select =
                        db.prepareStatement("select status, size_bytes from attachment where id = ?")) {
            select.setLong(1, attachmentId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next() || !"READY".equals(row.getString(1)) || row.getLong(2) != bytes) {
                    throw new AssertionError("attachment " + attachmentId + " is not stored whole");
                }
            }
        }
    }

    private record Digest(long bytes, String sha256) {}

    private static Digest download(HttpClient http, String url, String session, long bytes)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Cookie", session)
                .timeout(timeout(bytes))
                .GET()
                .build();
        HttpResponse<Digest> response =
                http.send(request, HttpResponse.BodyHandlers.fromSubscriber(new Digesting(), Digesting::result));
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + url + " answered " + response.statusCode());
        }
        return response.body();
    }

    /** Hashes the body as it streams in, one buffer list at a time: nothing of it is kept. */
    private static final class Digesting implements Flow.Subscriber<List<ByteBuffer>> {
        private final MessageDigest sha = sha256();
        private Flow.Subscription subscription;
        private long bytes;

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                bytes += buffer.remaining();
                sha.update(buffer);
            }
            subscription.request(1);
        }

        @Override
        public void onError(Throwable failure) {
            // send() throws it
        }

        @Override
        public void onComplete() {}

        Digest result() {
            return new Digest(bytes, HexFormat.of().formatHex(sha.digest()));
        }
    }

    private record Heap(long baseline, long peak, long after) {
        long peakGrowth() {
            return Math.max(0, peak - baseline);
        }

        /** Signed: a full GC can also find less than before. */
        long kept() {
            return after - baseline;
        }
    }

    private record Measured<T>(T result, double seconds, Heap heap, TransferCpu cpu) {}

    /**
     * Times the transfer while jstat samples the server's heap, then takes the live heap after a full GC. jstat is
     * started first and its first sample awaited: attaching takes a few hundred milliseconds, longer than a 1 MiB
     * transfer.
     */
    private static <T> Measured<T> measured(BenchServer server, long heapBefore, Callable<T> transfer)
            throws Exception {
        T result;
        double seconds;
        long peak;
        TransferCpu cpu;
        try (BenchServer.HeapSampler sampler = server.sampleHeap()) {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (sampler.peakBytes() == 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("jstat gave no heap sample within 10 s");
                }
                Thread.sleep(10);
            }
            TransferCpu cpuBefore = TransferCpu.now(server.pid());
            long started = System.nanoTime();
            result = transfer.call();
            seconds = (System.nanoTime() - started) / 1e9;
            cpu = TransferCpu.now(server.pid()).minus(cpuBefore);
            Thread.sleep(SAMPLE_TAIL_MILLIS);
            peak = sampler.peakBytes();
        }
        return new Measured<>(result, seconds, new Heap(heapBefore, peak, server.heapAfterFullGc()), cpu);
    }

    /** At least 4 MiB/s, or something is wrong: a stuck transfer fails instead of eating the run. */
    private static Duration timeout(long bytes) {
        return Duration.ofSeconds(60 + bytes / (4 * MIB));
    }

    /**
     * Seeded pseudo-random bytes (incompressible, nothing to deduplicate), written and hashed 1 MiB at a time, and
     * flushed to disk: its dirty pages must not be written back while MariaDB writes the upload.
     */
    private static String writeRandomFile(Path file, long bytes, long seed) throws IOException {
        MessageDigest sha = sha256();
        SplittableRandom random = new SplittableRandom(seed);
        ByteBuffer buffer = ByteBuffer.allocate((int) MIB);
        try (FileChannel out = FileChannel.open(
                file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            for (long written = 0; written < bytes; written += MIB) {
                buffer.clear();
                while (buffer.hasRemaining()) {
                    buffer.putLong(random.nextLong());
                }
                sha.update(buffer.array());
                buffer.flip();
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
            }
            out.force(true);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static double mibPerSecond(long bytes, double seconds) {
        return bytes / (double) MIB / seconds;
    }

    private static double mib(long bytes) {
        return bytes / (double) MIB;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
