package org.parley.groups.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import org.parley.account.service.AccountService;
import org.parley.account.service.UserSummary;
import org.parley.account.ui.OnlinePresence;
import org.parley.account.ui.UserAvatars;
import org.parley.base.service.LiveEvents;
import org.parley.base.service.UserFacingException;
import org.parley.base.ui.Badges;
import org.parley.base.ui.LiveUpdates;
import org.parley.base.ui.ReaderZone;
import org.parley.base.ui.Toasts;
import org.parley.base.ui.Words;
import org.parley.chat.service.ChatService;
import org.parley.groups.domain.GroupMember.Role;
import org.parley.groups.service.AdminLogView;
import org.parley.groups.service.GroupChanged;
import org.parley.groups.service.GroupMemberView;
import org.parley.groups.service.GroupModeration;
import org.parley.groups.service.GroupPowers;
import org.parley.groups.service.GroupRequests;
import org.parley.groups.service.GroupService;
import org.parley.groups.service.GroupSettings;
import org.parley.groups.service.GroupSummary;
import org.parley.groups.service.JoinRequestView;

/**
 * A group's members and, for administrators, its request queue, bans, log and settings. Each action
 * offered is one the service will allow; the service checks again all the same. Kept live.
 */
class GroupPanel extends Dialog {

    /** Times in the reader's zone (ReaderZone). */
    private final GroupService groups;

    private final GroupRequests requests;
    private final GroupModeration moderation;
    private final ChatService chat;
    private final long groupId;
    private final long me;
    private final TabSheet tabs = new TabSheet();
    private final Div memberList = new Div();
    private final Div requestList = new Div();
    private final Div bannedList = new Div();
    private final Div logList = new Div();
    private final GroupSettingsTab settings;
    private final PanelActs acts = new PanelActs(this::refresh);
    private Tab requestsTab;
    private Set<Long> online = Set.of();
    private final OnlinePresence.Watch presenceWatch;
    private List<GroupMemberView> lastMembers = List.of();

    GroupPanel(
            GroupService groups,
            GroupRequests requests,
            GroupModeration moderation,
            GroupSettings groupSettings,
            AccountService accounts,
            ChatService chat,
            LiveEvents liveEvents,
            OnlinePresence presence,
            long groupId,
            long me) {
        this.groups = groups;
        this.requests = requests;
        this.moderation = moderation;
        this.chat = chat;
        this.groupId = groupId;
        this.me = me;
        this.settings = new GroupSettingsTab(groups, groupSettings, accounts, groupId, acts, () -> {
            close();
            UI.getCurrent().navigate("chat");
        });
        addClassName("group-panel");
        setTestId("group-panel");
        memberList.setTestId("group-members");
        requestList.setTestId("group-requests");
        tabs.add(getTranslation("groups.members"), memberList);
        getFooter().add(new Button(getTranslation("base.close"), click -> close()));
        add(tabs);
        LiveUpdates.bind(this, liveEvents, me, event -> {
            if (event instanceof GroupChanged changed && changed.groupId() == groupId) {
                refresh();
            }
        });
        presenceWatch = presence.watch(this, nowOnline -> {
            online = nowOnline;
            // Presence changes re-draw what is already loaded: no query per person coming or going.
            if (lastMembers != null) {
                renderMembers(lastMembers);
            }
        });
        refresh();
    }

    private void refresh() {
        GroupPowers powers;
        try {
            powers = groups.myPowers(groupId);
        } catch (UserFacingException noLongerMember) {
            close();
            return;
        }
        boolean admin = powers.administer();
        if (tabs.getTabCount() == 1) {
            if (admin) {
                requestsTab = tabs.add(getTranslation("groups.panel.requests"), requestList);
                requestsTab.setId("group-requests-tab");
                tabs.add(getTranslation("groups.panel.banned"), bannedList);
                tabs.add(getTranslation("groups.panel.log"), logList);
            }
            tabs.add(getTranslation("groups.panel.settings"), settings);
        } else if (admin != (requestsTab != null)) {
            // Appointed or dismissed while the panel was open: reopening shows the right tabs.
            close();
            return;
        }
        GroupSummary group = groups.group(groupId);
        setHeaderTitle(getTranslation("groups.panel.title", group.name(), group.memberCount()));
        List<GroupMemberView> members = groups.members(groupId);
        lastMembers = members;
        // Whose presence the panel shows: its members, nobody else's. Draws the members with who is online.
        presenceWatch.watching(
                members.stream().map(member -> member.user().id()).toList());
        settings.render(group, powers);
        if (admin) {
            renderRequests();
            renderBanned();
            renderLog();
        }
    }

