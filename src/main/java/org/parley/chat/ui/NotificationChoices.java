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
        setHeaderTitle(getTranslation("navigation.notifications"));
        Checkbox show = new Checkbox(getTranslation("chat.notifications.show"));
        show.setTestId("notify-show");
        Checkbox sound = new Checkbox(getTranslation("chat.notifications.sound"));
        sound.setTestId("notify-sound");
        Paragraph note = new Paragraph();
        note.addClassName("hint");
        note.setTestId("notify-note");
        add(show, sound, note);
        getFooter().add(new Button(getTranslation("base.close"), click -> close()));
        show.addAttachListener(attach -> show.getElement()
                .executeJs(
                        "parley.notificationChoices($0, $1, $2, {unsupported: $3, blocked: $4, shown: $5})",
                        show.getElement(),
                        sound.getElement(),
                        note.getElement(),
                        getTranslation("chat.notifications.unsupported"),
                        getTranslation("chat.notifications.blocked"),
                        getTranslation("chat.notifications.shown")));
    }
}
