package org.parley.base.service;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How often one kind of act may happen per key (a person's id, an address, a user name): a Bucket4j token bucket
 * per key that holds {@code count} acts and refills evenly over {@code period}, so a burst of {@code count} is
 * allowed and then one every {@code period / count}. Buckets live in this node's memory; one that has filled up
 * again is the same as none and is dropped by {@link #forgetFullBuckets()}. A limit made with {@link SharedBuckets}
 * keeps its buckets where every node of a cluster counts in the same one.
 */
public final class RateLimit {

    /** The key of the refusal's words, whose only argument is the wait (base.limit.* in base.properties). */
    private final String refusal;

    private final long count;
    private final Duration period;
    private final TimeMeter time;
    private final Map<Object, Bucket> buckets = new ConcurrentHashMap<>();
    /** Null: this node's memory. */
    private final ProxyManager<String> shared;

    private final String name;

    /** {@code refusal} is the key of the words shown when the limit is reached ("… try again in {0}."). */
    public RateLimit(String refusal, Spec spec) {
        this(refusal, spec, TimeMeter.SYSTEM_NANOTIME);
    }

    RateLimit(String refusal, Spec spec, TimeMeter time) {
        this(null, refusal, spec, time, null);
    }

    /** A limit counted by every node together, its keys told apart from other limits' by {@code name}. */
    public RateLimit(String name, String refusal, Spec spec, SharedBuckets shared) {
        this(name, refusal, spec, TimeMeter.SYSTEM_NANOTIME, shared);
    }

    private RateLimit(String name, String refusal, Spec spec, TimeMeter time, ProxyManager<String> shared) {
        this.name = name;
        this.refusal = refusal;
        this.count = spec.count();
        this.period = spec.period();
        this.time = time;
        this.shared = shared;
    }

    /** Counts one act for {@code key}, or refuses it (nothing counted) when the key has used up its acts. */
    public void take(Object key) {
        ConsumptionProbe probe = bucket(key).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw refused(Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    /** Refuses, as {@link #take} would, without counting anything: for acts counted only when they fail. */
    public void check(Object key) {
        Bucket bucket = shared != null
                ? shared.getProxyConfiguration(sharedKey(key))
                        .map(known -> bucket(key))
                        .orElse(null)
                : buckets.get(key);
        if (bucket != null) {
            var probe = bucket.estimateAbilityToConsume(1);
            if (!probe.canBeConsumed()) {
                throw refused(Duration.ofNanos(probe.getNanosToWaitForRefill()));
            }
        }
    }

    private TooManyAttemptsException refused(Duration wait) {
        return new TooManyAttemptsException(Phrase.of(refusal, TooManyAttemptsException.waitPhrase(wait)), wait);
    }

    /** Counts one act for {@code key} whether or not any is left (a failed sign-in is counted after the fact). */
    public void count(Object key) {
        bucket(key).consumeIgnoringRateLimits(1);
    }

    /** Gives {@code key} all its acts back (a person who signed in is no longer being guessed at). */
    public void forget(Object key) {
        if (shared != null) {
            shared.removeProxy(sharedKey(key));
        } else {
            buckets.remove(key);
        }
    }

    /** Drops the buckets that are full again, which keeps memory to the keys that acted recently. */
    public void forgetFullBuckets() {
        buckets.values().removeIf(bucket -> bucket.getAvailableTokens() >= count);
    }

    private String sharedKey(Object key) {
        return name + ":" + key;
    }

    int keysRemembered() {
        return buckets.size();
    }

    private Bucket bucket(Object key) {
        if (shared != null) {
            return shared.builder()
                    .build(
                            sharedKey(key),
                            () -> BucketConfiguration.builder()
                                    .addLimit(limit -> limit.capacity(count).refillGreedy(count, period))
                                    .build());
        }
        return buckets.computeIfAbsent(
                key,
                k -> Bucket.builder()
                        .addLimit(limit -> limit.capacity(count).refillGreedy(count, period))
                        .withCustomTimePrecision(time)
                        .build());
    }

    /** "10/15m": at most 10 at once, refilled over 15 minutes (units s, m, h, d). */
    public record Spec(long count, Duration period) {

        public Spec {
            if (count < 1 || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException(
                        "A limit needs a count of at least 1 and a period: " + count + "/" + period);
            }
        }

        public static Spec parse(String text) {
            String[] parts = text.strip().split("/");
            if (parts.length != 2 || parts[1].length() < 2) {
                throw new IllegalArgumentException("A limit is written count/period, such as 10/15m: " + text);
            }
            long amount = Long.parseLong(parts[1].substring(0, parts[1].length() - 1));
            Duration period = switch (parts[1].charAt(parts[1].length() - 1)) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                case 'd' -> Duration.ofDays(amount);
                default -> throw new IllegalArgumentException("A limit's period ends in s, m, h or d: " + text);
            };
            return new Spec(Long.parseLong(parts[0]), period);
        }
    }
}
