package org.parley.base.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import org.springframework.stereotype.Component;

/**
 * Parley's own Prometheus metrics on the path of a message (see README, Operations): messages stored, the time from
 * a message's commit until the push that carries it is written to each receiving tab, pushes that failed, bytes
 * uploaded. Open tabs are counted where they subscribe ({@link LiveEvents}).
 * <p>
 * The delivery latency follows each message through hand-overs that know nothing of each other: the commit stamps
 * it ({@link LiveEvents}), a tab applies it on some thread ({@link #applied}), the push made next on that thread
 * is handed to a connection ({@link #pushed}), and that connection's next write ends it ({@link #writing}). Nothing
 * is kept per message beyond that: a number per tab that is waiting for its write.
 */
@Component
public class ParleyMetrics {

    /** A connection waiting longer than this many deliveries for a write is not measured further (it is stuck). */
    private static final int MOST_WAITING = 10_000;
    /**
     * A tab's accesses and its push run back to back under its lock: what was applied on a thread this long before
     * a push there belongs to an earlier one that never came.
     */
    private static final long LEFT_OVER = TimeUnit.SECONDS.toNanos(10);

    /** Commit times (System.nanoTime) of what tabs applied on this thread, for the push that follows. */
    private static final ThreadLocal<Times> appliedHere = new ThreadLocal<>();
    /** The commit time of the event being delivered to listeners on this thread (0: not measured). */
    private static final ThreadLocal<long[]> delivering = ThreadLocal.withInitial(() -> new long[1]);

    private final Counter messagesStored;
    private final Counter pushFailures;
    private final Counter uploadBytes;
    private final Timer deliveryLatency;
    private final MeterRegistry registry;
    /** Per push connection (Atmosphere's uuid): commit times of what was handed to it and not yet written. */
    private final Map<String, Times> waitingForWrite = new ConcurrentHashMap<>();

    public ParleyMetrics(MeterRegistry registry) {
        this.registry = registry;
        messagesStored = Counter.builder("parley.messages.stored")
                .description("Messages stored (committed), system lines included")
                .register(registry);
        pushFailures = Counter.builder("parley.push.failures")
                .description("Pushes that could not be dispatched or written to a tab")
                .register(registry);
        uploadBytes = Counter.builder("parley.upload.bytes")
                .baseUnit("bytes")
                .description("Bytes of files and pictures stored")
                .register(registry);
        deliveryLatency = Timer.builder("parley.delivery.latency")
                .description("From a message's commit until the push carrying it is written to a receiving tab")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
    }

    /** Registers a gauge of {@code owner}'s {@code value} (read at each scrape, not on the message path). */
    public <T> void gauge(String name, String description, T owner, ToDoubleFunction<T> value) {
        Gauge.builder(name, owner, value).description(description).register(registry);
    }

    public static long now() {
        return System.nanoTime();
    }

    void messageCommitted() {
        messagesStored.increment();
    }

    public void uploaded(long bytes) {
        uploadBytes.increment(bytes);
    }

    public void pushFailed() {
        pushFailures.increment();
    }

    /** Listeners called on this thread now get an event committed at {@code committedAt} (0: not measured). */
    static void delivering(long committedAt) {
        delivering.get()[0] = committedAt;
    }

    /** When the event being delivered on this thread was committed (0: not measured). */
    public static long committedAtOfDelivering() {
        return delivering.get()[0];
    }

    /** A tab applied a message committed at {@code committedAt}: the next push on this thread carries it. */
    public static void applied(long committedAt) {
        Times times = appliedHere.get();
        if (times == null) {
            times = new Times();
            appliedHere.set(times);
        }
        times.add(committedAt);
    }

    /** A push is handed to {@code connection} on this thread: it carries what was applied here. */
    public void pushed(String connection) {
        Times carried = appliedHere.get();
        if (carried == null) {
            return;
        }
        appliedHere.remove();
        if (now() - carried.begun > LEFT_OVER) {
            return; // applied for a tab whose push never came (its connection was down): not this push's
        }
        // Atomic against a write taking what waits (writing): nothing is added to a list already taken.
        waitingForWrite.compute(connection, (c, waiting) -> {
            Times joined = waiting == null ? new Times() : waiting;
            joined.addAll(carried);
            return joined;
        });
    }

    /**
     * {@code connection} is being written to: run the returned handle once written, and what was handed to it is
     * measured as on its way to the browser. Taken before the write: a long poll's write ends its request, and
     * Atmosphere then {@link #closed closes} the connection before the write returns.
     */
    public Runnable writing(String connection) {
        Times waiting = waitingForWrite.remove(connection);
        return waiting == null ? NOTHING : () -> waiting.record(deliveryLatency, now());
    }

    private static final Runnable NOTHING = () -> {};

    /** The connection is gone: what waited for it is not measured (a reconnecting tab reloads what it missed). */
    public void closed(String connection) {
        waitingForWrite.remove(connection);
    }

    /** Commit times, appended by one thread at a time in practice; locked because a write may be on another. */
    private static final class Times {
        private final long begun = now();
        private long[] times = new long[4];
        private int count;

        synchronized void add(long time) {
            if (count == MOST_WAITING) {
                return;
            }
            if (count == times.length) {
                times = Arrays.copyOf(times, count * 2);
            }
            times[count++] = time;
        }

        void addAll(Times other) {
            long[] copied;
            int n;
            synchronized (other) {
                copied = other.times;
                n = other.count;
            }
            for (int i = 0; i < n; i++) {
                add(copied[i]);
            }
        }

        synchronized void record(Timer timer, long now) {
            for (int i = 0; i < count; i++) {
                timer.record(now - times[i], TimeUnit.NANOSECONDS);
            }
        }
    }
}
