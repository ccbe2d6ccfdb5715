package org.parley.administration.ui;

import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import org.parley.administration.service.AdministrationLists;
import org.parley.administration.service.AdministrationService;
import org.parley.administration.service.GroupAtAdministration;
import org.parley.base.ui.Actions;
import org.parley.base.ui.FileSizes;
import org.parley.base.ui.Toasts;

/** Administration's groups: find any group, see its size and storage, delete it. */
class GroupsAdministration extends Div {

    private final AdministrationService administration;
    private final SearchedList<GroupAtAdministration> groups;

    GroupsAdministration(AdministrationLists lists, AdministrationService administration) {
        this.administration = administration;
        groups = new SearchedList<>(
                getTranslation("administration.groups.search"), "administration-groups", lists::groups, this::row);
        add(groups);
        groups.refresh();
    }

    private Div row(GroupAtAdministration group) {
        Span name = new Span(group.name());
        name.addClassName("group-name");
        Span facts = new Span(
                getTranslation("administration.groups.facts", group.memberCount(), FileSizes.of(group.storageBytes())));
        facts.addClassName("storage-used");
        Div main = new Div(name, facts);
        main.addClassName("person-main");
        Div actions = new Div(Actions.small(
                getTranslation("administration.groups.delete"),
                VaadinIcon.TRASH,
                ButtonVariant.LUMO_ERROR,
                () -> Actions.confirm(
                        getTranslation("administration.groups.delete-question", group.name()),
                        getTranslation("administration.groups.delete-detail"),
                        getTranslation("administration.groups.delete"),
                        true,
                        () -> {
                            administration.deleteGroup(group.id());
                            Toasts.success(getTranslation("administration.groups.deleted-now", group.name()));
                            groups.refresh();
                        })));
        actions.addClassName("person-actions");
        Div row = new Div(main, actions);
        row.addClassName("person-row");
        row.setTestId("administration-group-" + group.id());
        return row;
    }
}
