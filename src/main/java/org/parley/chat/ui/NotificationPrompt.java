package org.parley.chat.ui;

import com.vaadin.flow.component.html.Div;

/**
 * Asks once, politely, whether to show notifications: only where the browser has them and has not been answered
 * (the browser's permission is still open and the person did not say "Not now"). "Turn on" asks the browser in the
 * click itself, as browsers require; the choice can be changed any time under Notifications. Built in the page
 * (parley.notificationPrompt in scripts/parley.js): most tabs never show it, and the server keeps no components for
 * it.
 */
public class NotificationPrompt extends Div {

    public NotificationPrompt() {
        addClassName("notification-prompt");
        setTestId("notification-prompt");
        getElement().setAttribute("hidden", true);
        addAttachListener(attach -> getElement()
                .executeJs(
                        "parley.notificationPrompt(this, $0, $1, $2)",
                        getTranslation("chat.notifications.prompt"),
                        getTranslation("chat.notifications.turn-on"),
                        getTranslation("chat.notifications.not-now")));
    }
}
