package org.parley.base.ui;

import com.vaadin.flow.component.badge.Badge;

/** Status badges ("Friend", "Muted", "Request pending") look the same everywhere. */
public final class Badges {

    private Badges() {}

    /** A badge with an optional Lumo theme such as "success" or "error". */
    public static Badge of(String text, String theme) {
        Badge badge = new Badge(text);
        if (theme != null) {
            badge.getElement().getThemeList().add(theme);
        }
        return badge;
    }
}
