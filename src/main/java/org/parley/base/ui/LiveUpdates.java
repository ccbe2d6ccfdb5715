package org.parley.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;
import org.parley.base.service.LiveEvents;
import org.parley.base.service.UserEvent;

/**
 * Ties components to the live events of their user. Each browser tab (UI) holds one subscription,
 * made when its first component attaches and dropped when the last detaches or the tab closes, so
 * nothing leaks. An event runs every handler of the tab in a single {@code ui.access}: one push per
 * event, which also keeps long polling from racing itself with back-to-back pushes.
 */
public final class LiveUpdates {

    private final UI ui;
    private final LiveEvents liveEvents;
    private final long userId;
    private final Set<Consumer<UserEvent>> handlers = new CopyOnWriteArraySet<>();
    private Runnable unsubscribe;

    private LiveUpdates(UI ui, LiveEvents liveEvents, long userId) {
        this.ui = ui;
        this.liveEvents = liveEvents;
        this.userId = userId;
    }

    /**
     * Runs {@code handler} (inside {@code ui.access}) for each event of the user while {@code owner} is
     * attached. Called from a constructor, it subscribes at once, before the view loads its data: an event
     * committed meanwhile waits in the UI's queue and runs after the load, so nothing falls in between.
     */
    public static void bind(Component owner, LiveEvents liveEvents, long userId, Consumer<UserEvent> handler) {
        owner.addAttachListener(event -> of(event.getUI(), liveEvents, userId).add(handler));
        owner.addDetachListener(event -> of(event.getUI(), liveEvents, userId).remove(handler));
        UI ui = owner.getUI().orElseGet(UI::getCurrent);
        if (ui != null) {
            of(ui, liveEvents, userId).add(handler);
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

    private void add(Consumer<UserEvent> handler) {
        handlers.add(handler);
        if (unsubscribe == null) {
            unsubscribe = liveEvents.subscribe(userId, this::deliver);
        }
    }

    private void remove(Consumer<UserEvent> handler) {
        handlers.remove(handler);
        if (handlers.isEmpty()) {
            stop();
        }
    }

    private void deliver(UserEvent event) {
        try {
            ui.access(() -> handlers.forEach(handler -> handler.accept(event)));
        } catch (UIDetachedException closedMeanwhile) {
            stop();
        }
    }

    private synchronized void stop() {
        if (unsubscribe != null) {
            unsubscribe.run();
            unsubscribe = null;
        }
    }
}
