package org.parley.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.parley.account.service.UserSummary;
import org.parley.base.service.LiveEvents;
import org.parley.base.service.UserEvent;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

/**
 * What users hear live, for service tests: subscribe as a tab would, then wait for the events. One per test
 * instance (prototype); {@link #close()} it after each test so no subscription outlives it.
 */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
public class HeardEvents implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final LiveEvents live;
    private final List<Runnable> subscriptions = new ArrayList<>();

    HeardEvents(LiveEvents live) {
        this.live = live;
    }

    /** Everything this user hears from now on, in order. */
    public List<UserEvent> listen(UserSummary user) {
        List<UserEvent> heard = new CopyOnWriteArrayList<>();
        listen(user.id(), heard::add);
        return heard;
    }

    public void listen(long userId, Consumer<UserEvent> listener) {
        subscriptions.add(live.subscribe(userId, listener));
    }

    /** Waits until {@code count} events have arrived and gives them; more than that fails the test. */
    public static List<UserEvent> awaitEvents(List<UserEvent> heard, int count) {
        await().atMost(WAIT).until(() -> heard.size() >= count);
        assertThat(heard).hasSize(count);
        return List.copyOf(heard);
    }

    @Override
    public void close() {
        subscriptions.forEach(Runnable::run);
        subscriptions.clear();
    }
}
