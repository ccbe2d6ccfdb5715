package org.parley.administration.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.parley.administration.service.AdministrationLists;
import org.parley.administration.service.AdministrationLogLine;
import org.parley.administration.service.AdministrationService;
import org.parley.base.ui.EmptyState;
import org.parley.base.ui.ViewHeader;
import org.parley.base.ui.Words;

/**
 * Running the server (server administrators only): people and their accounts, groups, and what administrators did.
 * Anyone else finds a page that says it is not theirs; the services refuse them anyway.
 */
@Route("administration")
@PermitAll
public class AdministrationView extends Div implements HasDynamicTitle {

    private final AdministrationLists lists;
    private final Div logList = new Div();

    public AdministrationView(AdministrationLists lists, AdministrationService administration) {
        this.lists = lists;
        addClassNames("page", "administration-page");
        add(new ViewHeader(getTranslation("administration.heading"), getTranslation("administration.subtitle")));
        if (!lists.amAdministrator()) {
            add(new EmptyState(
                    VaadinIcon.LOCK,
                    getTranslation("administration.not-yours"),
                    getTranslation("administration.not-yours-detail")));
            return;
        }
        TabSheet tabs = new TabSheet();
        tabs.setWidthFull();
        tabs.add(getTranslation("administration.tab.people"), new PeopleAdministration(lists, administration));
        tabs.add(getTranslation("administration.tab.groups"), new GroupsAdministration(lists, administration));
        logList.addClassName("list");
        logList.setTestId("administration-log");
        tabs.add(getTranslation("administration.tab.log"), logList);
        tabs.addSelectedChangeListener(change -> {
            if (change.getSelectedTab().getLabel().equals(getTranslation("administration.tab.log"))) {
                showLog();
            }
        });
        add(tabs);
    }

    private void showLog() {
        logList.removeAll();
        var lines = lists.log();
        if (lines.isEmpty()) {
            logList.add(new EmptyState(
                    VaadinIcon.RECORDS,
                    getTranslation("administration.log.empty"),
                    getTranslation("administration.log.empty-detail")));
        }
        for (AdministrationLogLine line : lines) {
            Span when = new Span(Words.of(line.at()));
            when.addClassName("log-time");
            Span what = new Span(getTranslation("administration.log.line", line.administrator(), Words.of(line.act())));
            Div row = new Div(when, what);
            row.addClassName("log-row");
            logList.add(row);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("administration.title");
    }
}
