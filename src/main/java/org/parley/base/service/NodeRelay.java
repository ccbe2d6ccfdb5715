package org.parley.base.service;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent.LifecycleState;
import com.hazelcast.topic.ITopic;
import com.hazelcast.topic.Message;
import com.hazelcast.topic.ReliableMessageListener;
import jakarta.annotation.PreDestroy;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * The other nodes of a cluster (present only when {@link ClusterConfig} starts Hazelcast). What a node publishes
 * reaches every other node through one Hazelcast {@code ReliableTopic}: a ring buffer with a backup on a second
 * member, read by each node in sequence, so every node sees the events in one order, and a node that fell behind
 * (or was cut off, or whose reader had to start again) sees a gap in the sequence. A gap is reported to
 * {@link #onMissed} listeners, which then reload from the database: it stays the truth.
 * <p>
 * Why one topic for all, not one queue per node: a cluster has a handful of nodes, every event names its
 * recipients, and a node drops what is not for its tabs in memory; one ordered stream needs no registry of who is
 * on which node, which would itself have to survive nodes dying.
 */
@Component
@Conditional(ClusterConfig.Enabled.class)
public class NodeRelay {

    static final String TOPIC = "parley-events";
    private static final Logger log = LoggerFactory.getLogger(NodeRelay.class);

    /** What one topic message carries: one node's events, in the order it published them. */
    private record Relayed(UUID origin, List<Serializable> payloads) implements Serializable {}

    /** At most this many events in one topic message. */
    static final int MOST_PER_MESSAGE = 256;

    private record Listener<T>(Class<T> type, BiConsumer<UUID, T> handler) {
        void offer(UUID origin, Object payload) {
            if (type.isInstance(payload)) {
                handler.accept(origin, type.cast(payload));
            }
        }
    }

    private final HazelcastInstance hazelcast;
    private final UUID self;
    private final ITopic<Relayed> topic;
    private final List<Listener<?>> listeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> missedListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<UUID>> leftListeners = new CopyOnWriteArrayList<>();
    /** Members seen leaving: one that comes back was cut off, not new, and events may have passed it by. */
    private final Set<UUID> departed = ConcurrentHashMap.newKeySet();

    private volatile boolean stopping;

    /** Events not yet sent to the topic (guarded by {@code this}): they go together in the next topic message. */
    private final List<Serializable> waiting = new ArrayList<>();

    NodeRelay(HazelcastInstance hazelcast) {
        this.hazelcast = hazelcast;
        this.self = hazelcast.getCluster().getLocalMember().getUuid();
        this.topic = hazelcast.getReliableTopic(TOPIC);
        hazelcast.getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent event) {
                if (departed.remove(event.getMember().getUuid())) {
                    missed("node " + event.getMember() + " is back after being cut off");
                }
            }

            @Override
            public void memberRemoved(MembershipEvent event) {
                UUID node = event.getMember().getUuid();
                departed.add(node);
                leftListeners.forEach(listener -> listener.accept(node));
            }
        });
        hazelcast.getLifecycleService().addLifecycleListener(event -> {
            if (event.getState() == LifecycleState.MERGED) {
                missed("this node rejoined the cluster after a split");
            }
        });
        read();
        Thread.ofVirtual().name("parley-node-relay").start(this::sendWhatWaits);
    }

    /** This node, as the other nodes know it. */
    public UUID self() {
        return self;
    }

    /**
     * Sends to every other node (not to this one), in the order of the calls. One sender writes to the topic, one
     * topic message at a time, and what is published meanwhile goes together in its next: a fan-out's thousand
     * read receipts cost the cluster a few topic messages, not a thousand, and a lone event is sent at once.
     */
    public void publish(Serializable payload) {
        if (stopping || !hazelcast.getLifecycleService().isRunning()) {
            return; // this node is leaving: the others drop its people when it has gone
        }
        synchronized (this) {
            waiting.add(payload);
            notifyAll();
        }
    }

    private void sendWhatWaits() {
        while (true) {
            List<Serializable> batch;
            synchronized (this) {
                while (waiting.isEmpty() && !stopping) {
                    try {
                        wait();
                    } catch (InterruptedException stopped) {
                        return;
                    }
                }
                if (stopping) {
                    return;
                }
                List<Serializable> first = waiting.subList(0, Math.min(waiting.size(), MOST_PER_MESSAGE));
                batch = new ArrayList<>(first);
                first.clear();
            }
            try {
                topic.publish(new Relayed(self, batch));
            } catch (RuntimeException failure) {
                if (!stopping) {
                    log.warn("Events could not reach the other nodes; they will reload when they see the gap", failure);
                }
            }
        }
    }

    /** Runs {@code handler} (on Hazelcast's thread, in order) for each {@code type} another node publishes. */
    public <T> void listen(Class<T> type, BiConsumer<UUID, T> handler) {
        listeners.add(new Listener<>(type, handler));
    }

    /** Runs when this node may have missed what other nodes published. */
    public void onMissed(Runnable listener) {
        missedListeners.add(listener);
    }

    /** Runs with a node's id when it has left the cluster (stopped, died or cut off). */
    public void onNodeLeft(Consumer<UUID> listener) {
        leftListeners.add(listener);
    }

    private void read() {
        topic.addMessageListener(new Reader());
    }

    private void missed(String why) {
        log.warn("Live events may have been missed ({}): open views reload from the database", why);
        missedListeners.forEach(Runnable::run);
    }

    @PreDestroy
    void stop() {
        synchronized (this) {
            stopping = true;
            notifyAll();
        }
    }

    /** Reads the topic from now on; a jump in the sequence means events were lost for this node. */
    private final class Reader implements ReliableMessageListener<Relayed> {
        private long lastSequence = -1;

        @Override
        public long retrieveInitialSequence() {
            return -1; // from the next event on
        }

        @Override
        public void storeSequence(long sequence) {
            if (lastSequence >= 0 && sequence != lastSequence + 1) {
                missed("the event stream jumped from " + lastSequence + " to " + sequence);
            }
            lastSequence = sequence;
        }

        @Override
        public boolean isLossTolerant() {
            return true; // go on from the oldest event still kept; the jump is reported above
        }

        @Override
        public boolean isTerminal(Throwable failure) {
            return false;
        }

        @Override
        public void onCancel() {
            if (!stopping && hazelcast.getLifecycleService().isRunning()) {
                read();
                missed("the event reader had to start again");
            }
        }

        @Override
        public void onMessage(Message<Relayed> message) {
            Relayed relayed = message.getMessageObject();
            if (relayed.origin().equals(self)) {
                return; // delivered here when it was published
            }
            for (Serializable payload : relayed.payloads()) {
                for (Listener<?> listener : listeners) {
                    try {
                        listener.offer(relayed.origin(), payload);
                    } catch (RuntimeException e) {
                        log.warn("A relayed event could not be handled", e);
                    }
                }
            }
        }
    }
}
