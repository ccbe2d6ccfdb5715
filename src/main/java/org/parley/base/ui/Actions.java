package org.parley.base.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.i18n.I18NProvider;

/** The small row buttons and the "are you sure?" dialogs that lists share. */
public final class Actions {

    private Actions() {}

    /** A small button for a row of a list; {@code icon} may be null. */
    public static Button small(String text, VaadinIcon icon, ButtonVariant variant, Runnable action) {
        Button button = icon == null ? new Button(text) : new Button(text, icon.create());
        button.addThemeVariants(variant, ButtonVariant.LUMO_SMALL);
        button.addClickListener(click -> action.run());
        return button;
    }

    /** Asks before an act that is hard to undo; {@code destructive} paints the confirm button red. */
    public static void confirm(String header, String text, String action, boolean destructive, Runnable onConfirm) {
        ConfirmDialog dialog = new ConfirmDialog(header, text, action, event -> onConfirm.run());
        dialog.setCancelable(true);
        dialog.setCancelText(I18NProvider.translate("base.cancel"));
        if (destructive) {
            dialog.setConfirmButtonTheme("error primary");
        }
        dialog.open();
    }
}
