package org.parley.account.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import java.io.Serializable;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.parley.base.service.NodeRelay;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Who is online now: a person with at least one signed-in tab open. Every tab's frame marks its user present
 * while attached; a view that shows people watches just those people. Ephemeral by design (kept in memory): a
 * restart starts from nobody, and each reopened tab marks its user again.
 * <p>
 * On several nodes ({@link NodeRelay}) each node tells the others when a person's first tab on it opens or their
 * last one closes, and answers a node that asks (one starting, or one that missed events) with everyone online on
 * it. A node that leaves the cluster takes its people with it. Kept in Hazelcast's event stream rather than with
 * the Collaboration Kit's Hazelcast backend: that backend is experimental and announced for removal, and its
 * presence tells every tab of every change (see below).
 * <p>
 * A person coming or going reaches only the views that watch them, so signing in costs the same however many are
 * online. (The Collaboration Kit's presence, used before, told every open tab of every change: a thousand people
 * signing in cost a million updates, and its tabs that had closed threw on each.)
 */
@org.springframework.stereotype.Component
public class OnlinePresence {

    private final Map<Long, Integer> openTabs = new ConcurrentHashMap<>();
    private final Map<Long, Set<Watch>> watchesByUser = new ConcurrentHashMap<>();
    /** Who is online on each other node. */
    private final Map<UUID, Set<Long>> onlineByNode = new ConcurrentHashMap<>();

    private final NodeRelay relay;
    /** Held while a change is counted and told to the other nodes, so that they hear changes in order. */
    private final Object telling = new Object();

    /** A person's first tab on a node opened ({@code online}) or their last one there closed. */
    private record Change(long userId, boolean online) implements Serializable {}

    /** Everyone online on the node that sends it. */
    private record Everyone(HashSet<Long> userIds) implements Serializable {}

    /** Asks every other node for {@link Everyone}. */
    private record Ask() implements Serializable {}

    public OnlinePresence(ObjectProvider<NodeRelay> relay) {
        this.relay = relay.getIfAvailable();
        if (this.relay != null) {
            this.relay.listen(Change.class, this::changedOn);
            this.relay.listen(Everyone.class, (node, everyone) -> replace(node, everyone.userIds()));
            this.relay.listen(Ask.class, (node, ask) -> tellEveryone());
            this.relay.onNodeLeft(node -> replace(node, Set.of()));
            this.relay.onMissed(() -> this.relay.publish(new Ask()));
            this.relay.publish(new Ask());
        }
    }

    /** Marks {@code userId} online for as long as {@code owner} (a tab's frame) is attached. */
    public void markOnline(Component owner, long userId) {
        AtomicBoolean counted = new AtomicBoolean();
        owner.addAttachListener(attach -> {
            if (counted.compareAndSet(false, true)) {
                arrived(userId);
            }
        });
        owner.addDetachListener(detach -> {
            if (counted.compareAndSet(true, false)) {
                left(userId);
            }
        });
        if (owner.isAttached() && counted.compareAndSet(false, true)) {
            arrived(userId);
        }
    }

    /**
     * Watches people for {@code owner} while it is attached: {@code onChange} gets who of them is online, at once
     * and whenever one comes or goes (inside the tab's {@code ui.access}, several changes together once). Say
     * whom with {@link Watch#watching}.
     */
    public Watch watch(Component owner, Consumer<Set<Long>> onChange) {
        Watch watch = new Watch(onChange);
        owner.addDetachListener(detach -> watch.stop());
        return watch;
    }

    /** Of these people, those online now (on any node). */
    public Set<Long> onlineAmong(Collection<Long> userIds) {
        return userIds.stream().filter(this::isOnline).collect(Collectors.toUnmodifiableSet());
    }

    private boolean isOnline(long userId) {
        if (openTabs.containsKey(userId)) {
            return true;
        }
        for (Set<Long> online : onlineByNode.values()) {
            if (online.contains(userId)) {
                return true;
            }
        }
        return false;
    }

    private void arrived(long userId) {
        boolean first;
        // Locked with telling the other nodes, so that they hear a person's comings and goings in order.
        synchronized (telling) {
            first = openTabs.merge(userId, 1, Integer::sum) == 1;
            if (first) {
                tellOthers(new Change(userId, true));
            }
        }
        if (first) {
            changed(userId);
        }
    }

    private void left(long userId) {
        boolean[] gone = new boolean[1];
        synchronized (telling) {
            openTabs.computeIfPresent(userId, (id, tabs) -> {
                gone[0] = tabs == 1;
                return tabs == 1 ? null : tabs - 1;
            });
            if (gone[0]) {
                tellOthers(new Change(userId, false));
            }
        }
        if (gone[0]) {
            changed(userId);
        }
    }

    private void tellOthers(Serializable news) {
        if (relay != null) {
            relay.publish(news);
        }
    }

    private void tellEveryone() {
        synchronized (telling) {
            relay.publish(new Everyone(new HashSet<>(openTabs.keySet())));
        }
    }

    private void changedOn(UUID node, Change change) {
        Set<Long> online = onlineByNode.computeIfAbsent(node, id -> ConcurrentHashMap.newKeySet());
        if (change.online() ? online.add(change.userId()) : online.remove(change.userId())) {
            changed(change.userId());
        }
    }

    private void replace(UUID node, Set<Long> now) {
        Set<Long> before = onlineByNode.getOrDefault(node, Set.of());
        if (now.isEmpty()) {
            onlineByNode.remove(node);
        } else {
            Set<Long> online = ConcurrentHashMap.newKeySet();
            online.addAll(now);
            onlineByNode.put(node, online);
        }
        Set<Long> affected = new HashSet<>(before);
        affected.addAll(now);
        affected.removeIf(userId -> before.contains(userId) == now.contains(userId));
        affected.forEach(this::changed);
    }

    private void changed(long userId) {
        Set<Watch> watches = watchesByUser.get(userId);
        if (watches != null) {
            watches.forEach(Watch::changed);
        }
    }

    /** One view's interest in some people's presence. */
    public final class Watch {
        private final Consumer<Set<Long>> onChange;
        private final AtomicBoolean updateQueued = new AtomicBoolean();
        private volatile Set<Long> watched = Set.of();
        private volatile UI ui;

        private Watch(Consumer<Set<Long>> onChange) {
            this.onChange = onChange;
        }

        /** From now on, these people (in place of any before); tells who of them is online at once. */
        public void watching(Collection<Long> userIds) {
            ui = UI.getCurrent();
            Set<Long> now = Set.copyOf(userIds);
            for (Long gone : watched) {
                if (!now.contains(gone)) {
                    unwatch(gone);
                }
            }
            now.forEach(id -> watchesByUser
                    .computeIfAbsent(id, key -> ConcurrentHashMap.newKeySet())
                    .add(this));
            watched = now;
            onChange.accept(onlineAmong(now));
        }

        private void changed() {
            UI tab = ui;
            if (tab == null || !updateQueued.compareAndSet(false, true)) {
                return;
            }
            try {
                tab.access(() -> {
                    updateQueued.set(false);
                    onChange.accept(onlineAmong(watched));
                });
            } catch (UIDetachedException closed) {
                stop();
            }
        }

        private void stop() {
            watched.forEach(this::unwatch);
            watched = Set.of();
        }

        private void unwatch(long userId) {
            watchesByUser.computeIfPresent(userId, (id, watches) -> {
                watches.remove(this);
                return watches.isEmpty() ? null : watches;
            });
        }
    }
}
