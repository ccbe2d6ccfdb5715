package org.parley.account.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;

@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · Parley")
@AnonymousAllowed
public class LoginView extends AuthLayout implements BeforeEnterObserver {

    private final LoginForm login = new LoginForm();
    private final Div notice = new Div();

    public LoginView() {
        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("Sign in");
        i18n.getForm().setUsername("User name");
        i18n.getForm().setSubmit("Sign in");
        i18n.getErrorMessage().setTitle("Wrong user name or password");
        i18n.getErrorMessage().setMessage("Check both and try again. User names ignore case.");
        login.setI18n(i18n);
        login.setTestId("login-form");
        notice.addClassName("auth-notice");
        notice.setVisible(false);
        RouterLink register = new RouterLink("Create an account", RegisterView.class);
        register.setTestId("register-link");
        Div footer = new Div(new com.vaadin.flow.component.html.Span("New to Parley? "), register);
        footer.addClassName("auth-footer");
        addToCard(notice, login, footer);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var params = event.getLocation().getQueryParameters().getParameters();
        login.setError(params.containsKey("error"));
        if (params.containsKey("registered")) {
            showNotice("Your account is ready. Sign in with your user name and password.");
        } else if (params.containsKey("signed-out")) {
            showNotice("You have signed out.");
        }
    }

    private void showNotice(String text) {
        notice.setText(text);
        notice.setVisible(true);
    }
}
