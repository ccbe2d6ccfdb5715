package org.parley.base.service;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Delivers {@link UserEvent}s to the open views of their recipients, only after the transaction that
 * published them has committed: nobody is told about data that could still roll back.
 * <p>
 * Services publish through Spring's {@code ApplicationEventPublisher}; views subscribe per user when
 * attached and unsubscribe when detached. This is the single node's bus; a multi-node deployment
 * will put a distributed one behind the same two methods.
 */
@Component
public class LiveEvents {

    private static final Logger log = LoggerFactory.getLogger(LiveEvents.class);

    private final Map<Long, List<Consumer<UserEvent>>> listenersByUser = new ConcurrentHashMap<>();

    /** Registers a listener for one user's events; run the returned handle to unsubscribe. */
    public Runnable subscribe(long userId, Consumer<UserEvent> listener) {
        listenersByUser.computeIfAbsent(userId, id -> new CopyOnWriteArrayList<>()).add(listener);
        return () -> listenersByUser.computeIfPresent(userId, (id, listeners) -> {
            listeners.remove(listener);
            return listeners.isEmpty() ? null : listeners;
        });
    }

    /** How many listeners a user has now: one per open view that subscribed. */
    public int listenerCount(long userId) {
        List<Consumer<UserEvent>> listeners = listenersByUser.get(userId);
        return listeners == null ? 0 : listeners.size();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void deliver(UserEvent event) {
        for (Long recipient : event.recipients()) {
            List<Consumer<UserEvent>> listeners = listenersByUser.get(recipient);
            if (listeners == null) {
                continue;
            }
            for (Consumer<UserEvent> listener : listeners) {
                try {
                    listener.accept(event);
                } catch (RuntimeException e) {
                    // One broken view must not keep the event from the others.
                    log.warn("A live event listener failed", e);
                }
            }
        }
    }
}
