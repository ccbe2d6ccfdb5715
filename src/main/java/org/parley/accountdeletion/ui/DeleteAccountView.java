package org.parley.accountdeletion.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.textfield.TextFieldBase;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.parley.account.service.AccountClosing;
import org.parley.account.ui.LoginView;
import org.parley.accountdeletion.service.AccountDeletion;
import org.parley.base.service.UserFacingException;
import org.parley.base.ui.ViewHeader;
import org.parley.base.ui.Words;

/**
 * Deleting one's account: what goes and what stays, said before anything is asked; then the password (or the user
 * name, for someone whose password is the company's) and a red button.
 */
@Route("profile/delete-account")
@PermitAll
public class DeleteAccountView extends Div implements HasDynamicTitle {

    public DeleteAccountView(AccountDeletion deletion) {
        addClassName("page");
        boolean byPassword = deletion.howToConfirm() == AccountClosing.Confirmation.PASSWORD;
        TextFieldBase<?, String> confirmation = byPassword
                ? new PasswordField(getTranslation("accountdeletion.password"))
                : new TextField(getTranslation("accountdeletion.user-name"));
        confirmation.setTestId("delete-account-confirmation");
        confirmation.setWidthFull();
        Div error = new Div();
        error.addClassName("form-error");
        error.setVisible(false);
        error.setTestId("delete-account-error");

        Button delete = new Button(getTranslation("accountdeletion.delete"));
        delete.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        delete.setTestId("delete-account-confirm");
        delete.addClickShortcut(Key.ENTER);
        delete.addClickListener(click -> {
            try {
                deletion.deleteMyAccount(confirmation.getValue());
                // This session, like the person's others, is signed out already and ends when the sign-in page loads.
                UI.getCurrent().getPage().setLocation("login?" + LoginView.DELETED_PARAMETER);
            } catch (UserFacingException refused) {
                error.setText(Words.of(refused));
                error.setVisible(true);
                confirmation.focus();
            }
        });
        Anchor keep = new Anchor("profile", getTranslation("accountdeletion.keep"));
        keep.setTestId("delete-account-keep");
        Div actions = new Div(delete, keep);
        actions.addClassName("delete-account-actions");

        UnorderedList what = new UnorderedList(
                new ListItem(getTranslation("accountdeletion.what.messages")),
                new ListItem(getTranslation("accountdeletion.what.files")),
                new ListItem(getTranslation("accountdeletion.what.groups")),
                new ListItem(getTranslation("accountdeletion.what.friends")),
                new ListItem(getTranslation("accountdeletion.what.sign-in")));
        Paragraph export = new Paragraph(getTranslation("accountdeletion.export-first"));
        export.addClassName("card-hint");
        Paragraph ask = new Paragraph(getTranslation(
                byPassword ? "accountdeletion.confirm-with-password" : "accountdeletion.confirm-with-user-name"));
        Div card = new Div(
                new H3(getTranslation("accountdeletion.what")), what, export, ask, error, confirmation, actions);
        card.addClassName("card");
        card.addClassName("delete-account-card");
        add(
                new ViewHeader(getTranslation("accountdeletion.heading"), getTranslation("accountdeletion.subtitle")),
                card);
        confirmation.focus();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("accountdeletion.title");
    }
}
