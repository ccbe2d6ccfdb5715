package org.parley.account.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Who is online now: a person with at least one signed-in tab open. Every tab's frame marks its user present
 * while attached; a view that shows people watches just those people. Ephemeral by design (kept in this server's
 * memory): a restart starts from nobody, and each reopened tab marks its user again.
 * <p>
 * A person coming or going reaches only the views that watch them, so signing in costs the same however many are
 * online. (The Collaboration Kit's presence, used before, told every open tab of every change: a thousand people
 * signing in cost a million updates, and its tabs that had closed threw on each.)
 */
@org.springframework.stereotype.Component
public class OnlinePresence {

    private final Map<Long, Integer> openTabs = new ConcurrentHashMap<>();
    private final Map<Long, Set<Watch>> watchesByUser = new ConcurrentHashMap<>();

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

    /** Of these people, those online now. */
    public Set<Long> onlineAmong(Collection<Long> userIds) {
        return userIds.stream().filter(openTabs::containsKey).collect(Collectors.toUnmodifiableSet());
    }

    private void arrived(long userId) {
        if (openTabs.merge(userId, 1, Integer::sum) == 1) {
            changed(userId);
        }
    }

    private void left(long userId) {
        boolean[] gone = new boolean[1];
        openTabs.computeIfPresent(userId, (id, tabs) -> {
            gone[0] = tabs == 1;
            return tabs == 1 ? null : tabs - 1;
        });
        if (gone[0]) {
            changed(userId);
        }
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
