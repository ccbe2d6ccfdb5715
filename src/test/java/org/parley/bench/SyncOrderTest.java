package org.parley.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The light client applies the server's messages as Vaadin's client does: in sync id order, resyncing on a gap. */
class SyncOrderTest {

    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    private final List<Integer> applied = new CopyOnWriteArrayList<>();
    private final CountDownLatch resyncRequested = new CountDownLatch(1);
    private final SyncOrder order = new SyncOrder(
            new SyncOrder.Handler() {
                @Override
                public void apply(SyncOrder.Uidl message, long atEpochMicros) {
                    applied.add(message.syncId());
                }

                @Override
                public void resynchronize() {
                    resyncRequested.countDown();
                }
            },
            timers,
            200);

    @AfterEach
    void stopTimers() {
        timers.shutdownNow();
    }

    @Test
    void applies_in_order_and_ignores_what_it_has_seen() {
        order.reset(0);
        push(1);
        push(2);
        push(2);
        push(1);
        assertThat(applied).containsExactly(1, 2);
        assertThat(order.lastSeen()).isEqualTo(2);
        assertThat(order.ignored()).isEqualTo(2);
    }

    @Test
    void holds_back_an_early_message_until_the_missing_one_arrives() throws InterruptedException {
        order.reset(0);
        push(1);
        push(3);
        push(4);
        assertThat(applied).containsExactly(1);
        push(2);
        assertThat(applied).containsExactly(1, 2, 3, 4);
        assertThat(order.heldBackCount()).isEqualTo(2);
        assertThat(resyncRequested.await(400, TimeUnit.MILLISECONDS))
                .as("no resync once the gap filled")
                .isFalse();
        assertThat(order.resyncs()).isZero();
    }

    @Test
    void gives_up_on_a_missing_message_and_takes_the_whole_state_from_the_resync() throws InterruptedException {
        order.reset(0);
        push(1);
        push(3);
        assertThat(resyncRequested.await(2, TimeUnit.SECONDS)).isTrue();
        assertThat(order.resyncs()).isEqualTo(1);
        // Until the answer comes, everything waits; then what is older than the answer's state is dropped.
        push(4);
        push(6);
        assertThat(applied).containsExactly(1);
        order.accept(new SyncOrder.Uidl("{}", 5, 0, false, true), order.generation());
        assertThat(applied).containsExactly(1, 5, 6);
        assertThat(order.lastSeen()).isEqualTo(6);
    }

    @Test
    void a_connection_of_an_earlier_ui_is_not_heard() {
        order.reset(0);
        int earlier = order.generation();
        push(1);
        order.reset(0);
        order.accept(new SyncOrder.Uidl("{}", 2, 0, true, false), earlier);
        push(1);
        assertThat(applied).containsExactly(1, 1);
    }

    private void push(int syncId) {
        order.accept(new SyncOrder.Uidl("{}", syncId, 0, true, false), order.generation());
    }
}
