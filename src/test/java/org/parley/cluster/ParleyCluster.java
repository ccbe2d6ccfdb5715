package org.parley.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.parley.bench.BenchServer;

/**
 * Two Parley nodes, each in a JVM of its own (started from the test class path, as the crash drill does) on one
 * {@link SharedDatabase}, joined by Parley's embedded Hazelcast on loopback, behind HAProxy with the repository's
 * own configuration ({@code deploy/haproxy.cfg}; its third server points at a closed port). Every node's log and
 * the proxy's stay in {@link #directory}.
 */
final class ParleyCluster implements AutoCloseable {

    static final Path HAPROXY = Path.of("/usr/sbin/haproxy");
    /** Two nodes and the test's Chromium share two cores in CI: a node's heap is far below a production one. */
    static final String NODE_HEAP = "768m";

    private static final Pattern COOKIE_LINE = Pattern.compile("^\\s*cookie\\s+(\\S+)");
    private static final Pattern SERVER_LINE = Pattern.compile("^\\s*server\\s+(\\S+)\\s+(\\S+)(.*)$");
    private static final Pattern SERVER_COOKIE = Pattern.compile("\\scookie\\s+(\\S+)");
    /** What Flyway logs once the database is migrated, whether it just did it or found it done. */
    /** A Spring Boot log line at ERROR level: the time, then the level. */
    private static final Pattern LOGGED_ERROR = Pattern.compile("^\\S+\\s+ERROR\\s");

    private static final Pattern MIGRATED = Pattern.compile("Successfully applied|is up to date");

    /** A Parley node: its JVM, HTTP port and Hazelcast port. */
    record Node(String name, BenchServer server, int httpPort, int clusterPort) {
        String baseUrl() {
            return "http://127.0.0.1:" + httpPort + "/";
        }
    }

    final Path directory;
    final SharedDatabase database;
    final List<Node> nodes = new ArrayList<>();
    private final int proxyPort;
    private final int closedPort;
    private final int statsPort;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private Process proxy;
    /** Stops the nodes and the proxy should the test JVM exit without closing this (e.g. a build interrupted). */
    private final Thread stopAtExit = new Thread(this::closeQuietly, "stop-parley-cluster");
    /** The proxy's affinity cookie, and the value that pins a browser to each node (read from its configuration). */
    private String affinityCookie;

    private final Map<Integer, String> affinityValues = new HashMap<>();

