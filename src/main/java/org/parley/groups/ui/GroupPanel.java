package org.parley.groups.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.parley.account.service.AccountService;
import org.parley.account.service.UserSummary;
import org.parley.account.ui.OnlinePresence;
import org.parley.account.ui.UserAvatars;
import org.parley.base.service.LiveEvents;
import org.parley.base.service.UserFacingException;
import org.parley.base.ui.Actions;
import org.parley.base.ui.Badges;
import org.parley.base.ui.LiveUpdates;
import org.parley.base.ui.Toasts;
import org.parley.chat.service.ChatService;
import org.parley.groups.domain.ChatGroup;
import org.parley.groups.domain.GroupMember.Role;
import org.parley.groups.service.AdminLogView;
import org.parley.groups.service.GroupChanged;
import org.parley.groups.service.GroupMemberView;
import org.parley.groups.service.GroupModeration;
import org.parley.groups.service.GroupPowers;
import org.parley.groups.service.GroupService;
import org.parley.groups.service.GroupSettings;
import org.parley.groups.service.GroupSummary;
import org.parley.groups.service.JoinRequestView;
import org.parley.groups.service.MemberAction;

/**
 * A group's members and, for administrators, its request queue, bans, log and settings. Each action
 * offered is one the service will allow; the service checks again all the same. Kept live.
 */
class GroupPanel extends Dialog {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("d MMM HH:mm").withZone(ZoneOffset.UTC);

    private final GroupService groups;
    private final GroupModeration moderation;
    private final GroupSettings groupSettings;
    private final ChatService chat;
    private final AccountService accounts;
    private final long groupId;
    private final long me;
    private final Clock clock;
    private final TabSheet tabs = new TabSheet();
    private final Div memberList = new Div();
    private final Div requestList = new Div();
    private final Div bannedList = new Div();
    private final Div logList = new Div();
    private final Div settings = new Div();
    private Tab requestsTab;
    private Set<Long> online = Set.of();
    private final OnlinePresence.Watch presenceWatch;
    private GroupMemberView lastMine;
    private List<GroupMemberView> lastMembers = List.of();

