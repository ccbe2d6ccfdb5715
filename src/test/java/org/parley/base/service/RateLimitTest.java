package org.parley.base.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A limit lets a burst through, then refuses with how long to wait, and grows back with time, per key. */
class RateLimitTest {

    private final AtomicLong nanos = new AtomicLong();
    private final TimeMeter time = new TimeMeter() {
        @Override
        public long currentTimeNanos() {
            return nanos.get();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    };

    @Test
    void a_burst_passes_then_the_next_is_refused_with_the_wait_until_one_grows_back() {
        RateLimit limit = new RateLimit("base.limit.groups", RateLimit.Spec.parse("3/15m"), time);
        for (int i = 0; i < 3; i++) {
            limit.take(7L);
        }
        assertThatThrownBy(() -> limit.take(7L))
                .isInstanceOf(TooManyAttemptsException.class)
                .hasMessage("You have created many groups; try again in 5 minutes.");
        limit.take(8L); // someone else is not affected

        nanos.addAndGet(Duration.ofMinutes(5).toNanos());
        limit.take(7L);
        assertThatThrownBy(() -> limit.take(7L)).isInstanceOf(TooManyAttemptsException.class);
    }

    @Test
    void acts_counted_after_the_fact_refuse_the_next_check_without_counting_it() {
        RateLimit limit = new RateLimit("base.limit.sign-in", RateLimit.Spec.parse("2/10m"), time);
        limit.check("ann");
        limit.count("ann");
        limit.check("ann");
        limit.count("ann");
        assertThatThrownBy(() -> limit.check("ann")).hasMessage("Too many attempts; try again in 5 minutes.");
        limit.forget("ann");
        limit.check("ann");
    }

    @Test
    void buckets_that_grew_back_are_forgotten() {
        RateLimit limit = new RateLimit("base.limit.messages", RateLimit.Spec.parse("2/1s"), time);
        limit.take("a");
        limit.take("a");
        limit.take("b");
        nanos.addAndGet(Duration.ofMillis(600).toNanos());
        limit.forgetFullBuckets();
        assertThat(limit.keysRemembered()).as("b grew back, a not yet").isEqualTo(1);
        nanos.addAndGet(Duration.ofMillis(600).toNanos());
        limit.forgetFullBuckets();
        assertThat(limit.keysRemembered()).isZero();
    }

    @Test
    void limits_are_written_count_slash_period() {
        assertThat(RateLimit.Spec.parse("10/15m")).isEqualTo(new RateLimit.Spec(10, Duration.ofMinutes(15)));
        assertThat(RateLimit.Spec.parse(" 30/10s ")).isEqualTo(new RateLimit.Spec(30, Duration.ofSeconds(10)));
        assertThat(RateLimit.Spec.parse("5/1d")).isEqualTo(new RateLimit.Spec(5, Duration.ofDays(1)));
        for (String wrong : new String[] {"10", "10/", "10/15", "10/15w", "0/1m", "a/1m", "1/0s"}) {
            assertThatThrownBy(() -> RateLimit.Spec.parse(wrong))
                    .as(wrong)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void waits_are_said_in_words_rounded_up() {
        assertThat(TooManyAttemptsException.waitPhrase(Duration.ofMillis(1)).inEnglish())
                .isEqualTo("1 second");
        assertThat(TooManyAttemptsException.waitPhrase(Duration.ofMillis(2001)).inEnglish())
                .isEqualTo("3 seconds");
        assertThat(TooManyAttemptsException.waitPhrase(Duration.ofSeconds(61)).inEnglish())
                .isEqualTo("2 minutes");
        assertThat(TooManyAttemptsException.waitPhrase(Duration.ofMinutes(15)).inEnglish())
                .isEqualTo("15 minutes");
        assertThat(TooManyAttemptsException.waitPhrase(Duration.ofHours(23).plusMinutes(1))
                        .inEnglish())
                .isEqualTo("24 hours");
    }
}
