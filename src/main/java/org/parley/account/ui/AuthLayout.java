package org.parley.account.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;

/** The centred card with the Parley brand that login and registration share. */
class AuthLayout extends Div {
    AuthLayout(Component... content) {
        addClassName("auth-page");
        var logo = VaadinIcon.CHAT.create();
        logo.addClassName("brand-icon");
        Span name = new Span("Parley");
        name.addClassName("brand-name");
        Div brand = new Div(logo, name);
        brand.addClassName("brand");
        Paragraph tagline = new Paragraph("Chat with your people, in real time.");
        tagline.addClassName("brand-tagline");
        Div card = new Div(brand, tagline);
        card.add(content);
        card.addClassName("auth-card");
        add(card);
    }
}
