package org.parley.friends.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.textfield.TextArea;
import org.parley.account.service.UserSummary;
import org.parley.account.ui.UserAvatars;
import org.parley.base.ui.Actions;
import org.parley.base.ui.Badges;
import org.parley.base.ui.Toasts;
import org.parley.base.ui.Words;
import org.parley.friends.service.FriendService;
import org.parley.friends.service.PersonResult;
import org.parley.friends.service.Relationship;

/**
 * One person in a list, with where you stand and the actions that fit: add, cancel, accept or decline,
 * message, unblock; block and remove sit in the overflow menu.
 */
class PersonRow extends Div {

    private final FriendService friends;
    private final Runnable changed;

    PersonRow(PersonResult person, String note, FriendService friends, Runnable changed) {
        this.friends = friends;
        this.changed = changed;
        addClassName("person-row");
        UserSummary user = person.user();
        setTestId("person-" + user.username());
        Div main = new Div(UserAvatars.identity(user));
        main.addClassName("person-main");
        if (note != null) {
            Paragraph quote = new Paragraph("“" + note + "”");
            quote.addClassName("request-note");
            main.add(quote);
        }
        Div actions = new Div();
        actions.addClassName("person-actions");
        switch (person.relationship()) {
            case NONE ->
                actions.add(button(
                        getTranslation("friends.row.add"),
                        VaadinIcon.PLUS,
                        ButtonVariant.LUMO_PRIMARY,
                        () -> openRequestDialog(user)));
            case REQUEST_SENT ->
                actions.add(
                        Badges.of(getTranslation("friends.row.request-sent"), null),
                        button(getTranslation("base.cancel"), null, ButtonVariant.LUMO_TERTIARY, () -> {
                            friends.cancelRequest(person.requestId());
                            Toasts.info(getTranslation("friends.row.cancelled", Words.of(user.shownName())));
                        }));
            case REQUEST_RECEIVED ->
                actions.add(
                        button(
                                getTranslation("friends.row.accept"),
                                VaadinIcon.CHECK,
                                ButtonVariant.LUMO_PRIMARY,
                                () -> {
                                    friends.acceptRequest(person.requestId());
                                    Toasts.success(
                                            getTranslation("friends.row.now-friends", Words.of(user.shownName())));
                                }),
                        button(
                                getTranslation("friends.row.decline"),
                                null,
                                ButtonVariant.LUMO_TERTIARY,
                                () -> friends.declineRequest(person.requestId())));
            case FRIEND ->
                actions.add(
                        Badges.of(getTranslation("friends.row.friend"), "success"),
                        button(
                                getTranslation("friends.row.message"),
                                VaadinIcon.CHAT,
                                ButtonVariant.LUMO_PRIMARY,
                                () -> UI.getCurrent().navigate("chat/with/" + user.id())));
            case BLOCKED ->
                actions.add(
                        Badges.of(getTranslation("friends.row.blocked"), "error"),
                        button(
                                getTranslation("friends.row.unblock"),
                                null,
                                ButtonVariant.LUMO_TERTIARY,
                                () -> friends.unblock(user.id())));
        }
        if (person.relationship() != Relationship.BLOCKED) {
            actions.add(overflowMenu(person));
        }
        add(main, actions);
    }

    private MenuBar overflowMenu(PersonResult person) {
        UserSummary user = person.user();
        MenuBar menu = new MenuBar();
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE, MenuBarVariant.LUMO_ICON);
        MenuItem more = menu.addItem(VaadinIcon.ELLIPSIS_DOTS_V.create());
        more.setAriaLabel(getTranslation("friends.row.more", Words.of(user.shownName())));
        if (person.relationship() == Relationship.FRIEND) {
            more.getSubMenu()
                    .addItem(
                            getTranslation("friends.row.remove"),
                            click -> confirm(
                                    getTranslation("friends.row.remove-question", Words.of(user.shownName())),
                                    getTranslation("friends.row.remove-detail"),
                                    getTranslation("friends.row.remove-confirm"),
                                    () -> friends.removeFriend(user.id())));
        }
        more.getSubMenu()
                .addItem(
                        getTranslation("friends.row.block"),
                        click -> confirm(
                                getTranslation("friends.row.block-question", Words.of(user.shownName())),
                                getTranslation("friends.row.block-detail"),
                                getTranslation("friends.row.block"),
                                () -> friends.block(user.id())));
        return menu;
    }

    private void openRequestDialog(UserSummary user) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("friends.request.title", Words.of(user.shownName())));
        TextArea note = new TextArea(getTranslation("friends.request.note"));
        note.setPlaceholder(getTranslation("friends.request.note-placeholder"));
        note.setMaxLength(FriendService.MAX_NOTE_LENGTH);
        note.setWidthFull();
        note.setTestId("request-note");
        Button send = new Button(getTranslation("friends.request.send"), click -> {
            Relationship result = friends.sendRequest(user.id(), note.getValue());
            dialog.close();
            Toasts.success(
                    result == Relationship.FRIEND
                            ? getTranslation("friends.row.now-friends", Words.of(user.shownName()))
                            : getTranslation("friends.request.sent", Words.of(user.shownName())));
            changed.run();
        });
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.setTestId("request-send");
        dialog.add(note);
        dialog.getFooter().add(new Button(getTranslation("base.cancel"), click -> dialog.close()), send);
        dialog.open();
    }

    private void confirm(String header, String text, String action, Runnable onConfirm) {
        Actions.confirm(header, text, action, true, () -> {
            onConfirm.run();
            changed.run();
        });
    }

    /** A row button that refreshes the list after its act. */
    private Button button(String text, VaadinIcon icon, ButtonVariant variant, Runnable action) {
        return Actions.small(text, icon, variant, () -> {
            action.run();
            changed.run();
        });
    }
}