    private ParleyCluster(Path directory, SharedDatabase database, int[] ports) {
        this.directory = directory;
        this.database = database;
        // Ports: node HTTP, node Hazelcast (two each), the proxy, one nobody listens on (the third server), and the
        // proxy's statistics page (its default, 8404, would clash with a cluster demo or another build).
        for (int i = 0; i < 2; i++) {
            String name = "node" + (i + 1);
            Path logs = directory.resolve(name);
            try {
                Files.createDirectories(logs);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            int httpPort = ports[i];
            int clusterPort = ports[2 + i];
            BenchServer server = BenchServer.fromClassPath(httpPort, database.url, logs)
                    .heap(NODE_HEAP)
                    .databaseAccount(database.user, database.password)
                    .jvmOptions(jvmOptions())
                    .arguments(List.of(
                            "--parley.cluster.members=127.0.0.1:" + ports[2] + ",127.0.0.1:" + ports[3],
                            "--parley.cluster.port=" + clusterPort,
                            "--parley.cluster.interface=127.0.0.1",
                            // Who joined whom: Hazelcast's member lists, which awaitClusterOf reads.
                            "--logging.level.com.hazelcast=info",
                            // ...but not its load reports every 20 s (two nodes and a browser on two cores).
                            "--logging.level.com.hazelcast.internal.diagnostics=warn",
                            // When the database is migrated (startNodes waits for it).
                            "--logging.level.org.flywaydb.core.internal.command=info"));
            nodes.add(new Node(name, server, httpPort, clusterPort));
        }
        this.proxyPort = ports[4];
        this.closedPort = ports[5];
        this.statsPort = ports[6];
    }

    /** Starts the database, the two nodes ({@link #startNodes}), then the proxy. */
    static ParleyCluster start(Path directory) throws Exception {
        requireHaproxy();
        SharedDatabase database = SharedDatabase.create(directory);
        ParleyCluster cluster = new ParleyCluster(directory, database, freePorts(7));
        Runtime.getRuntime().addShutdownHook(cluster.stopAtExit);
        try {
            cluster.startNodes();
            cluster.startProxy();
        } catch (Exception | Error e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    /**
     * Node 1 first; node 2 once node 1 has migrated the database (two nodes migrating one empty database at once
     * could clash) and its Hazelcast member is up (so that node 2 joins it instead of founding a cluster of its own,
     * which would merge with node 1's only minutes later), while node 1 finishes starting.
     */
    private void startNodes() throws Exception {
        Node first = node(1);
        CompletableFuture<Long> firstUp = new CompletableFuture<>();
        Thread.ofPlatform().name("start-node1").start(() -> {
            try {
                firstUp.complete(first.server().start());
            } catch (Exception | Error e) {
                firstUp.completeExceptionally(e);
            }
        });
        while (!firstUp.isDone() && !migratedAndClustered(first)) {
            Thread.sleep(100);
        }
        if (firstUp.isCompletedExceptionally()) {
            firstUp.get(); // throws why
        }
        Node second = node(2);
        long secondMillis = second.server().start();
        report(first, firstUp.get());
        report(second, secondMillis);
    }

    private static void report(Node node, long millis) {
        System.out.printf("Cluster test: %s up in %d ms (%s)%n", node.name(), millis, node.baseUrl());
    }

    private static boolean migratedAndClustered(Node node) throws IOException {
        Path log = node.server().log();
        if (!Files.exists(log)) {
            return false;
        }
        String content = Files.readString(log, StandardCharsets.ISO_8859_1);
        return content.contains("Members {size:1,") && MIGRATED.matcher(content).find();
    }

    Node node(int number) {
        return nodes.get(number - 1);
    }

    String proxyUrl() {
        return "http://127.0.0.1:" + proxyPort + "/";
    }

    String affinityCookie() {
        return affinityCookie;
    }

    /** The affinity cookie's value that sends a browser to node {@code number}. */
    String affinityValue(int number) {
        return affinityValues.get(number);
    }

    /**
     * Waits until node {@code number}'s log shows a Hazelcast member list of {@code size} members: the cluster
     * formed, so an event published on one node can reach the other.
     */
    boolean awaitClusterOf(int number, int size, Duration timeout) throws IOException, InterruptedException {
        Path log = node(number).server().log();
        String members = "Members {size:" + size + ",";
        long deadline = System.nanoTime() + timeout.toNanos();
        do {
            if (Files.exists(log)
                    && Files.readString(log, StandardCharsets.UTF_8).contains(members)) {
                return true;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        return false;
    }

    /**
     * Whether node {@code number} holds a signed-in session with this session id: its chat page answers 200
     * (anything else, e.g. a redirect to the login page, means no such session there). Asked directly, not
     * through the proxy, with no other cookie.
     */
    boolean holdsSignedInSession(int number, String sessionCookie) throws IOException, InterruptedException {
        HttpResponse<Void> response = http.send(
                HttpRequest.newBuilder(URI.create(node(number).baseUrl() + "chat"))
                        .header("Cookie", sessionCookie)
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        return response.statusCode() == 200;
    }

    /**
     * What the nodes logged at ERROR level so far (a person saw "Something went wrong", or an event was lost on its
     * way), each with its node and the next line (usually the exception).
     */
    List<String> loggedErrors() throws IOException {
        List<String> errors = new ArrayList<>();
        for (Node node : nodes) {
            List<String> lines = Files.readAllLines(node.server().log(), StandardCharsets.ISO_8859_1);
            for (int i = 0; i < lines.size(); i++) {
                if (LOGGED_ERROR.matcher(lines.get(i)).find()) {
                    errors.add(node.name() + ": " + lines.get(i)
                            + (i + 1 < lines.size() ? " / " + lines.get(i + 1) : "")
                            + (i + 2 < lines.size() ? " / " + lines.get(i + 2) : ""));
                }
            }
        }
        return errors;
    }

    /** The end of each node's and the proxy's log, for a failure report. */
    String logTails(int lines) throws IOException {
        StringBuilder report = new StringBuilder();
        List<Path> logs;
        try (var files = Files.walk(directory)) {
            logs = files.filter(f -> f.getFileName().toString().startsWith("server-")
                            || f.getFileName().toString().equals("haproxy.log"))
                    .sorted()
                    .toList();
        }
        for (Path log : logs) {
            List<String> all = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
            report.append("---- ").append(log).append(" (last ").append(lines).append(" lines)\n");
            all.subList(Math.max(0, all.size() - lines), all.size())
                    .forEach(line -> report.append(line).append('\n'));
        }
        return report.toString();
    }

    private void startProxy() throws IOException, InterruptedException {
        Path config = haproxyConfig();
        readAffinity(config);
        Path log = directory.resolve("haproxy.log");
        List<String> check = List.of(HAPROXY.toString(), "-c", "-f", config.toString());
        Process checking = proxyProcess(check).redirectErrorStream(true).start();
        String checked = new String(checking.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (checking.waitFor() != 0) {
            throw new IllegalStateException("haproxy -c refuses " + config + ":\n" + checked);
        }
        // -db: in the foreground, not as a daemon, so that this process is HAProxy and can be stopped.
        proxy = proxyProcess(List.of(HAPROXY.toString(), "-db", "-f", config.toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!proxy.isAlive()) {
                throw new IllegalStateException("HAProxy exited at start; see " + log);
            }
            try {
                HttpResponse<Void> page = http.send(
                        HttpRequest.newBuilder(URI.create(proxyUrl() + "login")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (page.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("No login page through HAProxy within 30 s; see " + log);
    }

    private ProcessBuilder proxyProcess(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("PARLEY_PROXY_ADDRESS", "127.0.0.1");
        builder.environment().put("PARLEY_PROXY_PORT", Integer.toString(proxyPort));
        builder.environment().put("PARLEY_PROXY_STATS", "127.0.0.1:" + statsPort);
        builder.environment().put("PARLEY_NODE1", "127.0.0.1:" + node(1).httpPort());
        builder.environment().put("PARLEY_NODE2", "127.0.0.1:" + node(2).httpPort());
        builder.environment().put("PARLEY_NODE3", "127.0.0.1:" + closedPort);
        return builder;
    }

    /** The repository's configuration (or, to try another, -Dparley.cluster.haproxy-config=...). */
    private static Path haproxyConfig() {
        Path config = Path.of(System.getProperty("parley.cluster.haproxy-config", "deploy/haproxy.cfg"))
                .toAbsolutePath();
        if (!Files.isRegularFile(config)) {
            throw new IllegalStateException("The cluster test runs HAProxy with " + config + ", which is missing");
        }
        return config;
    }

    /** The affinity cookie's name and each node's value, as the configuration names them. */
    private void readAffinity(Path config) throws IOException {
        for (String raw : Files.readAllLines(config, StandardCharsets.UTF_8)) {
            String line = raw.replaceAll("(^|\\s)#.*$", "");
            Matcher cookie = COOKIE_LINE.matcher(line);
            if (cookie.find()) {
                affinityCookie = cookie.group(1);
            }
            Matcher server = SERVER_LINE.matcher(line);
            if (server.find()) {
                for (int number = 1; number <= 3; number++) {
                    if (server.group(2).contains("PARLEY_NODE" + number)) {
                        Matcher value = SERVER_COOKIE.matcher(server.group(3));
                        affinityValues.put(number, value.find() ? value.group(1) : server.group(1));
                    }
                }
            }
        }
        if (affinityCookie == null || !affinityValues.containsKey(1) || !affinityValues.containsKey(2)) {
            throw new IllegalStateException(config + " has no cookie affinity for PARLEY_NODE1 and PARLEY_NODE2"
                    + " (a 'cookie NAME insert ...' line and 'server ... ${PARLEY_NODEn} ... cookie VALUE' lines)");
        }
    }

    private static void requireHaproxy() {
        if (!Files.isExecutable(HAPROXY)) {
            throw new IllegalStateException("The cluster test needs HAProxy at " + HAPROXY
                    + " (apt-get install -y haproxy); .ci/prerequisites.sh installs it.");
        }
    }

    /** This JVM's Vaadin settings (e.g. -Dvaadin.build.folder of a parallel build) go to the nodes too. */
    private static List<String> jvmOptions() {
        List<String> options = System.getProperties().stringPropertyNames().stream()
                .filter(name -> name.startsWith("vaadin."))
                .sorted()
                .map(name -> "-D" + name + "=" + System.getProperty(name))
                .collect(Collectors.toCollection(ArrayList::new));
        // Two nodes and a browser on two cores: the quick compiler only, started sooner and lighter.
        options.add("-XX:TieredStopAtLevel=1");
        return options;
    }

    /**
     * Ports free now, below the kernel's range for outgoing connections (32768 and up on Linux): the nodes' own
     * connections (to the database, to each other) take ports from that range, and one of them once took the
     * proxy's port while the nodes were starting.
     */
    private static int[] freePorts(int count) {
        Random random = new Random();
        Set<Integer> chosen = new LinkedHashSet<>();
        while (chosen.size() < count) {
            int port = 20_000 + random.nextInt(12_000);
            if (!chosen.contains(port) && free(port)) {
                chosen.add(port);
            }
        }
        return chosen.stream().mapToInt(Integer::intValue).toArray();
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (Exception e) {
            System.err.println("Stopping the cluster: " + e);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException exiting) {
            // this is the hook
        }
        if (proxy != null && proxy.isAlive()) {
            proxy.destroy();
            if (!proxy.waitFor(10, TimeUnit.SECONDS)) {
                proxy.destroyForcibly().waitFor();
            }
        }
        for (Node node : nodes) {
            node.server().close();
        }
        database.close();
    }
}