    private void renderMembers(List<GroupMemberView> all) {
        lastMembers = all;
        memberList.removeAll();
        long onlineCount =
                all.stream().filter(m -> online.contains(m.user().id())).count();
        Span summary = new Span(getTranslation("groups.panel.online", onlineCount, all.size()));
        summary.addClassName("identity-handle");
        memberList.add(summary);
        for (GroupMemberView member : all) {
            Div identity = UserAvatars.identity(member.user());
            Span dot = new Span();
            boolean isOnline = online.contains(member.user().id());
            dot.addClassNames("presence-dot", isOnline ? "online" : "offline");
            dot.getElement()
                    .setAttribute(
                            "title", getTranslation(isOnline ? "groups.panel.online-now" : "groups.panel.offline"));
            // A picture of a state: read out as its words.
            dot.getElement().setAttribute("role", "img");
            dot.getElement()
                    .setAttribute(
                            "aria-label",
                            getTranslation(isOnline ? "groups.panel.online-now" : "groups.panel.offline"));
            identity.addComponentAsFirst(dot);
            Div row = new Div(identity);
            row.addClassName("group-panel-row");
            row.setTestId("member-" + member.user().username());
            Div actions = new Div(
                    Badges.of(GroupLabels.role(member.role()), member.role() == Role.MEMBER ? null : "success"));
            actions.addClassName("person-actions");
            if (member.mutedUntil() != null) {
                actions.add(Badges.of(
                        member.mutedUntilLifted()
                                ? getTranslation("groups.panel.muted")
                                : getTranslation("groups.panel.muted-until", when().format(member.mutedUntil())),
                        "error"));
            }
            if (member.user().id() != me) {
                actions.add(messageButton(member.user()));
            }
            if (!member.callerMay().isEmpty()) {
                actions.add(MemberMenu.of(member, groupId, moderation, acts));
            }
            row.add(actions);
            memberList.add(row);
        }
    }

    /** A friend's ordinary conversation, or a temporary one with someone who is not a friend (yet). */
    private Button messageButton(UserSummary user) {
        Button message = new Button(VaadinIcon.CHAT.create());
        message.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_SMALL);
        message.setAriaLabel(getTranslation("groups.panel.message", Words.of(user.shownName())));
        message.setTooltipText(getTranslation("groups.panel.message", Words.of(user.shownName())));
        message.setTestId("message-" + user.username());
        message.addClickListener(click -> {
            try {
                long conversationId = chat.openTemporary(user.id(), groupId);
                close();
                UI.getCurrent().navigate("chat/" + conversationId);
            } catch (UserFacingException refused) {
                Toasts.error(Words.of(refused));
            }
        });
        return message;
    }

    private void renderRequests() {
        requestList.removeAll();
        List<JoinRequestView> pending = requests.pendingRequests(groupId);
        requestsTab.setLabel(
                pending.isEmpty()
                        ? getTranslation("groups.panel.requests")
                        : getTranslation("groups.panel.requests-counted", pending.size()));
        if (pending.isEmpty()) {
            requestList.add(new Paragraph(getTranslation("groups.panel.no-requests")));
        }
        for (JoinRequestView request : pending) {
            Div who = new Div(UserAvatars.identity(request.requester()));
            if (request.message() != null) {
                Paragraph note = new Paragraph("“" + request.message() + "”");
                note.addClassName("request-note");
                who.add(note);
            }
            Button approve = new Button(
                    getTranslation("groups.panel.approve"),
                    VaadinIcon.CHECK.create(),
                    c -> acts.act(() -> requests.approve(request.id())));
            approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
            approve.setTestId("approve-" + request.requester().username());
            Button reject = new Button(
                    getTranslation("groups.panel.reject"),
                    c -> acts.withReason(
                            getTranslation(
                                    "groups.panel.reject-who",
                                    Words.of(request.requester().shownName())),
                            reason -> requests.reject(request.id(), reason)));
            reject.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            Div actions = new Div(approve, reject);
            actions.addClassName("person-actions");
            Div row = new Div(who, actions);
            row.addClassName("group-panel-row");
            requestList.add(row);
        }
    }

    private void renderBanned() {
        bannedList.removeAll();
        List<UserSummary> banned = moderation.bannedUsers(groupId);
        if (banned.isEmpty()) {
            bannedList.add(new Paragraph(getTranslation("groups.panel.no-bans")));
        }
        for (UserSummary user : banned) {
            Button unban = new Button(
                    getTranslation("groups.panel.unban"), c -> acts.act(() -> moderation.unban(groupId, user.id())));
            unban.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            Div row = new Div(UserAvatars.identity(user), unban);
            row.addClassName("group-panel-row");
            bannedList.add(row);
        }
    }

    private DateTimeFormatter when() {
        UI ui = UI.getCurrent();
        return DateTimeFormatter.ofPattern(getTranslation("groups.panel.when"), getLocale())
                .withZone(ui == null ? ZoneOffset.UTC : ReaderZone.of(ui));
    }

    private void renderLog() {
        logList.removeAll();
        List<AdminLogView> entries = moderation.adminLog(groupId, null, GroupService.MAX_PAGE);
        if (entries.isEmpty()) {
            logList.add(new Paragraph(getTranslation("groups.panel.no-log")));
        }
        DateTimeFormatter when = when();
        for (AdminLogView entry : entries) {
            Span time = new Span(when.format(entry.at()));
            time.addClassName("log-time");
            Div line = new Div(time, new Span(Words.of(AdminLogSentence.of(entry))));
            line.addClassName("log-line");
            logList.add(line);
        }
    }
}
