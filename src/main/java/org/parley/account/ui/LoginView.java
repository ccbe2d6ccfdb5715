package org.parley.account.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.parley.account.service.SignInOptions;
import org.parley.base.service.TooManyAttemptsException;
import org.parley.base.ui.Words;

@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public class LoginView extends AuthLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** Set by the sign-in throttle when it refused a sign-in: the seconds to wait. */
    public static final String THROTTLED_PARAMETER = "throttled";

    /** Set when the person deleted their account: every tab of theirs comes here. */
    public static final String DELETED_PARAMETER = "deleted";

    /** Set when signing in with an identity provider did not work: refused, expired, or the account disabled. */
    public static final String PROVIDER_FAILED_PARAMETER = "provider-failed";

    private final LoginForm login = new LoginForm();
    private final Div notice = new Div();
    private final LoginI18n i18n = LoginI18n.createDefault();

    public LoginView(SignInOptions options) {
        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
        i18n.getForm().setTitle(getTranslation("account.sign-in"));
        i18n.getForm().setUsername(getTranslation("account.username"));
        i18n.getForm().setPassword(getTranslation("account.password"));
        i18n.getForm().setSubmit(getTranslation("account.sign-in"));
        i18n.getErrorMessage().setTitle(getTranslation("account.login.wrong"));
        i18n.getErrorMessage().setMessage(getTranslation("account.login.wrong-detail"));
        login.setI18n(i18n);
        login.setTestId("login-form");
        notice.addClassName("auth-notice");
        notice.setVisible(false);
        addToCard(notice);
        for (SignInOptions.Provider provider : options.providers()) {
            addToCard(providerButton(provider));
        }
        if (!options.providers().isEmpty() && options.passwordForm()) {
            Div or = new Div(new Span(getTranslation("account.login.or")));
            or.addClassName("auth-or");
            addToCard(or);
        }
        login.setVisible(options.passwordForm());
        addToCard(login);
        if (options.localPasswords()) {
            RouterLink register = new RouterLink(getTranslation("account.create-an-account"), RegisterView.class);
            register.setTestId("register-link");
            Div footer = new Div(new Span(getTranslation("account.new-to-parley") + " "), register);
            footer.addClassName("auth-footer");
            addToCard(footer);
        }
    }

    /** A link that leaves Vaadin's router: the browser goes to the provider's own sign-in page and comes back. */
    private Anchor providerButton(SignInOptions.Provider provider) {
        Anchor button = new Anchor(provider.path(), getTranslation("account.login.with-provider", provider.name()));
        button.setRouterIgnore(true);
        button.addClassName("provider-sign-in");
        button.setTestId("provider-sign-in");
        return button;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var params = event.getLocation().getQueryParameters().getParameters();
        login.setError(params.containsKey("error"));
        secondsToWait(params.get(THROTTLED_PARAMETER)).ifPresent(seconds -> {
            i18n.getErrorMessage().setTitle(getTranslation("account.login.paused"));
            i18n.getErrorMessage()
                    .setMessage(getTranslation(
                            "account.login.paused-detail",
                            Words.of(TooManyAttemptsException.waitPhrase(Duration.ofSeconds(seconds)))));
            login.setI18n(i18n);
            login.setError(true);
        });
        if (params.containsKey("registered")) {
            showNotice(getTranslation("account.login.registered"));
        } else if (params.containsKey("signed-out")) {
            showNotice(getTranslation("account.login.signed-out"));
        } else if (params.containsKey("ended")) {
            showNotice(getTranslation("account.login.ended"));
        } else if (params.containsKey(DELETED_PARAMETER)) {
            showNotice(getTranslation("account.login.deleted"));
        } else if (params.containsKey(PROVIDER_FAILED_PARAMETER)) {
            showNotice(getTranslation("account.login.provider-failed"));
            notice.addClassName("auth-notice-failed");
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("account.sign-in.title");
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
