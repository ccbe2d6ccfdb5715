package org.parley.administration.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import org.parley.account.service.UserSummary;
import org.parley.account.ui.UserAvatars;
import org.parley.administration.service.AdministrationLists;
import org.parley.administration.service.AdministrationService;
import org.parley.administration.service.PersonAtAdministration;
import org.parley.administration.service.PersonPowers;
import org.parley.base.ui.Actions;
import org.parley.base.ui.Badges;
import org.parley.base.ui.FileSizes;
import org.parley.base.ui.Toasts;
import org.parley.base.ui.Words;

/** Administration's people: find anyone, see their state and storage, and act as the service allows. */
class PeopleAdministration extends Div {

    private final AdministrationService administration;
    private final SearchedList<PersonAtAdministration> people;

    PeopleAdministration(AdministrationLists lists, AdministrationService administration) {
        this.administration = administration;
        people = new SearchedList<>(
                getTranslation("administration.people.search"), "administration-people", lists::people, this::row);
        add(people);
        people.refresh();
    }

    private Div row(PersonAtAdministration person) {
        UserSummary user = person.person();
        Div main = new Div(UserAvatars.identity(user));
        main.addClassName("person-main");
        Span storage = new Span(getTranslation("administration.storage", FileSizes.of(person.storageBytes())));
        storage.addClassName("storage-used");
        main.add(storage);
        Div actions = new Div();
        actions.addClassName("person-actions");
        if (person.administrator()) {
            actions.add(Badges.of(getTranslation("administration.people.administrator"), "success"));
        }
        if (person.disabled()) {
            actions.add(Badges.of(getTranslation("administration.people.disabled"), "error"));
        }
        PersonPowers may = person.powers();
        String name = Words.of(user.shownName());
        if (may.mayDisable()) {
            actions.add(Actions.small(
                    getTranslation("administration.people.disable"),
                    VaadinIcon.BAN,
                    ButtonVariant.LUMO_ERROR,
                    () -> Actions.confirm(
                            getTranslation("administration.people.disable-question", name),
                            getTranslation("administration.people.disable-detail"),
                            getTranslation("administration.people.disable"),
                            true,
                            () -> act(() -> administration.disable(user.id()), "administration.people.disabled-now"))));
        }
        if (may.mayEnable()) {
            actions.add(Actions.small(
                    getTranslation("administration.people.enable"),
                    VaadinIcon.CHECK,
                    ButtonVariant.LUMO_PRIMARY,
                    () -> act(() -> administration.enable(user.id()), "administration.people.enabled-now")));
        }
        if (may.mayMakeAdministrator()) {
            actions.add(Actions.small(
                    getTranslation("administration.people.make-administrator"),
                    null,
                    ButtonVariant.LUMO_TERTIARY,
                    () -> act(() -> administration.makeAdministrator(user.id()), "administration.people.made-now")));
        }
        if (may.mayUnmakeAdministrator()) {
            actions.add(Actions.small(
                    getTranslation("administration.people.unmake-administrator"),
                    null,
                    ButtonVariant.LUMO_TERTIARY,
                    () -> act(
                            () -> administration.unmakeAdministrator(user.id()), "administration.people.unmade-now")));
        }
        if (may.mayResetPassword()) {
            actions.add(Actions.small(
                    getTranslation("administration.people.reset-password"),
                    VaadinIcon.KEY,
                    ButtonVariant.LUMO_TERTIARY,
                    () -> Actions.confirm(
                            getTranslation("administration.people.reset-question", name),
                            getTranslation("administration.people.reset-detail"),
                            getTranslation("administration.people.reset-password"),
                            true,
                            () -> showNewPassword(user, administration.resetPassword(user.id())))));
        }
        Div row = new Div(main, actions);
        row.addClassName("person-row");
        row.setTestId("administration-person-" + user.username());
        return row;
    }

    private void act(Runnable act, String doneKey) {
        act.run();
        Toasts.success(getTranslation(doneKey));
        people.refresh();
    }

    /** The new password, shown once, for the administrator to hand over. */
    private void showNewPassword(UserSummary user, String password) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("administration.people.new-password-title", Words.of(user.shownName())));
        Span secret = new Span(password);
        secret.addClassName("new-password");
        secret.setTestId("new-password");
        dialog.add(new Paragraph(getTranslation("administration.people.new-password-detail")), secret);
        Button done = new Button(getTranslation("administration.people.new-password-done"), click -> dialog.close());
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(done);
        dialog.open();
        people.refresh();
    }
}
