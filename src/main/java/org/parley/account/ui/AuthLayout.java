package org.parley.account.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;

/** The centred card with the Parley brand that login and registration share. */
class AuthLayout extends Div {

    private final Div card = new Div();

    AuthLayout() {
        addClassName("auth-page");
        var logo = VaadinIcon.CHAT.create();
        logo.addClassName("brand-icon");
        Span name = new Span("Parley");
        name.addClassName("brand-name");
        Div brand = new Div(logo, name);
        brand.addClassName("brand");
        Paragraph tagline = new Paragraph(getTranslation("account.tagline"));
        tagline.addClassName("brand-tagline");
        card.add(brand, tagline);
        card.addClassName("auth-card");
        add(card);
    }

    /** Views put their form inside the card, below the brand. */
    void addToCard(Component... content) {
        card.add(content);
    }
}
