package org.parley.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Group fan-out: one real Chromium page sends into a group whose members are all connected light clients, one
 * message at a time (the next once every member has the last, or after 30 s). Per group size: until the last
 * member has each message, each delivery, retained heap per connected member, and CPU per delivery of the server
 * and of this driver JVM. {@link XmppPeer} sets ejabberd's figures for the same sizes beside these.
 */
final class FanOutBench {

    static final String BENCHMARK = "fan-out";

    private FanOutBench() {}

    /** Group sizes (members besides the sender): {@code -Dbench.fanout.sizes=10,100,500,1000}. */
    static List<Integer> sizes() {
        return Arrays.stream(System.getProperty("bench.fanout.sizes", "10,100,500,1000")
                        .split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(Integer::valueOf)
                .toList();
    }

    /** Measured messages per size: {@code -Dbench.fanout.messages}. */
    static int messages() {
        return Integer.getInteger("bench.fanout.messages", 20);
    }

    /** The scenario name of the distribution the ejabberd comparison divides by. */
    static String untilLast(int size) {
        return size + " members: until the last has it";
    }

    static String serverCpu(int size) {
        return size + " members: server CPU per delivery (µs)";
    }

    static String heapPerMember(int size) {
        return size + " members: retained heap per connected member (KiB)";
    }

    static void run(BenchContext context) throws Exception {
        ServerWarmUp.once(context);
        for (int size : sizes()) {
            measure(context, size, messages());
        }
    }

    private static void measure(BenchContext context, int size, int messages) throws Exception {
        Seeder.Person sender = Seeder.people("fans" + size + "-", 1).getFirst();
        List<Seeder.Person> members = Seeder.people("fan" + size + "-", size);
        List<Seeder.Person> everyone = new ArrayList<>(List.of(sender));
        everyone.addAll(members);
        Seeder.Group group = Seeder.group("Fan-out " + size, everyone);
        Deliveries deliveries = new Deliveries("fan" + size + "-");
        long heapBefore = context.server.heapAfterFullGc();
        long connecting = System.nanoTime();
        try (Crowd crowd = Crowd.connect(
                context,
                DeliveryBench.seats(members, group.conversationId()),
                LightClient.Transport.WEBSOCKET,
                deliveries,
                8)) {
            DeliveryBench.requireConnected(crowd, size);
            figure(context, size + " members: connected in (s)", "%.1f", (System.nanoTime() - connecting) / 1e9);
            // Before the sender's page and before any message: what holding the members alone costs.
            long heapConnected = context.server.heapAfterFullGc();
            figure(context, heapPerMember(size), "%.0f", (heapConnected - heapBefore) / 1024.0 / size);
            ChromiumSender page = new ChromiumSender(context.signedInPage(sender.username(), "websocket"));
            page.open(context.baseUrl(), group.conversationId());
            DeliveryBench.warmUp(List.of(page));
            // CPU per delivery is Parley's own: the benchmarks' stage trace does not run meanwhile.
            ServerTrace.record(crowd.clients.getFirst(), false);
            // -Dbench.fanout.jfr=FOLDER: a flight recording of the server while measured.
            boolean recording = context.server.startRecordingIfAsked("bench.fanout.jfr", "fan-out-" + size + ".jfr");
            long serverCpu = ProcessCpu.micros(context.server.pid());
            long compiling = ProcessCpu.compilerMicros(context.server.pid());
            long collecting = ProcessCpu.collectorMicros(context.server.pid());
            long driverCpu = ProcessCpu.micros(ProcessCpu.SELF);
            sendOneAtATime(page, deliveries, size, messages);
            serverCpu = ProcessCpu.micros(context.server.pid()) - serverCpu;
            compiling = ProcessCpu.compilerMicros(context.server.pid()) - compiling;
            collecting = ProcessCpu.collectorMicros(context.server.pid()) - collecting;
            driverCpu = ProcessCpu.micros(ProcessCpu.SELF) - driverCpu;
            if (recording) {
                context.server.stopRecording();
            }
            ServerTrace.record(crowd.clients.getFirst(), true);
            context.results.add(BENCHMARK, untilLast(size), "ms", deliveries.untilLast(size));
            Stats.Summary each =
                    context.results.add(BENCHMARK, size + " members: each delivery", "ms", deliveries.latencies());
            int delivered = Math.max(1, each.count());
            figure(context, serverCpu(size), "%.0f", (double) serverCpu / delivered);
            figure(
                    context,
                    size + " members: of which the JIT compiler, still compiling (µs)",
                    "%.0f",
                    (double) compiling / delivered);
            figure(
                    context,
                    size + " members: of which the garbage collector (µs)",
                    "%.0f",
                    (double) collecting / delivered);
            figure(
                    context,
                    size + " members: driver JVM (light clients) CPU per delivery (µs)",
                    "%.0f",
                    (double) driverCpu / delivered);
            DeliveryBench.figureMissing(context, BENCHMARK, size + " members", deliveries.missing(size));
            DeliveryBench.figureResyncs(context, BENCHMARK, size + " members", crowd, deliveries);
            page.page().context().close();
        }
    }

    /**
     * The send phase (CPU is counted over it): each message once the last member has the one before (or after
     * 30 s), with 200 ms between.
     */
    static void sendOneAtATime(ChromiumSender page, Deliveries deliveries, int size, int messages)
            throws InterruptedException {
        for (int n = 0; n < messages; n++) {
            String text = deliveries.text(n);
            deliveries.sent(text, page.send(text));
            long deadline = System.currentTimeMillis() + 30_000;
            while (deliveries.receivers(text) < size && System.currentTimeMillis() < deadline) {
                Thread.sleep(5);
            }
            Thread.sleep(200);
        }
    }

    private static void figure(BenchContext context, String name, String format, double value) {
        context.results.figure(BENCHMARK, name, String.format(Locale.ROOT, format, value));
    }
}
