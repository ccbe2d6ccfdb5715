package org.parley.chat.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;

/**
 * This browser's notification choices: notifications on or off, and a short sound with them. Kept in the browser
 * (where the permission is), set in the page (parley.notificationChoices in scripts/parley.js): turning them on asks
 * the browser for permission in the click itself. Per conversation, "Mute notifications" in its header keeps a busy
 * one quiet.
 */
public class NotificationChoices extends Dialog {

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
        show.addAttachListener(attach -> show.getElement()
                .executeJs(
                        "parley.notificationChoices($0, $1, $2)",
                        show.getElement(),
                        sound.getElement(),
                        note.getElement()));
    }
}
