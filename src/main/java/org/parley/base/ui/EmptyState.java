package org.parley.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;

/** What a list shows when it has nothing yet: what this is, and what to do next. */
public class EmptyState extends Div {
    public EmptyState(VaadinIcon icon, String title, String hint, Component... actions) {
        addClassName("empty-state");
        var symbol = icon.create();
        symbol.addClassName("empty-state-icon");
        Span heading = new Span(title);
        heading.addClassName("empty-state-title");
        add(symbol, heading, new Paragraph(hint));
        if (actions.length > 0) {
            add(new Div(actions));
        }
    }
}
