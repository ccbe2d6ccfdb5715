package org.parley.chat.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;

/**
 * This browser's notification choices: notifications on or off, and a short sound with them. Kept in the browser
 * (where the permission is), set in the page: turning them on asks the browser for permission in the click itself.
 * Per conversation, "Mute notifications" in its header keeps a busy one quiet.
 */
public class NotificationChoices extends Dialog {

    private static final String SCRIPT = """
            const [show, sound, note] = [$0, $1, $2];
            const notify = window.parleyNotify;
            const render = () => {
              const settings = notify.settings();
              show.checked = !!settings.enabled && notify.granted();
              sound.checked = !!settings.sound;
              sound.disabled = !show.checked;
              note.textContent = !notify.supported ? 'This browser does not show notifications.'
                  : Notification.permission === 'denied'
                      ? 'This browser blocks notifications from Parley: allow them in its site settings.'
                      : 'Shown when Parley is in the background, for messages to you and your groups.';
            };
            show.addEventListener('change', async () => {
              if (show.checked && !notify.granted()) await notify.ask();
              else notify.save({enabled: show.checked, asked: true});
              render();
            });
            sound.addEventListener('change', () => { notify.save({sound: sound.checked}); render(); });
            render();
            """;

    public NotificationChoices() {
        setHeaderTitle("Notifications");
        Checkbox show = new Checkbox("Show a notification when a message arrives");
        show.setTestId("notify-show");
        Checkbox sound = new Checkbox("Play a short sound with it");
        sound.setTestId("notify-sound");
        Paragraph note = new Paragraph();
        note.addClassName("hint");
        note.setTestId("notify-note");
        add(show, sound, note);
        getFooter().add(new Button("Close", click -> close()));
        show.addAttachListener(attach ->
                show.getElement().executeJs(SCRIPT, show.getElement(), sound.getElement(), note.getElement()));
    }
}
