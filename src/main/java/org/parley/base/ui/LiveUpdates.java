package org.parley.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import java.util.function.Consumer;
import org.parley.base.service.LiveEvents;
import org.parley.base.service.UserEvent;

/**
 * Ties a component to the live events of its user: subscribed while attached, unsubscribed when
 * detached (a closed tab must not leak), and every event handled inside {@code ui.access} so that the
 * change is pushed to the browser at once.
 */
public final class LiveUpdates {

    private Runnable unsubscribe;

    private LiveUpdates() {
    }

    public static void bind(Component owner, LiveEvents liveEvents, long userId, Consumer<UserEvent> handler) {
        LiveUpdates subscription = new LiveUpdates();
        owner.addAttachListener(event -> subscription.start(event.getUI(), liveEvents, userId, handler));
        owner.addDetachListener(event -> subscription.stop());
        owner.getUI().ifPresent(ui -> subscription.start(ui, liveEvents, userId, handler));
    }

    private void start(UI ui, LiveEvents liveEvents, long userId, Consumer<UserEvent> handler) {
        stop();
        unsubscribe = liveEvents.subscribe(userId, event -> {
            try {
                ui.access(() -> handler.accept(event));
            } catch (UIDetachedException closedMeanwhile) {
                stop();
            }
        });
    }

    private void stop() {
        if (unsubscribe != null) {
            unsubscribe.run();
            unsubscribe = null;
        }
    }
}
