package org.parley.account.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.Locale;
import org.parley.account.domain.LanguageChoice;
import org.parley.account.service.AccountService;
import org.parley.base.service.CurrentUser;
import org.parley.base.ui.Translations;
import org.springframework.stereotype.Component;

/**
 * Each new page speaks the language its reader chose in Profile; without a choice (and before signing in) Vaadin
 * has already matched the browser's languages against {@link Translations#getProvidedLocales()}.
 */
@Component
class LanguageInit implements VaadinServiceInitListener {

    private final AccountService accounts;
    private final CurrentUser currentUser;

    LanguageInit(AccountService accounts, CurrentUser currentUser) {
        this.accounts = accounts;
        this.currentUser = currentUser;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> {
            if (currentUser.get().isPresent()) {
                localeOf(accounts.language()).ifPresent(locale -> applyTo(init.getUI(), locale));
            }
        });
    }

    static java.util.Optional<Locale> localeOf(LanguageChoice choice) {
        return switch (choice) {
            case BROWSER -> java.util.Optional.empty();
            case ENGLISH -> java.util.Optional.of(Translations.ENGLISH);
            case CHINESE -> java.util.Optional.of(Translations.CHINESE);
        };
    }

    static void applyTo(UI ui, Locale locale) {
        ui.setLocale(locale);
    }
}
