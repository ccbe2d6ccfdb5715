package org.parley.groups.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.i18n.I18NProvider;
import java.util.List;
import org.parley.account.service.AccountService;
import org.parley.account.ui.OnlinePresence;
import org.parley.base.service.CurrentUser;
import org.parley.base.service.LiveEvents;
import org.parley.base.ui.LiveUpdates;
import org.parley.chat.service.ChatService;
import org.parley.chat.service.ConversationDetails;
import org.parley.chat.ui.ConversationHeaderActions;
import org.parley.groups.service.GroupChanged;
import org.parley.groups.service.GroupModeration;
import org.parley.groups.service.GroupRequests;
import org.parley.groups.service.GroupService;
import org.parley.groups.service.GroupSettings;
import org.parley.groups.service.GroupSummary;

/**
 * Puts "Members" (with the number of people waiting to join, for administrators) into a group
 * conversation's header; it opens the group's panel.
 */
@org.springframework.stereotype.Component
class GroupHeaderActions implements ConversationHeaderActions {

    private final GroupService groups;
    private final GroupRequests requests;
    private final GroupModeration moderation;
    private final GroupSettings groupSettings;
    private final AccountService accounts;
    private final LiveEvents liveEvents;
    private final CurrentUser currentUser;
    private final ChatService chat;
    private final OnlinePresence presence;

    GroupHeaderActions(
            GroupService groups,
            GroupRequests requests,
            GroupModeration moderation,
            GroupSettings groupSettings,
            AccountService accounts,
            LiveEvents liveEvents,
            CurrentUser currentUser,
            ChatService chat,
            OnlinePresence presence) {
        this.chat = chat;
        this.presence = presence;
        this.groups = groups;
        this.requests = requests;
        this.moderation = moderation;
        this.groupSettings = groupSettings;
        this.accounts = accounts;
        this.liveEvents = liveEvents;
        this.currentUser = currentUser;
    }

    @Override
    public List<Component> actionsFor(ConversationDetails conversation) {
        if (!conversation.isGroup()) {
            return List.of();
        }
        GroupSummary group = groups.groupOfConversation(conversation.id());
        long me = currentUser.requireId();
        Button members = new Button(I18NProvider.translate("groups.members"), VaadinIcon.USERS.create());
        members.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        members.setTestId("group-members-button");
        members.addClickListener(click -> new GroupPanel(
                        groups,
                        requests,
                        moderation,
                        groupSettings,
                        accounts,
                        chat,
                        liveEvents,
                        presence,
                        group.id(),
                        me)
                .open());
        boolean admin = groups.myPowers(group.id()).administer();
        if (!admin) {
            return List.of(members);
        }
        Badge waiting = new Badge();
        waiting.getElement().getThemeList().add("error pill small");
        waiting.setTestId("group-requests-badge");
        showCount(members, waiting, requests.pendingRequestCount(group.id()));
        members.setSuffixComponent(waiting);
        LiveUpdates.bind(members, liveEvents, me, event -> {
            if (event instanceof GroupChanged changed && changed.groupId() == group.id()) {
                try {
                    showCount(members, waiting, requests.pendingRequestCount(group.id()));
                } catch (RuntimeException noLongerAdmin) {
                    showCount(members, waiting, 0);
                }
            }
        });
        return List.of(members);
    }

    /** The badge is only seen; the button's name says the same to a screen reader. */
    private static void showCount(Button members, Badge badge, long count) {
        badge.setText(String.valueOf(count));
        badge.setVisible(count > 0);
        badge.getElement().setAttribute("aria-hidden", "true");
        members.setAriaLabel(
                count > 0
                        ? I18NProvider.translate("groups.members-waiting", count)
                        : I18NProvider.translate("groups.members"));
    }
}
