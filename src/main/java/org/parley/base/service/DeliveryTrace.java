package org.parley.base.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Where the time goes between a sender's request and a receiver's screen: when each message passed each stage,
 * on the server, for the benchmarks (bench/run starts Parley with {@code parley.benchmark.trace=true}). Off, every
 * call returns at once and nothing is kept. Times are microseconds since the epoch, the clock the benchmark's
 * clients read too.
 * <p>
 * Per message: received (the request that sent it began), stored (inserted, not yet committed), committed (the
 * after-commit hook ran). Per receiving tab: delivered (its user's listener was called), applied (the tab's
 * handlers ran, under its lock), pushed (its changes were handed to Atmosphere), written (Atmosphere wrote them).
 */
public final class DeliveryTrace {

    public enum Stage {
        DELIVERED,
        APPLIED,
        PUSHED,
        WRITTEN
    }

    /** One message's passage. */
    public static final class Passage {
        private final long messageId;
        private final String text;
        private volatile long received;
        private volatile long stored;
        private volatile long committed;
        private final Queue<TabStage> tabs = new ConcurrentLinkedQueue<>();

        Passage(long messageId, String text) {
            this.messageId = messageId;
            this.text = text;
        }

        public long messageId() {
            return messageId;
        }

        public String text() {
            return text;
        }

        public long received() {
            return received;
        }

        public long stored() {
            return stored;
        }

        public long committed() {
            return committed;
        }

        public List<TabStage> tabs() {
            return List.copyOf(tabs);
        }
    }

    /** A stage one receiving tab (of {@code userId}) passed at {@code at}. */
    public record TabStage(long userId, Stage stage, long at) {}

    /** Messages kept at most: the oldest go first. */
    private static final int KEPT = 20_000;

    private static volatile boolean enabled;
    private static final ConcurrentSkipListMap<Long, Passage> passages = new ConcurrentSkipListMap<>();
    private static final ThreadLocal<Long> requestStart = new ThreadLocal<>();
    /** Messages a tab applied on this thread, waiting for the push that carries them. */
    private static final ThreadLocal<List<long[]>> awaitingPush = ThreadLocal.withInitial(ArrayList::new);
    /**
     * What the pushes handed over for each connection carry, oldest first, until Atmosphere writes them: writes to
     * one connection keep their order. (A push Atmosphere drops unwritten shifts the rest by one: benchmarks only.)
     */
    private static final Map<String, Queue<List<long[]>>> inFlight = new ConcurrentHashMap<>();

    private DeliveryTrace() {}

    public static void enable(boolean on) {
        enabled = on;
        passages.clear();
        inFlight.clear();
    }

    public static boolean enabled() {
        return enabled;
    }

    public static long now() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
    }

    /** The request being served on this thread began at {@code at} (null: it ended). */
    public static void requestStarted(Long at) {
        if (at == null) {
            requestStart.remove();
            awaitingPush.remove();
        } else {
            requestStart.set(at);
        }
    }

    /** A message was inserted (its transaction still open) on the thread of the request that sent it, if any. */
    public static void stored(long messageId, String text) {
        if (!enabled) {
            return;
        }
        Passage passage = new Passage(messageId, text);
        passage.stored = now();
        Long started = requestStart.get();
        passage.received = started == null ? 0 : started;
        passages.put(messageId, passage);
        while (passages.size() > KEPT) {
            passages.pollFirstEntry();
        }
    }

    public static void committed(long messageId) {
        if (enabled) {
            Passage passage = passages.get(messageId);
            if (passage != null) {
                passage.committed = now();
            }
        }
    }

    public static void delivered(long messageId, long userId) {
        tab(messageId, userId, Stage.DELIVERED);
    }

    /** A tab applied the message; the push that follows on this thread carries it. */
    public static void applied(long messageId, long userId) {
        if (enabled && tab(messageId, userId, Stage.APPLIED)) {
            awaitingPush.get().add(new long[] {messageId, userId});
        }
    }

    /** A push is handed to Atmosphere on this thread for {@code connection}: it carries what was applied here. */
    public static void pushed(String connection) {
        if (!enabled) {
            return;
        }
        List<long[]> carried = awaitingPush.get();
        awaitingPush.remove();
        carried.forEach(c -> tab(c[0], c[1], Stage.PUSHED));
        inFlight.computeIfAbsent(connection, c -> new ConcurrentLinkedQueue<>()).add(carried);
    }

    /** Atmosphere wrote the oldest push handed over for {@code connection}. */
    public static void written(String connection) {
        if (!enabled) {
            return;
        }
        Queue<List<long[]>> pushes = inFlight.get(connection);
        List<long[]> carried = pushes == null ? null : pushes.poll();
        if (carried != null) {
            carried.forEach(c -> tab(c[0], c[1], Stage.WRITTEN));
        }
    }

    private static boolean tab(long messageId, long userId, Stage stage) {
        if (!enabled) {
            return false;
        }
        Passage passage = passages.get(messageId);
        if (passage == null) {
            return false;
        }
        passage.tabs.add(new TabStage(userId, stage, now()));
        return true;
    }

    /** Every message traced so far, oldest first. */
    public static Collection<Passage> passages() {
        return List.copyOf(passages.values());
    }
}
