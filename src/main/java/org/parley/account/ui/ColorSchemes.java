package org.parley.account.ui;

import com.vaadin.flow.component.page.ColorScheme;
import com.vaadin.flow.component.page.Page;
import com.vaadin.flow.i18n.I18NProvider;
import org.parley.account.domain.ColorSchemeChoice;

/** Puts a person's colour choice on a page: "system" lets the browser follow the operating system. */
public final class ColorSchemes {

    private ColorSchemes() {}

    public static void apply(Page page, ColorSchemeChoice choice) {
        page.setColorScheme(
                switch (choice) {
                    case SYSTEM -> ColorScheme.Value.LIGHT_DARK;
                    case LIGHT -> ColorScheme.Value.LIGHT;
                    case DARK -> ColorScheme.Value.DARK;
                });
    }

    public static String label(ColorSchemeChoice choice) {
        return I18NProvider.translate("account.colours." + choice.name().toLowerCase());
    }
}
