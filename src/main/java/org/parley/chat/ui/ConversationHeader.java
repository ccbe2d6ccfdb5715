package org.parley.chat.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.List;
import org.parley.account.service.UserSummary;
import org.parley.account.ui.UserAvatars;
import org.parley.base.service.UserFacingException;
import org.parley.base.ui.Badges;
import org.parley.base.ui.Toasts;
import org.parley.base.ui.Words;
import org.parley.chat.service.ConversationDetails;
import org.parley.chat.service.ConversationNotifications;
import org.parley.friends.service.FriendService;
import org.parley.friends.service.Relationship;

/**
 * The open conversation's header: who or which group it is, whether it is temporary (with Add friend), and what
 * other features put there ({@link ConversationHeaderActions}, such as a group's Members button).
 */
class ConversationHeader extends Div {

    private final FriendService friends;
    private final ConversationNotifications notifications;
    private final List<ConversationHeaderActions> actions;

    ConversationHeader(
            FriendService friends, ConversationNotifications notifications, List<ConversationHeaderActions> actions) {
        this.friends = friends;
        this.notifications = notifications;
        this.actions = actions;
        addClassName("conversation-header");
        setTestId("conversation-header");
    }

    void show(ConversationDetails details) {
        removeAll();
        Button back = new Button(
                VaadinIcon.ARROW_LEFT.create(), click -> UI.getCurrent().navigate(ChatView.class));
        back.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        back.addClassName("back-button");
        back.setAriaLabel(getTranslation("chat.header.back"));
        UserSummary partner = details.partner();
        Avatar avatar = details.isGroup()
                ? ConversationRow.groupAvatar(Words.of(details.title()), details.groupAvatarUrl())
                : UserAvatars.avatar(partner);
        H3 name = new H3(Words.of(details.title()));
        Span handle = new Span(details.isGroup() ? getTranslation("chat.header.group") : partner.handle());
        handle.addClassName("identity-handle");
        Div text = new Div(name, handle);
        text.addClassName("identity-text");
        text.addClassName("conversation-title");
        add(back, avatar, text);
        if (details.isTemporary()) {
            handle.setText(getTranslation("chat.header.from", partner.handle(), details.temporaryFrom()));
            var temporary = Badges.of(getTranslation("chat.header.temporary"), "warning");
            temporary.setTestId("temporary-badge");
            temporary.getElement().setAttribute("title", getTranslation("chat.header.temporary-detail"));
            name.add(temporary);
            add(addFriendButton(partner));
        }
        add(muteButton(details.id()));
        for (ConversationHeaderActions extension : actions) {
            extension.actionsFor(details).forEach(this::add);
        }
    }

    /** The bell: mutes this conversation's notifications for the caller (the badge stays; mentions still notify). */
    private Button muteButton(long conversationId) {
        Button bell = new Button();
        bell.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        bell.addClassName("mute-notifications");
        bell.setTestId("mute-notifications");
        bell.setAriaLabel(getTranslation("chat.header.mute"));
        // What the service said when the header was shown, then what the caller set here: no query per click.
        boolean[] muted = {notifications.notificationsMuted(conversationId)};
        Runnable render = () -> {
            bell.setIcon(muted[0] ? VaadinIcon.BELL_SLASH.create() : VaadinIcon.BELL_O.create());
            bell.getElement().setAttribute("aria-pressed", String.valueOf(muted[0]));
            // A title, not a Vaadin tooltip: a tooltip is a component of its own in every open tab.
            bell.getElement()
                    .setAttribute(
                            "title",
                            muted[0]
                                    ? getTranslation("chat.header.muted-detail")
                                    : getTranslation("chat.header.mute-detail"));
        };
        render.run();
        bell.addClickListener(click -> {
            notifications.muteNotifications(conversationId, !muted[0]);
            muted[0] = !muted[0];
            render.run();
        });
        return bell;
    }

    private Button addFriendButton(UserSummary partner) {
        Button add = new Button(getTranslation("friends.row.add"), VaadinIcon.USER_CHECK.create());
        add.addThemeVariants(ButtonVariant.LUMO_SMALL);
        add.setTestId("temporary-add-friend");
        add.addClassName("add-friend");
        Relationship relationship = friends.relationshipWith(partner.id());
        if (relationship == Relationship.REQUEST_SENT) {
            add.setText(getTranslation("friends.row.request-sent"));
            add.setEnabled(false);
        }
        add.addClickListener(click -> {
            try {
                Relationship now = friends.sendRequest(partner.id(), null);
                if (now == Relationship.FRIEND) {
                    Toasts.success(getTranslation("friends.row.now-friends", Words.of(partner.shownName())));
                } else {
                    Toasts.success(getTranslation("friends.request.sent", Words.of(partner.shownName())));
                    add.setText(getTranslation("friends.row.request-sent"));
                    add.setEnabled(false);
                }
            } catch (UserFacingException refused) {
                Toasts.error(Words.of(refused));
            }
        });
        return add;
    }
}
