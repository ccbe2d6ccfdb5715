package org.parley.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Many light clients, each signed in on its own session with a conversation open and push connected. */
final class Crowd implements AutoCloseable {

    /** Who opens what: a person and the conversation their page shows. */
    record Seat(Seeder.Person person, long conversationId) {}

    final List<LightClient> clients = new ArrayList<>();
    final Stats connectMillis = new Stats();
    final List<Throwable> failures = new ArrayList<>();
    final java.util.concurrent.atomic.AtomicInteger retries = new java.util.concurrent.atomic.AtomicInteger();

    /** Connects everyone, several at a time; failures are kept (not thrown) so a ramp can stop on them. */
    static Crowd connect(
            BenchContext context,
            List<Seat> seats,
            LightClient.Transport transport,
            LightClient.Listener listener,
            int parallel)
            throws InterruptedException {
        Crowd crowd = new Crowd();
        crowd.add(context, seats, transport, listener, parallel);
        return crowd;
    }

    void add(
            BenchContext context,
            List<Seat> seats,
            LightClient.Transport transport,
            LightClient.Listener listener,
            int parallel)
            throws InterruptedException {
        try (ExecutorService pool = Executors.newFixedThreadPool(parallel)) {
            List<Future<LightClient>> joining = new ArrayList<>();
            for (Seat seat : seats) {
                joining.add(pool.submit(() -> {
                    // A loaded machine sometimes drops a connection attempt; a person would reload the page.
                    for (int attempt = 1; ; attempt++) {
                        long started = System.nanoTime();
                        LightClient client = context.lightClient(listener);
                        try {
                            client.signIn(seat.person().username(), Seeder.PASSWORD);
                            client.open("chat/" + seat.conversationId());
                            client.connectPush(transport);
                            connectMillis.add((System.nanoTime() - started) / 1e6);
                            return client;
                        } catch (java.io.IOException failed) {
                            client.close();
                            retries.incrementAndGet();
                            if (attempt == 3) {
                                throw failed;
                            }
                        }
                    }
                }));
            }
            for (Future<LightClient> client : joining) {
                try {
                    synchronized (clients) {
                        clients.add(client.get());
                    }
                } catch (java.util.concurrent.ExecutionException failed) {
                    synchronized (failures) {
                        failures.add(failed.getCause());
                    }
                }
            }
        }
    }

    int size() {
        synchronized (clients) {
            return clients.size();
        }
    }

    /** Resyncs of all clients so far (each one a push that never came, then 5 s of waiting). */
    int resyncs() {
        synchronized (clients) {
            return clients.stream().mapToInt(LightClient::resyncs).sum();
        }
    }

    /** Server messages of all clients that arrived before an earlier one and waited for it. */
    int heldBack() {
        synchronized (clients) {
            return clients.stream().mapToInt(LightClient::heldBack).sum();
        }
    }

    @Override
    public void close() {
        synchronized (clients) {
            clients.forEach(LightClient::close);
            clients.clear();
        }
    }
}
