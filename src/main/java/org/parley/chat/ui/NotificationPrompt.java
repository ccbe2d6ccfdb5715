package org.parley.chat.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/**
 * Asks once, politely, whether to show notifications: only where the browser has them and has not been answered
 * (the browser's permission is still open and the person did not say "Not now"). "Turn on" asks the browser in the
 * click itself, as browsers require; the choice can be changed any time under Notifications.
 */
public class NotificationPrompt extends Div {

    private static final String SCRIPT = """
            const prompt = this;
            const [turnOn, notNow] = prompt.querySelectorAll('vaadin-button');
            const decide = () => {
              const notify = window.parleyNotify;
              prompt.hidden = !(notify && notify.supported && Notification.permission === 'default'
                  && !notify.settings().asked);
            };
            turnOn.addEventListener('click', async () => {
              await window.parleyNotify.ask();
              decide();
            });
            notNow.addEventListener('click', () => {
              window.parleyNotify.save({asked: true});
              decide();
            });
            prompt.hidden = true;
            setTimeout(decide);
            """;

    public NotificationPrompt() {
        addClassName("notification-prompt");
        setTestId("notification-prompt");
        Button turnOn = new Button("Turn on");
        turnOn.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        Button notNow = new Button("Not now");
        notNow.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        Div buttons = new Div(turnOn, notNow);
        buttons.addClassName("notification-prompt-buttons");
        add(new Span("Get a notification when a message arrives while Parley is in the background?"), buttons);
        getElement().setAttribute("hidden", true);
        addAttachListener(attach -> getElement().executeJs(SCRIPT));
    }
}
