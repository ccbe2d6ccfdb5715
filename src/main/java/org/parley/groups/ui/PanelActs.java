package org.parley.groups.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.i18n.I18NProvider;
import java.util.function.Consumer;
import org.parley.base.service.UserFacingException;
import org.parley.base.ui.Toasts;
import org.parley.base.ui.Words;
import org.parley.groups.service.GroupService;

/** How the group panel carries out an act: say why when it is refused, then show the panel as it now is. */
final class PanelActs {

    private final Runnable refresh;

    PanelActs(Runnable refresh) {
        this.refresh = refresh;
    }

    /** Runs the act and refreshes the panel; false (and the reason shown) when it was refused. */
    boolean act(Runnable action) {
        boolean done = false;
        try {
            action.run();
            done = true;
        } catch (UserFacingException refused) {
            Toasts.error(Words.of(refused));
        }
        refresh.run();
        return done;
    }

    /** Asks for an optional reason, then runs the act with it. */
    void withReason(String title, Consumer<String> action) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(title);
        TextField reason = new TextField(I18NProvider.translate("groups.reason"));
        reason.setMaxLength(GroupService.MAX_REASON_LENGTH);
        reason.setWidthFull();
        reason.setTestId("reason");
        Button confirm = new Button(I18NProvider.translate("groups.reason.confirm"), c -> {
            dialog.close();
            act(() -> action.accept(reason.getValue()));
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setTestId("reason-confirm");
        dialog.add(reason);
        dialog.getFooter().add(new Button(I18NProvider.translate("base.cancel"), c -> dialog.close()), confirm);
        dialog.open();
    }
}
