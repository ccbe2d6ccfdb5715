package org.parley.base.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * Parley's own metrics as operations read them: open tabs come and go with their subscriptions, a message is counted
 * once committed, and its delivery to a tab is timed from the commit to the write of the push that carries it, not
 * to an earlier write nor twice.
 */
class ParleyMetricsTest {

    /** A message for the test, to the given people. */
    record Posted(long messageId, List<Long> to) implements UserEvent {
        @Override
        public Collection<Long> recipients() {
            return to;
        }

        @Override
        public Long tracedMessageId() {
            return messageId;
        }
    }

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ParleyMetrics metrics = new ParleyMetrics(registry);
    private final LiveEvents live = liveEvents(metrics);

    @Test
    void open_tabs_and_people_online_follow_the_subscriptions() {
        Runnable annFirstTab = live.subscribe(1, event -> {});
        Runnable annSecondTab = live.subscribe(1, event -> {});
        Runnable bobTab = live.subscribe(2, event -> {});
        assertThat(gauge("parley.tabs.connected")).isEqualTo(3);
        assertThat(gauge("parley.people.online")).isEqualTo(2);

        annFirstTab.run();
        bobTab.run();
        assertThat(gauge("parley.tabs.connected")).isEqualTo(1);
        assertThat(gauge("parley.people.online")).isEqualTo(1);
        annSecondTab.run();
        assertThat(gauge("parley.tabs.connected")).isZero();
    }

    @Test
    void a_delivery_is_timed_from_its_commit_to_the_write_of_the_push_that_carries_it() throws Exception {
        CompletableFuture<Void> applied = new CompletableFuture<>();
        // The tab's side, on the delivering thread: apply, then hand the push to the connection.
        live.subscribe(1, event -> {
            ParleyMetrics.applied(ParleyMetrics.committedAtOfDelivering());
            metrics.pushed("connection-1");
            applied.complete(null);
        });
        Runnable earlierWrite = metrics.writing("connection-1");
        live.deliver(new Posted(10, List.of(1L)));
        applied.get(10, TimeUnit.SECONDS);
        earlierWrite.run();
        assertThat(latency().count())
                .as("a write that began before the push is not its write")
                .isZero();
        assertThat(registry.counter("parley.messages.stored").count()).isEqualTo(1);

        Thread.sleep(20);
        metrics.writing("connection-1").run();
        assertThat(latency().count()).isEqualTo(1);
        assertThat(latency().totalTime(TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(20);

        metrics.writing("connection-1").run();
        assertThat(latency().count()).as("the next write carries nothing of it").isEqualTo(1);
    }

    @Test
    void what_waits_for_a_connection_that_closes_is_not_measured() throws Exception {
        CompletableFuture<Void> applied = new CompletableFuture<>();
        live.subscribe(1, event -> {
            ParleyMetrics.applied(ParleyMetrics.committedAtOfDelivering());
            metrics.pushed("connection-2");
            applied.complete(null);
        });
        live.deliver(new Posted(11, List.of(1L)));
        applied.get(10, TimeUnit.SECONDS);
        metrics.closed("connection-2");
        metrics.writing("connection-2").run();
        await().during(Duration.ofMillis(200)).until(() -> latency().count() == 0);
    }

    private Timer latency() {
        return registry.get("parley.delivery.latency").timer();
    }

    private double gauge(String name) {
        return registry.get(name).gauge().value();
    }

    private static LiveEvents liveEvents(ParleyMetrics metrics) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("metrics", metrics);
        return new LiveEvents(beans.getBeanProvider(NodeRelay.class), beans.getBeanProvider(ParleyMetrics.class));
    }
}
