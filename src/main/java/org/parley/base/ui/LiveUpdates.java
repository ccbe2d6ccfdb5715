package org.parley.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.parley.base.service.DeliveryTrace;
import org.parley.base.service.EventsMissed;
import org.parley.base.service.LiveEvents;
import org.parley.base.service.ParleyMetrics;
import org.parley.base.service.UserEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ties components to the live events of their user. Each browser tab (UI) holds one subscription,
 * made when its first component attaches and dropped when the last detaches or the tab closes, so
 * nothing leaks. An event runs every handler of the tab in a single {@code ui.access}: one push per
 * event. Events that pile up while the tab is busy (its lock held by a request, or an earlier push still
 * being made) are applied together in the next access: one push for all of them, and the first is never
 * held back waiting for more. A tab is not woken at all for an event none of its views wants (a
 * {@link UserEvent#fleeting() fleeting} one, unless a view asked for it).
 */
public final class LiveUpdates {

    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);

    private final UI ui;
    private final LiveEvents liveEvents;
    private final long userId;

    private record Handler(Predicate<UserEvent> wanted, Consumer<UserEvent> handler) {}

    private final Set<Handler> handlers = new CopyOnWriteArraySet<>();
    /** An event waiting for the tab's lock, with when it was committed (0: not measured; ParleyMetrics). */
    private record Pending(UserEvent event, long committedAt) {}

    private final Queue<Pending> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean accessScheduled = new AtomicBoolean();
    private Runnable unsubscribe;

    private LiveUpdates(UI ui, LiveEvents liveEvents, long userId) {
        this.ui = ui;
        this.liveEvents = liveEvents;
        this.userId = userId;
    }

    /**
     * Runs {@code handler} (inside {@code ui.access}) for each event of the user while {@code owner} is
     * attached, except {@link UserEvent#fleeting() fleeting} ones. Called from a constructor, it subscribes at
     * once, before the view loads its data: an event committed meanwhile waits in the UI's queue and runs after
     * the load, so nothing falls in between.
     */
    public static void bind(Component owner, LiveEvents liveEvents, long userId, Consumer<UserEvent> handler) {
        bind(owner, liveEvents, userId, event -> !event.fleeting(), handler);
    }

    /**
     * As {@link #bind(Component, LiveEvents, long, Consumer)}, for the events {@code wanted} accepts. The test
     * runs on the publishing thread, before the tab is woken: it must be quick and read only state that is safe
     * to read outside the tab's lock (a volatile field).
     */
    public static void bind(
            Component owner,
            LiveEvents liveEvents,
            long userId,
            Predicate<UserEvent> wanted,
            Consumer<UserEvent> handler) {
        Handler bound = new Handler(wanted, handler);
        owner.addAttachListener(event -> of(event.getUI(), liveEvents, userId).add(bound));
        owner.addDetachListener(event -> of(event.getUI(), liveEvents, userId).remove(bound));
        UI ui = owner.getUI().orElseGet(UI::getCurrent);
        if (ui != null) {
            of(ui, liveEvents, userId).add(bound);
        }
    }

    private static synchronized LiveUpdates of(UI ui, LiveEvents liveEvents, long userId) {
        LiveUpdates hub = ComponentUtil.getData(ui, LiveUpdates.class);
        if (hub == null) {
            hub = new LiveUpdates(ui, liveEvents, userId);
            ComponentUtil.setData(ui, LiveUpdates.class, hub);
            LiveUpdates created = hub;
            ui.addDetachListener(closed -> created.stop());
        }
        return hub;
    }

    private void add(Handler handler) {
        handlers.add(handler);
        if (unsubscribe == null) {
            unsubscribe = liveEvents.subscribe(userId, this::deliver);
        }
    }

    private void remove(Handler handler) {
        handlers.remove(handler);
        if (handlers.isEmpty()) {
            stop();
        }
    }

    private void deliver(UserEvent event) {
        if (!(event instanceof EventsMissed) && !wanted(event)) {
            return; // no view of this tab shows it: the tab is not woken
        }
        pending.add(new Pending(event, ParleyMetrics.committedAtOfDelivering()));
        if (!accessScheduled.compareAndSet(false, true)) {
            return; // an access is already on its way and will apply this event too
        }
        try {
            ui.access(this::applyPending);
        } catch (UIDetachedException closedMeanwhile) {
            pending.clear();
            stop();
        }
    }

    /** Runs under the tab's lock: every event that arrived until now, in order, then one push. */
    private void applyPending() {
        // Cleared first: an event arriving while these run schedules the next access instead of being missed.
        accessScheduled.set(false);
        Pending next;
        while ((next = pending.poll()) != null) {
            UserEvent event = next.event();
            if (event instanceof EventsMissed) {
                // Whatever this tab shows may be stale: its views are made again, from the database.
                pending.clear();
                ui.refreshCurrentRoute(true);
                return;
            }
            if (event.tracedMessageId() != null) {
                DeliveryTrace.applied(event.tracedMessageId(), userId);
            }
            if (next.committedAt() != 0) {
                ParleyMetrics.applied(next.committedAt());
            }
            for (Handler handler : handlers) {
                try {
                    if (handler.wanted().test(event)) {
                        handler.handler().accept(event);
                    }
                } catch (RuntimeException broken) {
                    // One broken view must not keep this event from the others, nor the next events from all.
                    log.warn("A live update failed", broken);
                }
            }
        }
    }

    private boolean wanted(UserEvent event) {
        for (Handler handler : handlers) {
            if (handler.wanted().test(event)) {
                return true;
            }
        }
        return false;
    }

    private synchronized void stop() {
        if (unsubscribe != null) {
            unsubscribe.run();
            unsubscribe = null;
        }
    }
}
