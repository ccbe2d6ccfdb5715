package org.parley.base.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/** The one way views tell people what happened. */
public final class Toasts {

    private Toasts() {}

    public static void success(String text) {
        show(text, NotificationVariant.LUMO_SUCCESS, 3000);
    }

    public static void info(String text) {
        show(text, NotificationVariant.LUMO_CONTRAST, 4000);
    }

    public static void error(String text) {
        show(text, NotificationVariant.LUMO_ERROR, 5000);
    }

    private static void show(String text, NotificationVariant variant, int durationMillis) {
        Notification notification = new Notification(text, durationMillis, Notification.Position.BOTTOM_CENTER);
        notification.addThemeVariants(variant);
        notification.addClassName("parley-toast");
        notification.open();
    }
}
