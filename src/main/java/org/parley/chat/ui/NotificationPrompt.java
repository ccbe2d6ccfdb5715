package org.parley.chat.ui;

import com.vaadin.flow.component.html.Div;

/**
 * Asks once, politely, whether to show notifications: only where the browser has them and has not been answered
 * (the browser's permission is still open and the person did not say "Not now"). "Turn on" asks the browser in the
 * click itself, as browsers require; the choice can be changed any time under Notifications. Built in the page:
 * most tabs never show it, and the server keeps no components for it.
 */
public class NotificationPrompt extends Div {

    private static final String SCRIPT = """
            const prompt = this;
            if (prompt.parleyPrompt) return;
            prompt.parleyPrompt = true;
            const text = document.createElement('span');
            text.textContent = 'Get a notification when a message arrives while Parley is in the background?';
            const turnOn = document.createElement('vaadin-button');
            turnOn.textContent = 'Turn on';
            turnOn.setAttribute('theme', 'primary small');
            const notNow = document.createElement('vaadin-button');
            notNow.textContent = 'Not now';
            notNow.setAttribute('theme', 'tertiary small');
            const buttons = document.createElement('div');
            buttons.className = 'notification-prompt-buttons';
            buttons.append(turnOn, notNow);
            prompt.append(text, buttons);
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
            setTimeout(decide);
            """;

    public NotificationPrompt() {
        addClassName("notification-prompt");
        setTestId("notification-prompt");
        getElement().setAttribute("hidden", true);
        addAttachListener(attach -> getElement().executeJs(SCRIPT));
    }
}
