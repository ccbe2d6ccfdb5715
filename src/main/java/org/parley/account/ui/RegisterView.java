package org.parley.account.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.parley.account.service.AccountService;
import org.parley.base.service.UserFacingException;

@Route(value = "register", autoLayout = false)
@PageTitle("Create an account · Parley")
@AnonymousAllowed
public class RegisterView extends AuthLayout {

    final TextField username = new TextField("User name");
    final TextField displayName = new TextField("Display name");
    final PasswordField password = new PasswordField("Password");
    final PasswordField confirm = new PasswordField("Repeat password");
    final Button create = new Button("Create account");
    final Div error = new Div();

    public RegisterView(AccountService accounts) {
        username.setHelperText("3–32 letters, digits, dots, underscores or hyphens");
        username.setMaxLength(32);
        username.setRequired(true);
        username.setTestId("register-username");
        displayName.setHelperText("How others see you, e.g. Ann Lee");
        displayName.setMaxLength(AccountService.MAX_DISPLAY_NAME_LENGTH);
        displayName.setRequired(true);
        displayName.setTestId("register-display-name");
        password.setHelperText("At least " + AccountService.MIN_PASSWORD_LENGTH + " characters");
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
                showError("The two passwords differ.");
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
                showError(e.getMessage());
            }
        });

        FormLayout form = new FormLayout(username, displayName, password, confirm);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        RouterLink signIn = new RouterLink("Sign in", LoginView.class);
        Div footer = new Div(new Span("Already have an account? "), signIn);
        footer.addClassName("auth-footer");
        H2 title = new H2("Create your account");
        title.addClassName("auth-title");
        addToCard(title, error, form, create, footer);
    }

    private void showError(String message) {
        error.setText(message);
        error.setVisible(true);
    }
}
