package org.parley.base.service;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Delivers {@link UserEvent}s to the open views of their recipients, only after the transaction that
 * published them has committed: nobody is told about data that could still roll back.
 * <p>
 * Delivery runs off the committing thread (code running in an after-commit callback would join the
 * finished transaction and its writes would never commit), in publication order per recipient.
 * Services publish through Spring's {@code ApplicationEventPublisher}; views subscribe per user when
 * attached and unsubscribe when detached.
 * <p>
 * On several nodes ({@link NodeRelay}), each event is also handed to the other nodes, in the same order as it is
 * delivered here, and their events are delivered here as if published here. When this node may have missed some,
 * every subscribed user gets {@link EventsMissed}: their views reload from the database.
 */
@Component
public class LiveEvents {

    private static final Logger log = LoggerFactory.getLogger(LiveEvents.class);

    private final Map<Long, List<Consumer<UserEvent>>> listenersByUser = new ConcurrentHashMap<>();
    private final Map<Long, SerialQueue> queuesByUser = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final NodeRelay relay;
    private final ParleyMetrics metrics;
    /** Held while an event goes to this node's queues and to the other nodes: one order for both. */
    private final Object publishing = new Object();

    public LiveEvents(ObjectProvider<NodeRelay> relay, ObjectProvider<ParleyMetrics> metrics) {
        this.relay = relay.getIfAvailable();
        this.metrics = metrics.getIfAvailable();
        if (this.relay != null) {
            // Committed on another node, by its clock: not part of this node's delivery latency.
            this.relay.listen(UserEvent.class, (node, event) -> deliverHere(event, 0));
            this.relay.onMissed(this::everyoneMissedEvents);
        }
        if (this.metrics != null) {
            this.metrics.gauge("parley.tabs.connected", "Open tabs receiving live updates", this, LiveEvents::openTabs);
            this.metrics.gauge(
                    "parley.people.online", "People with at least one open tab", this, LiveEvents::peopleOnline);
        }
    }

    private double openTabs() {
        return listenersByUser.values().stream().mapToInt(List::size).sum();
    }

    private double peopleOnline() {
        return listenersByUser.size();
    }

    /** Registers a listener for one user's events; run the returned handle to unsubscribe. */
    public Runnable subscribe(long userId, Consumer<UserEvent> listener) {
        listenersByUser
                .computeIfAbsent(userId, id -> new CopyOnWriteArrayList<>())
                .add(listener);
        return () -> listenersByUser.computeIfPresent(userId, (id, listeners) -> {
            listeners.remove(listener);
            return listeners.isEmpty() ? null : listeners;
        });
    }

    @TransactionalEventListener(fallbackExecution = true)
    void deliver(UserEvent event) {
        long committedAt = 0;
        if (event.tracedMessageId() != null) {
            DeliveryTrace.committed(event.tracedMessageId());
            if (metrics != null) {
                metrics.messageCommitted();
                committedAt = ParleyMetrics.now();
            }
        }
        if (relay == null) {
            deliverHere(event, committedAt);
            return;
        }
        // One order for this node's tabs and for the other nodes: two events for one person never swap.
        synchronized (publishing) {
            deliverHere(event, committedAt);
            relay.publish(event);
        }
    }

    private void deliverHere(UserEvent event, long committedAt) {
        for (Long recipient : event.recipients()) {
            if (listenersByUser.containsKey(recipient)) {
                queuesByUser.computeIfAbsent(recipient, SerialQueue::new).submit(event, committedAt);
            }
        }
    }

    private void everyoneMissedEvents() {
        for (Long userId : listenersByUser.keySet()) {
            queuesByUser.computeIfAbsent(userId, SerialQueue::new).submit(new EventsMissed(userId), 0);
        }
    }

    /** An event waiting for its recipient's listeners, with when it was committed (0: not measured). */
    private record Pending(UserEvent event, long committedAt) {}

    /** One recipient's pending events, delivered one after another by a virtual thread. */
    private final class SerialQueue {
        private final long userId;
        private final Queue<Pending> pending = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean draining = new AtomicBoolean();

        SerialQueue(long userId) {
            this.userId = userId;
        }

        void submit(UserEvent event, long committedAt) {
            pending.add(new Pending(event, committedAt));
            if (draining.compareAndSet(false, true)) {
                executor.execute(this::drain);
            }
        }

        private void drain() {
            do {
                Pending next;
                while ((next = pending.poll()) != null) {
                    UserEvent event = next.event();
                    ParleyMetrics.delivering(next.committedAt());
                    if (event.tracedMessageId() != null) {
                        DeliveryTrace.delivered(event.tracedMessageId(), userId);
                    }
                    for (Consumer<UserEvent> listener : listenersByUser.getOrDefault(userId, List.of())) {
                        try {
                            listener.accept(event);
                        } catch (RuntimeException e) {
                            // One broken view must not keep the event from the others.
                            log.warn("A live event listener failed", e);
                        }
                    }
                }
                draining.set(false);
            } while (!pending.isEmpty() && draining.compareAndSet(false, true));
        }
    }
}
