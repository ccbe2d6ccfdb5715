package org.parley.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parley's production jar in its own JVM (4 GiB heap, as a node would run), on the benchmark database. It can be
 * killed with {@code kill -9} and started again on the same data, and its heap read with the JDK's own tools.
 * The cluster test ({@code org.parley.cluster}) runs several in a smaller heap, with arguments of its own.
 */
public final class BenchServer implements AutoCloseable {

    static final String HEAP = "4g";
    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    private final List<String> launch;
    private final int port;
    private final String jdbcUrl;
    private final Path logDirectory;
    private Process process;
    private int starts;
    private String heap = HEAP;
    private List<String> jvmOptions = List.of();
    private List<String> extraArguments = List.of();
    private String databaseUser;
    private String databasePassword;

    /** The production jar. */
    BenchServer(Path jar, int port, String jdbcUrl, Path logDirectory) {
        this(List.of("-jar", jar.toString()), port, jdbcUrl, logDirectory);
    }

    /** This JVM's own class path (Vaadin in development mode): for the crash drill inside the test suite. */
    public static BenchServer fromClassPath(int port, String jdbcUrl, Path logDirectory) {
        return new BenchServer(
                List.of("-cp", System.getProperty("java.class.path"), "org.parley.Application"),
                port,
                jdbcUrl,
                logDirectory);
    }

    private BenchServer(List<String> launch, int port, String jdbcUrl, Path logDirectory) {
        this.launch = launch;
        this.port = port;
        this.jdbcUrl = jdbcUrl;
        this.logDirectory = logDirectory;
    }

    /** Another maximum heap than {@link #HEAP} (then with no {@code -Xms}), e.g. "768m" for several on two cores. */
    public BenchServer heap(String maximum) {
        this.heap = maximum;
        return this;
    }

    /** JVM options added before the main class (e.g. system properties). */
    public BenchServer jvmOptions(List<String> options) {
        this.jvmOptions = List.copyOf(options);
        return this;
    }

    /** Spring arguments ({@code --name=value}) added after the benchmark's own; use names not set here already. */
    public BenchServer arguments(List<String> arguments) {
        this.extraArguments = List.copyOf(arguments);
        return this;
    }

