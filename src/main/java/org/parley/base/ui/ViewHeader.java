package org.parley.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;

/** The title block every page starts with. */
public class ViewHeader extends Div {
    public ViewHeader(String title, String subtitle, Component... actions) {
        addClassName("view-header");
        Div text = new Div(new H2(title));
        if (subtitle != null) {
            Paragraph sub = new Paragraph(subtitle);
            sub.addClassName("view-subtitle");
            text.add(sub);
        }
        add(text);
        if (actions.length > 0) {
            Div actionBox = new Div(actions);
            actionBox.addClassName("view-header-actions");
            add(actionBox);
        }
    }
}
