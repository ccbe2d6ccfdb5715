package org.parley.administration.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.List;
import java.util.function.Function;

/** A search box over a list that shows what {@code find} answers for it, a row each, as you type. */
class SearchedList<T> extends Div {

    private final TextField search = new TextField();
    private final Div list = new Div();
    private final Function<String, List<T>> find;
    private final Function<T, Component> row;

    SearchedList(String placeholder, String testId, Function<String, List<T>> find, Function<T, Component> row) {
        this.find = find;
        this.row = row;
        search.setPlaceholder(placeholder);
        search.setAriaLabel(placeholder);
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setValueChangeTimeout(250);
        search.setWidthFull();
        search.setTestId(testId + "-search");
        search.addValueChangeListener(change -> refresh());
        list.addClassName("list");
        list.setTestId(testId);
        add(search, list);
    }

    /** Asks again for the current search (after an act changed what the rows say). */
    void refresh() {
        list.removeAll();
        // What the list shows the results of (a test waits for its search to have been answered).
        list.getElement().setAttribute("data-query", search.getValue());
        find.apply(search.getValue()).forEach(item -> list.add(row.apply(item)));
    }
}