    /** The database account, when not {@link BenchDatabase}'s. */
    public BenchServer databaseAccount(String user, String password) {
        this.databaseUser = user;
        this.databasePassword = password;
        return this;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port + "/";
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** The log of the latest start (server-1.log, server-2.log, … in the log directory). */
    public Path log() {
        return logDirectory.resolve("server-" + starts + ".log");
    }

    /** Starts the server and waits until its login page answers; returns the milliseconds that took. */
    public long start() throws IOException, InterruptedException {
        starts++;
        Path log = log();
        // Compiler threads kept for the JVM's life, so that their CPU time can be told apart (ProcessCpu).
        List<String> command = new ArrayList<>(List.of(javaTool("java"), "-Xmx" + heap));
        if (heap.equals(HEAP)) {
            command.add("-Xms1g");
        }
        command.addAll(List.of("-XX:+UseG1GC", "-XX:-UseDynamicNumberOfCompilerThreads"));
        command.addAll(jvmOptions);
        command.addAll(launch);
        command.addAll(List.of(
                "--server.port=" + port,
                "--management.server.port=0", // two nodes on one machine: each its own
                // Each connected user holds one socket; Tomcat's default cap is 8192.
                "--server.tomcat.max-connections=40000",
                "--server.tomcat.accept-count=1000",
                // The minimal WebSocket broadcast used as the floor for delivery latency.
                "--parley.benchmark.broadcast-floor=true",
                // When each message passed each stage on the server (GET /benchmark/trace): the latency breakdown.
                "--parley.benchmark.trace=true",
                // The 1 GB upload benchmark needs more than the default 100 MB.
                "--parley.files.max-bytes=1200000000",
                // The senders here are machines sending as fast as they are told to, measured, not limited.
                "--parley.limits.messages-per-person=1000000/1s",
                "--logging.level.root=warn",
                "--logging.level.org.parley=info"));
        command.addAll(extraArguments);
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // Both spellings: a test JVM's SPRING_DATASOURCE_* would otherwise win over PARLEY_DB_*.
        String user = databaseUser != null ? databaseUser : BenchDatabase.user();
        String password = databaseUser != null ? databasePassword : BenchDatabase.password();
        for (String prefix : List.of("PARLEY_DB_", "SPRING_DATASOURCE_")) {
            builder.environment().put(prefix + "URL", jdbcUrl);
            builder.environment().put(prefix + (prefix.startsWith("PARLEY") ? "USER" : "USERNAME"), user);
            builder.environment().put(prefix + "PASSWORD", password);
        }
        long started = System.nanoTime();
        process = builder.start();
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Parley exited while starting; see " + log);
            }
            try {
                HttpResponse<Void> page = http.send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "login")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (page.statusCode() == 200) {
                    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("Parley did not answer within 180 s; see " + log);
    }

    /**
     * Stops the server as an orchestrator does (SIGTERM) and waits for it to exit; returns the milliseconds that
     * took. Fails if it is still running after {@code patience}.
     */
    public long terminate(Duration patience) throws InterruptedException {
        long started = System.nanoTime();
        process.destroy();
        if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("Parley still running " + patience + " after SIGTERM; see " + log());
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    /** {@code kill -9}: no shutdown hooks, no flushing, sockets cut. */
    public void kill9() throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-9", Long.toString(process.pid()))
                .inheritIO()
                .start()
                .waitFor();
        process.waitFor();
    }

    /** Live heap: a full GC first ({@code jcmd GC.run}), then the used heap G1 reports. */
    long heapAfterFullGc() throws IOException, InterruptedException {
        run(javaTool("jcmd"), Long.toString(process.pid()), "GC.run");
        return usedHeap();
    }

    /**
     * Starts a Java Flight Recorder profile of this server (where the CPU goes), to be written to {@code file} by
     * {@link #stopRecording}; for finding what a benchmark spends, not part of its figures.
     */
    void startRecording(Path file) throws IOException, InterruptedException {
        run(
                javaTool("jcmd"),
                Long.toString(process.pid()),
                "JFR.start",
                "name=bench",
                "settings=profile",
                "filename=" + file.toAbsolutePath());
    }

    /**
     * Starts a recording into {@code fileName} in the folder the system property {@code folderProperty} names, if
     * it names one; returns whether it did (then {@link #stopRecording} writes it).
     */
    boolean startRecordingIfAsked(String folderProperty, String fileName) throws IOException, InterruptedException {
        String folder = System.getProperty(folderProperty);
        if (folder == null) {
            return false;
        }
        startRecording(Files.createDirectories(Path.of(folder)).resolve(fileName));
        return true;
    }

    void stopRecording() throws IOException, InterruptedException {
        run(javaTool("jcmd"), Long.toString(process.pid()), "JFR.stop", "name=bench");
    }

    /** Heap in use now, garbage included. */
    long usedHeap() throws IOException, InterruptedException {
        String info = run(javaTool("jcmd"), Long.toString(process.pid()), "GC.heap_info");
        Matcher used = USED.matcher(info);
        if (!used.find()) {
            throw new IllegalStateException("Unexpected GC.heap_info: " + info);
        }
        return Long.parseLong(used.group(1)) * 1024;
    }

    /** Samples heap use (garbage included) every 100 ms with jstat until closed; keeps the peak. */
    HeapSampler sampleHeap() throws IOException {
        return new HeapSampler(new ProcessBuilder(javaTool("jstat"), "-gc", Long.toString(process.pid()), "100")
                .redirectErrorStream(true)
                .start());
    }

    static final class HeapSampler implements AutoCloseable {
        private final Process jstat;
        private final AtomicLong peak = new AtomicLong();
        private final Thread reader;

        private HeapSampler(Process jstat) {
            this.jstat = jstat;
            this.reader = Thread.ofVirtual().start(() -> {
                try (BufferedReader lines =
                        new BufferedReader(new InputStreamReader(jstat.getInputStream(), StandardCharsets.UTF_8))) {
                    String[] header = null;
                    for (String line; (line = lines.readLine()) != null; ) {
                        String[] cells = line.trim().split("\\s+");
                        if (cells.length > 0 && cells[0].equals("S0C")) {
                            header = cells;
                            continue;
                        }
                        if (header != null && cells.length == header.length) {
                            double kb = 0;
                            for (int i = 0; i < header.length; i++) {
                                if (List.of("S0U", "S1U", "EU", "OU").contains(header[i])) {
                                    kb += Double.parseDouble(cells[i]);
                                }
                            }
                            long bytes = (long) (kb * 1024);
                            peak.accumulateAndGet(bytes, Math::max);
                        }
                    }
                } catch (IOException | NumberFormatException ended) {
                    // jstat stopped
                }
            });
        }

        long peakBytes() {
            return peak.get();
        }

        @Override
        public void close() throws InterruptedException {
            jstat.destroy();
            reader.join(2000);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    static String javaTool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process tool = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(tool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        tool.waitFor();
        return output;
    }
}
