package org.parley.bench;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Parley on three nodes beside the single node of the same run: three more JVMs of the production jar (2 GiB heap
 * each), each an embedded Hazelcast member, on the benchmark database, on the same two cores. Measured: one-on-one
 * latency across nodes (the senders' pages on node 1, the receivers on node 2), fan-out to 1,000 members spread
 * over the three nodes (the sender on node 1), and people connected across the three with probes between partners
 * on different nodes. Where the single node's figures of this run exist (latency, fan-out), the ratio is given.
 */
final class ClusterBench {

    static final String BENCHMARK = "cluster";
    private static final int NODES = 3;
    private static final String NODE_HEAP = "2g";
    private static final int MESSAGES = Integer.getInteger("bench.cluster.messages", 100);
    private static final int FAN_OUT = Integer.getInteger("bench.cluster.fanout", 1000);
    private static final int USERS = Integer.getInteger("bench.cluster.users", 3000);

    private ClusterBench() {}

    static void run(BenchContext single) throws Exception {
        Path jar = Path.of(System.getProperty("bench.jar"));
        int firstPort = Integer.getInteger("bench.port", 18080) + 10;
        List<Integer> memberPorts = new ArrayList<>();
        for (int i = 0; i < NODES; i++) {
            memberPorts.add(freePort());
        }
        String members =
                String.join(",", memberPorts.stream().map(p -> "127.0.0.1:" + p).toList());
        String cluster = "parley-bench-" + UUID.randomUUID();
        List<BenchContext> nodes = new ArrayList<>();
        try {
            for (int i = 0; i < NODES; i++) {
                Path work = Files.createDirectories(single.workDirectory.resolve("node" + (i + 1)));
                BenchServer server = new BenchServer(jar, firstPort + i, BenchDatabase.url(), work)
                        .heap(NODE_HEAP)
                        .arguments(List.of(
                                "--parley.cluster.name=" + cluster,
                                "--parley.cluster.members=" + members,
                                "--parley.cluster.port=" + memberPorts.get(i),
                                "--parley.cluster.interface=127.0.0.1"));
                nodes.add(new BenchContext(server, single.results, work));
                long startup = server.start();
                figure(single, "node " + (i + 1) + ": start to first page (ms)", "%d", startup);
            }
            for (BenchContext node : nodes) {
                ServerWarmUp.run(node);
            }
            acrossNodes(single, nodes);
            fanOut(single, nodes);
            connected(single, nodes);
        } finally {
            for (BenchContext node : nodes) {
                node.close();
                node.server.close();
            }
        }
    }

    /** One-on-one, sender's page on node 1 and receiver on node 2, as DeliveryBench does on one node. */
    private static void acrossNodes(BenchContext single, List<BenchContext> nodes) throws Exception {
        List<Seeder.Person> senders = Seeder.people("clsend-", 2);
        List<Seeder.Person> receivers = Seeder.people("clrecv-", senders.size());
        long[] conversations = Seeder.friendsWithConversations(senders, receivers);
        List<ChromiumSender> pages = new ArrayList<>();
        for (Seeder.Person sender : senders) {
            pages.add(new ChromiumSender(nodes.getFirst().signedInPage(sender.username(), "websocket")));
        }
        Deliveries deliveries = new Deliveries("cluster-direct-");
        try (Crowd crowd = Crowd.connect(
                nodes.get(1),
                DeliveryBench.seats(receivers, conversations),
                LightClient.Transport.WEBSOCKET,
                deliveries,
                2)) {
            DeliveryBench.requireConnected(crowd, receivers.size());
            for (int i = 0; i < pages.size(); i++) {
                pages.get(i).open(nodes.getFirst().baseUrl(), conversations[i]);
            }
            DeliveryBench.warmUp(pages);
            for (int n = 0; n < MESSAGES; n++) {
                String text = deliveries.text(n);
                deliveries.sent(text, pages.get(n % pages.size()).send(text));
                Thread.sleep(100);
            }
            deliveries.awaitAll(1, 30_000);
            String scenario = "1:1 across nodes, WebSocket";
            Stats.Summary across = single.results.add(BENCHMARK, scenario, "ms", deliveries.latencies());
            DeliveryBench.figureMissing(single, BENCHMARK, scenario, deliveries.missing(1));
            DeliveryBench.figureResyncs(single, BENCHMARK, scenario, crowd, deliveries);
            compare(single, scenario, across, "latency", "1:1, WebSocket");
        } finally {
            pages.forEach(page -> page.page().context().close());
        }
    }

    /** A group whose members are spread over the three nodes; one message at a time from a page on node 1. */
    private static void fanOut(BenchContext single, List<BenchContext> nodes) throws Exception {
        Seeder.Person sender = Seeder.people("clfansender-", 1).getFirst();
        List<Seeder.Person> members = Seeder.people("clfan-", FAN_OUT);
        List<Seeder.Person> everyone = new ArrayList<>(List.of(sender));
        everyone.addAll(members);
        Seeder.Group group = Seeder.group("Cluster fan-out " + FAN_OUT, everyone);
        Deliveries deliveries = new Deliveries("cluster-fan-");
        List<Crowd> crowds = new ArrayList<>();
        ChromiumSender page = null;
        try {
            long connecting = System.nanoTime();
            for (int i = 0; i < NODES; i++) {
                List<Seeder.Person> share = new ArrayList<>();
                for (int m = i; m < members.size(); m += NODES) {
                    share.add(members.get(m));
                }
                Crowd crowd = Crowd.connect(
                        nodes.get(i),
                        DeliveryBench.seats(share, group.conversationId()),
                        LightClient.Transport.WEBSOCKET,
                        deliveries,
                        8);
                crowds.add(crowd);
                DeliveryBench.requireConnected(crowd, share.size());
            }
            figure(
                    single,
                    FAN_OUT + " members over " + NODES + " nodes: connected in (s)",
                    "%.1f",
                    (System.nanoTime() - connecting) / 1e9);
            page = new ChromiumSender(nodes.getFirst().signedInPage(sender.username(), "websocket"));
            page.open(nodes.getFirst().baseUrl(), group.conversationId());
            // The single node measured 10, 100 and 500 members before 1,000: its fan-out path was compiled. Each
            // node here gets unmeasured fan-outs to 1,000 first (one at a time, as measured): three JVMs share the
            // two cores' compiling too, so 40 left each still compiling a third of its CPU; after 120 a tenth.
            Deliveries warmUp = new Deliveries("cluster-fan-warm-up-");
            crowds.forEach(crowd -> crowd.clients.forEach(client -> client.listener(warmUp)));
            FanOutBench.sendOneAtATime(page, warmUp, FAN_OUT, Integer.getInteger("bench.cluster.fanout.warmup", 120));
            crowds.forEach(crowd -> crowd.clients.forEach(client -> client.listener(deliveries)));
            idle(single, nodes);
            // -Dbench.cluster.jfr=FOLDER: a flight recording of each node while measured.
            boolean recording = false;
            for (int i = 0; i < NODES; i++) {
                recording = nodes.get(i).server.startRecordingIfAsked("bench.cluster.jfr", "node" + (i + 1) + ".jfr");
            }
            long cpu = 0;
            long compiling = 0;
            for (BenchContext node : nodes) {
                cpu -= ProcessCpu.micros(node.server.pid());
                compiling -= ProcessCpu.compilerMicros(node.server.pid());
            }
            FanOutBench.sendOneAtATime(page, deliveries, FAN_OUT, FanOutBench.messages());
            for (BenchContext node : nodes) {
                cpu += ProcessCpu.micros(node.server.pid());
                compiling += ProcessCpu.compilerMicros(node.server.pid());
            }
            if (recording) {
                for (BenchContext node : nodes) {
                    node.server.stopRecording();
                }
            }
            String scenario = FAN_OUT + " members over " + NODES + " nodes: until the last has it";
            Stats.Summary untilLast = single.results.add(BENCHMARK, scenario, "ms", deliveries.untilLast(FAN_OUT));
            Stats.Summary each = single.results.add(
                    BENCHMARK,
                    FAN_OUT + " members over " + NODES + " nodes: each delivery",
                    "ms",
                    deliveries.latencies());
            figure(
                    single,
                    FAN_OUT + " members over " + NODES + " nodes: CPU of all nodes per delivery (µs)",
                    "%.0f",
                    (double) cpu / Math.max(1, each.count()));
            figure(
                    single,
                    FAN_OUT + " members over " + NODES + " nodes: of which the JIT compilers, still compiling (µs)",
                    "%.0f",
                    (double) compiling / Math.max(1, each.count()));
            DeliveryBench.figureMissing(single, BENCHMARK, scenario, deliveries.missing(FAN_OUT));
            compare(single, scenario, untilLast, FanOutBench.BENCHMARK, FanOutBench.untilLast(FAN_OUT));
        } finally {
            if (page != null) {
                page.page().context().close();
            }
            for (Crowd crowd : crowds) {
                crowd.close();
            }
        }
    }

    /**
     * {@link #USERS} idle people spread over the nodes, each pair of partners on two different nodes; then probe
     * messages between partners while all stay connected.
     */
    private static void connected(BenchContext single, List<BenchContext> nodes) throws Exception {
        List<Seeder.Person> left = Seeder.people("clidlea-", USERS / 2);
        List<Seeder.Person> right = Seeder.people("clidleb-", USERS / 2);
        long[] conversations = Seeder.friendsWithConversations(left, right);
        long[] heapBefore = new long[NODES];
        for (int i = 0; i < NODES; i++) {
            heapBefore[i] = nodes.get(i).server.heapAfterFullGc();
        }
        Deliveries probe = new Deliveries("cluster-probe-");
        List<Crowd> crowds = new ArrayList<>();
        List<LightClient> senders = new ArrayList<>();
        try {
            long started = System.nanoTime();
            int failures = 0;
            for (int i = 0; i < NODES; i++) {
                List<Crowd.Seat> seats = new ArrayList<>();
                for (int pair = 0; pair < left.size(); pair++) {
                    if (pair % NODES == i) {
                        seats.add(new Crowd.Seat(left.get(pair), conversations[pair]));
                    }
                    if ((pair + 1) % NODES == i) {
                        seats.add(new Crowd.Seat(right.get(pair), conversations[pair]));
                    }
                }
                Crowd crowd = new Crowd();
                crowds.add(crowd);
                crowd.add(nodes.get(i), seats, LightClient.Transport.WEBSOCKET, probe, 16);
                failures += crowd.failures.size();
            }
            int total = crowds.stream().mapToInt(Crowd::size).sum();
            figure(
                    single,
                    USERS + " users over " + NODES + " nodes: connected, failures, joined in (s)",
                    "%s",
                    total + ", " + failures + ", "
                            + String.format(Locale.ROOT, "%.0f", (System.nanoTime() - started) / 1e9));
            StringBuilder heaps = new StringBuilder();
            for (int i = 0; i < NODES; i++) {
                long live = nodes.get(i).server.heapAfterFullGc();
                heaps.append(i == 0 ? "" : ", ")
                        .append(String.format(
                                Locale.ROOT,
                                "%.0f",
                                (live - heapBefore[i])
                                        / 1024.0
                                        / Math.max(1, crowds.get(i).size())));
            }
            figure(
                    single,
                    USERS + " users over " + NODES + " nodes: retained heap per user, by node (KiB)",
                    "%s",
                    heaps.toString());
            for (Crowd crowd : crowds) {
                senders.addAll(crowd.clients);
            }
            single.results.add(
                    BENCHMARK,
                    USERS + " users over " + NODES + " nodes: delivery across nodes",
                    "ms",
                    ConnectedUsersBench.probe(senders, probe));
        } finally {
            for (Crowd crowd : crowds) {
                crowd.close();
            }
        }
    }

    /**
     * What the nodes spend with nobody sending (cluster heartbeats, push heartbeats of the connected members):
     * counted in "CPU of all nodes per delivery" too, over the seconds the measured fan-out takes.
     */
    private static void idle(BenchContext single, List<BenchContext> nodes) throws InterruptedException {
        Map<String, Long> byKind = new HashMap<>();
        for (BenchContext node : nodes) {
            ProcessCpu.microsByThreadKind(node.server.pid())
                    .forEach((kind, micros) -> byKind.merge(kind, -micros, Long::sum));
        }
        long started = System.nanoTime();
        Thread.sleep(5_000);
        for (BenchContext node : nodes) {
            ProcessCpu.microsByThreadKind(node.server.pid())
                    .forEach((kind, micros) -> byKind.merge(kind, micros, Long::sum));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long total = byKind.values().stream().mapToLong(Long::longValue).sum();
        String top = byKind.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(5)
                .map(kind -> String.format(Locale.ROOT, "%s %.0f", kind.getKey(), kind.getValue() / 1e3 / seconds))
                .collect(Collectors.joining(", "));
        figure(
                single,
                FAN_OUT + " members over " + NODES + " nodes: CPU of all nodes while nobody sends (ms per s)",
                "%s",
                String.format(Locale.ROOT, "%.0f (most: %s)", total / 1e3 / seconds, top));
    }

    /** The cluster's p99 against the single node's in this run, when that ran. */
    private static void compare(
            BenchContext single, String scenario, Stats.Summary cluster, String benchmark, String singleScenario) {
        single.results
                .summary(benchmark, singleScenario)
                .ifPresent(one -> single.results.figure(
                        BENCHMARK,
                        scenario + " vs one node (p50 ratio, p99 ratio)",
                        String.format(
                                Locale.ROOT, "%.2f×, %.2f×", cluster.p50() / one.p50(), cluster.p99() / one.p99())));
    }

    private static void figure(BenchContext context, String name, String format, Object value) {
        context.results.figure(BENCHMARK, name, String.format(Locale.ROOT, format, value));
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
