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
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.parley.base.service.TooManyAttemptsException;

@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · Parley")
@AnonymousAllowed
public class LoginView extends AuthLayout implements BeforeEnterObserver {

    /** Set by the sign-in throttle when it refused a sign-in: the seconds to wait. */
    public static final String THROTTLED_PARAMETER = "throttled";

    private final LoginForm login = new LoginForm();
    private final Div notice = new Div();
    private final LoginI18n i18n = LoginI18n.createDefault();

    public LoginView() {
        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
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
        secondsToWait(params.get(THROTTLED_PARAMETER)).ifPresent(seconds -> {
            i18n.getErrorMessage().setTitle("Sign-in paused");
            i18n.getErrorMessage()
                    .setMessage("Too many attempts; try again in "
                            + TooManyAttemptsException.inWords(Duration.ofSeconds(seconds)) + ".");
            login.setI18n(i18n);
            login.setError(true);
        });
        if (params.containsKey("registered")) {
            showNotice("Your account is ready. Sign in with your user name and password.");
        } else if (params.containsKey("signed-out")) {
            showNotice("You have signed out.");
        }
    }

    private static Optional<Long> secondsToWait(List<String> values) {
        if (values == null || values.isEmpty() || !values.getFirst().matches("\\d{1,7}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(values.getFirst()));
    }

    private void showNotice(String text) {
        notice.setText(text);
        notice.setVisible(true);
    }
}
