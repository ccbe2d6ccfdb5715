package org.parley.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Connected users per node: idle people, each on their own session with a one-on-one conversation open and push
 * connected, added in steps until the server's 4 GiB heap is nearly full, connections fail, or the step list
 * ends. After each step: live heap after a full GC (so retained heap per user), and delivery latency of probe
 * messages between connected partners while everyone stays connected.
 */
final class ConnectedUsersBench {

    private static final long HEAP_LIMIT = 4L << 30;
    private static final int PROBES = 100;

    private ConnectedUsersBench() {}

    /** Forwards every client's messages to the current step's probe deliveries. */
    private static final class Router implements LightClient.Listener {
        volatile Deliveries current = new Deliveries("none-");

        @Override
        public void message(LightClient client, String text, long arrivedEpochMicros, boolean pushed) {
            current.message(client, text, arrivedEpochMicros, pushed);
        }

        @Override
        public void resynced(LightClient client, String text, long arrivedEpochMicros) {
            current.resynced(client, text, arrivedEpochMicros);
        }
    }

    static void run(BenchContext context) throws Exception {
        int maxUsers = Integer.getInteger("bench.users.max", 18_000);
        int[] steps = {500, 1000, 2000, 4000, 6000, 8000, 10_000, 12_000, 14_000, 16_000, 18_000, 20_000, 24_000};
        List<Seeder.Person> people = Seeder.people("idle", maxUsers);
        long[] conversations = Seeder.friendsWithConversations(evens(people, 0), evens(people, 1));
        long baseline = context.server.heapAfterFullGc();
        context.results.figure("users", "live heap before (MiB)", mib(baseline));
        Router router = new Router();
        Stats perUserAtLargest = null;
        int largestUnderOneSecond = 0;
        try (Crowd crowd = new Crowd()) {
            for (int target : steps) {
                if (target > maxUsers) {
                    break;
                }
                int before = crowd.size();
                List<Crowd.Seat> seats = new ArrayList<>();
                for (int i = before; i < target; i++) {
                    seats.add(new Crowd.Seat(people.get(i), conversations[i / 2]));
                }
                long started = System.nanoTime();
                crowd.add(context, seats, LightClient.Transport.WEBSOCKET, router, 16);
                double seconds = (System.nanoTime() - started) / 1e9;
                int connected = crowd.size();
                long live = context.server.heapAfterFullGc();
                double perUserKib = (live - baseline) / 1024.0 / Math.max(1, connected);
                Deliveries probe = new Deliveries("probe" + target + "-");
                router.current = probe;
                Stats latency = probe(crowd, probe);
                String step = connected + " users";
                context.results.add("users", step + ": delivery while connected", "ms", latency);
                context.results.figure(
                        "users",
                        step + ": live heap after full GC (MiB), per user (KiB)",
                        mib(live) + ", " + String.format(Locale.ROOT, "%.0f", perUserKib));
                context.results.figure(
                        "users",
                        step + ": joined in (s), failures",
                        String.format(Locale.ROOT, "%.0f, %d", seconds, crowd.failures.size()));
                if (crowd.resyncs() > 0) {
                    context.results.figure(
                            "users",
                            step + ": resyncs (a push went missing), deliveries via resync",
                            crowd.resyncs() + ", " + probe.viaResync());
                }
                Stats.Summary summary = latency.summary();
                if (summary.count() > 0 && summary.p99() < 1000) {
                    largestUnderOneSecond = connected;
                }
                if (!crowd.failures.isEmpty()) {
                    context.results.figure(
                            "users",
                            "stopped: connections failing at " + connected,
                            String.valueOf(crowd.failures.getFirst()));
                    break;
                }
                // The next step adds up to 4000 users: stop while a full collection still finds room for them.
                if (live + (long) (perUserKib * 1024 * 4000) > HEAP_LIMIT) {
                    context.results.figure("users", "stopped: heap nearly full at " + connected, mib(live) + " MiB");
                    break;
                }
            }
            context.results.figure(
                    "users", "largest number held with delivery p99 < 1 s", Integer.toString(largestUnderOneSecond));
            context.results.add("users", "time to sign in, open and connect one user", "ms", crowd.connectMillis);
        }
    }

    /** Probe messages from connected people to their connected partners, one at a time, spread over the crowd. */
    private static Stats probe(Crowd crowd, Deliveries probe) throws Exception {
        List<LightClient> clients = crowd.clients;
        List<LightClient> senders = new ArrayList<>();
        for (int i = 0; i + 1 < clients.size(); i += 2) {
            senders.add(clients.get(i));
        }
        return probe(senders, probe);
    }

    /** {@link #PROBES} messages, each from one of {@code senders} at random into its open conversation, 50 ms apart. */
    static Stats probe(List<LightClient> senders, Deliveries probe) throws Exception {
        for (int n = 0; n < PROBES; n++) {
            LightClient sender = senders.get(ThreadLocalRandom.current().nextInt(senders.size()));
            String text = probe.text(n);
            long at = LightClient.epochMicros();
            sender.send(text, "probe-" + text);
            probe.sent(text, at);
            Thread.sleep(50);
        }
        probe.awaitAll(1, 30_000);
        return probe.latencies();
    }

    private static List<Seeder.Person> evens(List<Seeder.Person> people, int offset) {
        List<Seeder.Person> half = new ArrayList<>();
        for (int i = offset; i + 1 - offset < people.size(); i += 2) {
            half.add(people.get(i));
        }
        return half;
    }

    private static String mib(long bytes) {
        return Long.toString(bytes >> 20);
    }
}
