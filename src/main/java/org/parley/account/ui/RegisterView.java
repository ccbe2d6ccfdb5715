package org.parley.account.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.parley.account.service.AccountService;
import org.parley.account.service.SignInOptions;
import org.parley.base.service.UserFacingException;
import org.parley.base.ui.Words;

@Route(value = "register", autoLayout = false)
@AnonymousAllowed
public class RegisterView extends AuthLayout implements HasDynamicTitle {

    final TextField username = new TextField(getTranslation("account.username"));
    final TextField displayName = new TextField(getTranslation("account.display-name"));
    final PasswordField password = new PasswordField(getTranslation("account.password"));
    final PasswordField confirm = new PasswordField(getTranslation("account.register.repeat-password"));
    final Button create = new Button(getTranslation("account.register.create"));
    final Div error = new Div();

    public RegisterView(AccountService accounts, SignInOptions options) {
        username.setHelperText(getTranslation("account.register.username-help"));
        username.setMaxLength(32);
        username.setRequired(true);
        username.setTestId("register-username");
        displayName.setHelperText(getTranslation("account.register.display-name-help"));
        displayName.setMaxLength(AccountService.MAX_DISPLAY_NAME_LENGTH);
        displayName.setRequired(true);
        displayName.setTestId("register-display-name");
        password.setHelperText(getTranslation("account.password-help", AccountService.MIN_PASSWORD_LENGTH));
        password.setRequired(true);
        password.setTestId("register-password");
        confirm.setRequired(true);
        confirm.setTestId("register-confirm");
        error.addClassName("form-error");
        error.setVisible(false);
        error.setTestId("register-error");

        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setWidthFull();
        create.addClickShortcut(Key.ENTER);
        create.setTestId("register-submit");
        create.addClickListener(click -> {
            if (!password.getValue().equals(confirm.getValue())) {
                showError(getTranslation("account.register.passwords-differ"));
                return;
            }
            try {
                accounts.register(
                        username.getValue(),
                        displayName.getValue(),
                        password.getValue(),
                        VaadinSession.getCurrent().getBrowser().getAddress());
                getUI().ifPresent(ui -> ui.getPage().setLocation("login?registered"));
            } catch (UserFacingException e) {
                showError(Words.of(e));
            }
        });

        FormLayout form = new FormLayout(username, displayName, password, confirm);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        RouterLink signIn = new RouterLink(getTranslation("account.sign-in"), LoginView.class);
        Div footer = new Div(new Span(getTranslation("account.register.have-an-account") + " "), signIn);
        footer.addClassName("auth-footer");
        H2 title = new H2(getTranslation("account.register.heading"));
        title.addClassName("auth-title");
        if (options.localPasswords()) {
            addToCard(title, error, form, create, footer);
        } else {
            // Accounts come from the company's provider or directory, made on the first sign-in.
            Paragraph closed = new Paragraph(getTranslation("account.register.closed"));
            closed.setTestId("register-closed");
            addToCard(title, closed, footer);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("account.register.title");
    }

    private void showError(String message) {
        error.setText(message);
        error.setVisible(true);
    }
}
