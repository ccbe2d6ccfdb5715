package org.parley.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Send and arrival times of uniquely numbered messages ({@code prefix + number}); each receiver's first arrival
 * of each message counts (a later re-render of the same list does not). A message a receiver first gets in the
 * whole state sent after a resync (its push went missing) counts as arrived then, and is also counted apart.
 */
final class Deliveries implements LightClient.Listener {

    private final String prefix;
    private final Map<String, Long> sent = new ConcurrentHashMap<>();
    private final Map<String, Map<LightClient, Long>> arrived = new ConcurrentHashMap<>();
    private final AtomicLong viaResync = new AtomicLong();

    Deliveries(String prefix) {
        this.prefix = prefix;
    }

    String text(int number) {
        return prefix + number;
    }

    void sent(String text, long epochMicros) {
        sent.put(text, epochMicros);
    }

    @Override
    public void message(LightClient client, String text, long arrivedEpochMicros, boolean pushed) {
        if (pushed && text.startsWith(prefix)) {
            arrived.computeIfAbsent(text, t -> new ConcurrentHashMap<>()).putIfAbsent(client, arrivedEpochMicros);
        }
    }

    /** Arrived late, as a person's screen would show it: with the state after the client's resync. */
    @Override
    public void resynced(LightClient client, String text, long arrivedEpochMicros) {
        if (text.startsWith(prefix)
                && arrived.computeIfAbsent(text, t -> new ConcurrentHashMap<>()).putIfAbsent(client, arrivedEpochMicros)
                        == null) {
            viaResync.incrementAndGet();
        }
    }

    /** Deliveries that first arrived in the state sent after a resync (their push never came). */
    long viaResync() {
        return viaResync.get();
    }

    /** How many receivers have this message so far. */
    int receivers(String text) {
        Map<LightClient, Long> receivers = arrived.get(text);
        return receivers == null ? 0 : receivers.size();
    }

    /** Waits until every sent message reached {@code receivers} clients, or the timeout passed. */
    boolean awaitAll(int receivers, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            if (sent.keySet().stream().allMatch(t -> receivers(t) >= receivers)) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    /** Every delivery: arrival minus send, in milliseconds. */
    Stats latencies() {
        Stats stats = new Stats();
        sent.forEach((text, at) -> {
            Map<LightClient, Long> receivers = arrived.getOrDefault(text, Map.of());
            receivers.values().forEach(arrival -> stats.add((arrival - at) / 1000.0));
        });
        return stats;
    }

    /** Per message: until the last receiver had it, in milliseconds (only messages every receiver got). */
    Stats untilLast(int receivers) {
        Stats stats = new Stats();
        sent.forEach((text, at) -> {
            Map<LightClient, Long> got = arrived.getOrDefault(text, Map.of());
            if (got.size() >= receivers) {
                stats.add(
                        (got.values().stream().mapToLong(Long::longValue).max().orElseThrow() - at) / 1000.0);
            }
        });
        return stats;
    }

    /** Deliveries missing: sent messages times receivers, minus first arrivals. */
    long missing(int receivers) {
        return sent.keySet().stream()
                .mapToLong(t -> Math.max(0, receivers - receivers(t)))
                .sum();
    }

    Set<String> sentTexts() {
        return sent.keySet();
    }

    /** One receiver's first arrival of one message; times in epoch microseconds. */
    record Delivery(String text, long sent, LightClient receiver, long arrived) {}

    /** When each message was sent (epoch microseconds), by text. */
    Map<String, Long> sentTimes() {
        return Map.copyOf(sent);
    }

    /** Every delivery of a sent message so far. */
    List<Delivery> deliveries() {
        List<Delivery> all = new ArrayList<>();
        sent.forEach((text, at) -> arrived.getOrDefault(text, Map.of())
                .forEach((receiver, arrival) -> all.add(new Delivery(text, at, receiver, arrival))));
        return all;
    }
}