    GroupPanel(
            GroupService groups,
            GroupModeration moderation,
            GroupSettings groupSettings,
            AccountService accounts,
            ChatService chat,
            LiveEvents liveEvents,
            OnlinePresence presence,
            long groupId,
            long me,
            Clock clock) {
        this.groups = groups;
        this.moderation = moderation;
        this.groupSettings = groupSettings;
        this.chat = chat;
        this.accounts = accounts;
        this.groupId = groupId;
        this.me = me;
        this.clock = clock;
        addClassName("group-panel");
        setTestId("group-panel");
        memberList.setTestId("group-members");
        requestList.setTestId("group-requests");
        tabs.add("Members", memberList);
        getFooter().add(new Button("Close", click -> close()));
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
                requestsTab = tabs.add("Requests", requestList);
                requestsTab.setId("group-requests-tab");
                tabs.add("Banned", bannedList);
                tabs.add("Log", logList);
            }
            tabs.add("Settings", settings);
        } else if (admin != (requestsTab != null)) {
            // Appointed or dismissed while the panel was open: reopening shows the right tabs.
            close();
            return;
        }
        GroupSummary group = groups.group(groupId);
        setHeaderTitle(
                group.name() + " · " + group.memberCount() + (group.memberCount() == 1 ? " member" : " members"));
        List<GroupMemberView> members = groups.members(groupId);
        lastMembers = members;
        // Whose presence the panel shows: its members, nobody else's. Draws the members with who is online.
        presenceWatch.watching(
                members.stream().map(member -> member.user().id()).toList());
        renderSettings(group, powers);
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
        Span summary = new Span(onlineCount + " of " + all.size() + " online now");
        summary.addClassName("identity-handle");
        memberList.add(summary);
        for (GroupMemberView member : all) {
            Div identity = UserAvatars.identity(member.user());
            Span dot = new Span();
            boolean isOnline = online.contains(member.user().id());
            dot.addClassNames("presence-dot", isOnline ? "online" : "offline");
            dot.getElement().setAttribute("title", isOnline ? "Online now" : "Offline");
            dot.getElement().setAttribute("aria-label", isOnline ? "Online now" : "Offline");
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
                                ? "Muted"
                                : "Muted until " + WHEN.format(member.mutedUntil()) + " UTC",
                        "error"));
            }
            if (member.user().id() != me) {
                actions.add(messageButton(member.user()));
            }
            if (!member.callerMay().isEmpty()) {
                actions.add(memberMenu(member));
            }
            row.add(actions);
            memberList.add(row);
        }
    }

    /** A friend's ordinary conversation, or a temporary one with someone who is not a friend (yet). */
    private Button messageButton(UserSummary user) {
        Button message = new Button(VaadinIcon.CHAT.create());
        message.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_SMALL);
        message.setAriaLabel("Message " + user.displayName());
        message.setTooltipText("Message " + user.displayName());
        message.setTestId("message-" + user.username());
        message.addClickListener(click -> {
            try {
                long conversationId = chat.openTemporary(user.id(), groupId);
                close();
                UI.getCurrent().navigate("chat/" + conversationId);
            } catch (UserFacingException refused) {
                Toasts.error(refused.getMessage());
            }
        });
        return message;
    }

    /** Offers what the service says the caller may do to this member, nothing else. */
    private MenuBar memberMenu(GroupMemberView member) {
        Set<MemberAction> may = member.callerMay();
        UserSummary user = member.user();
        MenuBar menu = new MenuBar();
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE, MenuBarVariant.LUMO_ICON);
        MenuItem more = menu.addItem(VaadinIcon.ELLIPSIS_DOTS_V.create());
        more.setAriaLabel("Actions for " + user.displayName());
        SubMenu sub = more.getSubMenu();
        if (may.contains(MemberAction.MUTE)) {
            MenuItem mute = sub.addItem("Mute");
            mute.getSubMenu()
                    .addItem(
                            "For 10 minutes",
                            c -> withReason(
                                    "Mute " + user.displayName(),
                                    reason -> moderation.mute(groupId, user.id(), Duration.ofMinutes(10), reason)));
            mute.getSubMenu()
                    .addItem(
                            "For 1 hour",
                            c -> withReason(
                                    "Mute " + user.displayName(),
                                    reason -> moderation.mute(groupId, user.id(), Duration.ofHours(1), reason)));
            mute.getSubMenu()
                    .addItem(
                            "For 1 day",
                            c -> withReason(
                                    "Mute " + user.displayName(),
                                    reason -> moderation.mute(groupId, user.id(), Duration.ofDays(1), reason)));
            mute.getSubMenu()
                    .addItem(
                            "Until lifted",
                            c -> withReason(
                                    "Mute " + user.displayName(),
                                    reason -> moderation.mute(groupId, user.id(), null, reason)));
        }
        if (may.contains(MemberAction.UNMUTE)) {
            sub.addItem("Lift mute", c -> act(() -> moderation.unmute(groupId, user.id())));
        }
        if (may.contains(MemberAction.REMOVE)) {
            sub.addItem(
                    "Remove from group",
                    c -> withReason(
                            "Remove " + user.displayName(),
                            reason -> moderation.removeMember(groupId, user.id(), reason)));
        }
        if (may.contains(MemberAction.BAN)) {
            sub.addItem(
                    "Ban",
                    c -> withReason(
                            "Ban " + user.displayName() + " (removed, and can't rejoin)",
                            reason -> moderation.ban(groupId, user.id(), reason)));
        }
        if (may.contains(MemberAction.APPOINT)) {
            sub.addItem("Make administrator", c -> act(() -> moderation.appoint(groupId, user.id())));
        }
        if (may.contains(MemberAction.DISMISS)) {
            sub.addItem("Remove administrator rights", c -> act(() -> moderation.dismiss(groupId, user.id())));
        }
        if (may.contains(MemberAction.HAND_OVER)) {
            sub.addItem(
                    "Hand over ownership",
                    c -> Actions.confirm(
                            "Hand over the group to " + user.displayName() + "?",
                            "They become the owner; you stay on as an administrator.",
                            "Hand over",
                            false,
                            () -> act(() -> moderation.handOver(groupId, user.id()))));
        }
        return menu;
    }

    private void renderRequests() {
        requestList.removeAll();
        List<JoinRequestView> pending = groups.pendingRequests(groupId);
        requestsTab.setLabel(pending.isEmpty() ? "Requests" : "Requests (" + pending.size() + ")");
        if (pending.isEmpty()) {
            requestList.add(new Paragraph("No one is waiting to join. New requests appear here at once."));
        }
        for (JoinRequestView request : pending) {
            Div who = new Div(UserAvatars.identity(request.requester()));
            if (request.message() != null) {
                Paragraph note = new Paragraph("“" + request.message() + "”");
                note.addClassName("request-note");
                who.add(note);
            }
            Button approve =
                    new Button("Approve", VaadinIcon.CHECK.create(), c -> act(() -> groups.approve(request.id())));
            approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
            approve.setTestId("approve-" + request.requester().username());
            Button reject = new Button(
                    "Reject",
                    c -> withReason(
                            "Reject " + request.requester().displayName(),
                            reason -> groups.reject(request.id(), reason)));
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
            bannedList.add(new Paragraph("Nobody is banned."));
        }
        for (UserSummary user : banned) {
            Button unban = new Button("Unban", c -> act(() -> moderation.unban(groupId, user.id())));
            unban.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            Div row = new Div(UserAvatars.identity(user), unban);
            row.addClassName("group-panel-row");
            bannedList.add(row);
        }
    }

    private void renderLog() {
        logList.removeAll();
        List<AdminLogView> entries = moderation.adminLog(groupId, null, GroupService.MAX_PAGE);
        if (entries.isEmpty()) {
            logList.add(new Paragraph("Administrative acts will be listed here."));
        }
        for (AdminLogView entry : entries) {
            Span when = new Span(WHEN.format(entry.at()));
            when.addClassName("log-time");
            String what = entry.actor().displayName() + " "
                    + entry.action().name().toLowerCase().replace('_', ' ')
                    + (entry.target() == null ? "" : " " + entry.target().displayName())
                    + (entry.reason() == null ? "" : " — " + entry.reason());
            Div line = new Div(when, new Span(what));
            line.addClassName("log-line");
            logList.add(line);
        }
    }

    private void renderSettings(GroupSummary group, GroupPowers powers) {
        settings.removeAll();
        settings.addClassName("dialog-form");
        if (powers.administer()) {
            Select<ChatGroup.JoinPolicy> policy = new Select<>();
            policy.setLabel("Who can join");
            policy.setItems(ChatGroup.JoinPolicy.values());
            policy.setItemLabelGenerator(p -> GroupLabels.policy(p) + " — " + GroupLabels.policyHint(p));
            policy.setValue(group.joinPolicy());
            policy.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    act(() -> groupSettings.setJoinPolicy(groupId, e.getValue()));
                }
            });
            Checkbox muteAll = new Checkbox("Mute the whole group (only administrators can write)", group.mutedAll());
            muteAll.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    act(() -> groupSettings.muteAll(groupId, e.getValue()));
                }
            });
            muteAll.setTestId("group-mute-all");
            Checkbox temporaryChats = new Checkbox(
                    "Members can start temporary conversations with each other", group.temporaryChatsAllowed());
            temporaryChats.setHelperText("Private conversations between members who are not friends. Switched "
                    + "off, existing ones stop accepting messages unless the two share another group.");
            temporaryChats.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    act(() -> groupSettings.setTemporaryChatsAllowed(groupId, e.getValue()));
                }
            });
            temporaryChats.setTestId("group-temporary-chats");
            ComboBox<UserSummary> addPerson = new ComboBox<>("Add a member");
            addPerson.setPlaceholder("Search people by name");
            addPerson.setItemLabelGenerator(u -> u.displayName() + " (@" + u.username() + ")");
            addPerson.setItems(
                    query -> accounts.searchOthers(query.getFilter().orElse(""), null, query.getLimit()).stream()
                            .skip(query.getOffset() > 0 ? Long.MAX_VALUE : 0));
            addPerson.setWidthFull();
            addPerson.addValueChangeListener(e -> {
                if (e.isFromClient() && e.getValue() != null) {
                    UserSummary person = e.getValue();
                    if (act(() -> groups.addMember(groupId, person.id()))) {
                        Toasts.success(person.displayName() + " was added.");
                    }
                }
            });
            addPerson.setTestId("group-add-member");
            // Streamed to the service, which cuts it at the limit: never read whole into memory here.
            Upload picture = new Upload((UploadHandler) event -> {
                UI ui = event.getUI();
                try (InputStream content = event.getInputStream()) {
                    groupSettings.changeAvatar(groupId, content, event.getFileSize());
                    ui.access(() -> Toasts.success("The group's picture is updated."));
                } catch (UserFacingException refused) {
                    ui.access(() -> Toasts.error(refused.getMessage()));
                }
            });
            picture.setMaxFileSize((int) accounts.avatarMaxBytes());
            picture.setAcceptedFileTypes("image/png", "image/jpeg", "image/gif", "image/webp");
            picture.setMaxFiles(1);
            picture.setUploadButton(new Button("Upload a group picture", VaadinIcon.UPLOAD.create()));
            picture.setDropLabelIcon(new Span());
            picture.setDropLabel(new Span("PNG, JPEG, GIF or WebP"));
            picture.setTestId("group-avatar-upload");
            settings.add(policy, muteAll, temporaryChats, addPerson, picture);
        }
        if (powers.leave()) {
            Button leave = new Button("Leave group", VaadinIcon.SIGN_OUT.create(), c -> {
                Actions.confirm(
                        "Leave " + group.name() + "?", "You will stop receiving its messages.", "Leave", true, () -> {
                            if (act(() -> groups.leave(groupId))) {
                                close();
                                UI.getCurrent().navigate("chat");
                            }
                        });
            });
            leave.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            leave.setTestId("group-leave");
            settings.add(leave);
        }
        if (powers.delete()) {
            Button delete = new Button("Delete group", VaadinIcon.TRASH.create(), c -> {
                Actions.confirm(
                        "Delete " + group.name() + "?",
                        "Everyone leaves it at once and it can no longer be found. This cannot be undone.",
                        "Delete",
                        true,
                        () -> {
                            if (act(() -> groups.delete(groupId))) {
                                close();
                                UI.getCurrent().navigate("chat");
                            }
                        });
            });
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            delete.setTestId("group-delete");
            settings.add(delete);
        }
    }

    /** Asks for an optional reason, then runs the act with it. */
    private void withReason(String title, Consumer<String> action) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(title);
        TextField reason = new TextField("Reason (optional, shown in the log)");
        reason.setMaxLength(GroupService.MAX_REASON_LENGTH);
        reason.setWidthFull();
        reason.setTestId("reason");
        Button confirm = new Button("Confirm", c -> {
            dialog.close();
            act(() -> action.accept(reason.getValue()));
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setTestId("reason-confirm");
        dialog.add(reason);
        dialog.getFooter().add(new Button("Cancel", c -> dialog.close()), confirm);
        dialog.open();
    }

    /** Runs the act and shows the panel as it now is; false (and the reason shown) when it was refused. */
    private boolean act(Runnable action) {
        boolean done = false;
        try {
            action.run();
            done = true;
        } catch (UserFacingException refused) {
            Toasts.error(refused.getMessage());
        }
        refresh();
        return done;
    }
}
