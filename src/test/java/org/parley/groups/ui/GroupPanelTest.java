package org.parley.groups.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.groups.ui.GroupsViewTest.badgesIn;
import static org.parley.groups.ui.GroupsViewTest.buttonsIn;
import static org.parley.groups.ui.GroupsViewTest.messageInput;
import static org.parley.support.TestUsers.as;
import static org.parley.support.TestUsers.run;
import static org.parley.support.TestUsers.uniqueName;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.ComboBoxTester;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.confirmdialog.ConfirmDialogTester;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarTester;
import com.vaadin.flow.component.messages.MessageList;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.parley.account.service.UserSummary;
import org.parley.chat.ui.ChatView;
import org.parley.chat.ui.ComposerTester;
import org.parley.groups.domain.ChatGroup.JoinPolicy;
import org.parley.groups.domain.GroupMember.Role;
import org.parley.groups.service.GroupModeration;
import org.parley.groups.service.GroupRequests;
import org.parley.groups.service.GroupService;
import org.parley.groups.service.GroupSummary;
import org.parley.support.BrowserlessUiTest;
import org.parley.support.ShownText;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A group's Members panel, opened from the header of the group's conversation: the request queue as
 * administrators see it arrive and leave, what each role is offered, what mutes do to the people muted, the
 * log, and members coming and going through the panel.
 */
class GroupPanelTest extends BrowserlessUiTest {

    @Autowired
    GroupService groups;

    @Autowired
    GroupRequests groupRequests;

    @Autowired
    GroupModeration moderation;

    @Test
    void a_request_reaches_every_open_administrator_window_live_and_approving_it_clears_it_everywhere() {
        UserSummary olga = users.create("olga");
        UserSummary ada = users.create("ada");
        UserSummary rita = users.create("rita");
        GroupSummary group = group(olga, JoinPolicy.APPROVAL);
        addMember(olga, group, ada);
        run(olga, () -> moderation.appoint(group.id(), ada.id()));
        try (BrowserlessUIContext olgaWindow = windowOf(olga);
                BrowserlessUIContext adaWindow = windowOf(ada);
                BrowserlessUIContext ritaWindow = windowOf(rita)) {
            // Both administrators are in the group's conversation; Ada even has the queue open.
            openConversation(olgaWindow, group);
            openConversation(adaWindow, group);
            assertThat(badge(olgaWindow, "group-requests-badge"))
                    .as("nobody waiting yet")
                    .isEmpty();
            assertThat(badge(olgaWindow, "nav-group-requests")).isEmpty();
            openPanel(adaWindow);
            selectTab(adaWindow, "Requests");
            assertThat(textOf(requestList(adaWindow))).contains("No one is waiting");

            // Rita asks from her Groups page.
            GroupsView ritasGroups = ritaWindow.navigate(GroupsView.class);
            in(ritaWindow).test(ritasGroups.search).setValue(group.name());
            in(ritaWindow)
                    .test(GroupsViewTest.button(ritaWindow, GroupsViewTest.row(ritaWindow, group), "Ask to join"))
                    .click();
            in(ritaWindow)
                    .test(ritaWindow
                            .find(TextArea.class)
                            .withTestId("join-message")
                            .single())
                    .setValue("I grow tomatoes");
            in(ritaWindow)
                    .test(ritaWindow.find(Button.class).withTestId("join-send").single())
                    .click();
            assertThat(badgesIn(ritaWindow, GroupsViewTest.row(ritaWindow, group)))
                    .containsExactly("Request pending");

            // Olga did nothing: the count appears on the Members button and in the navigation.
            push(olgaWindow);
            assertThat(badge(olgaWindow, "group-requests-badge")).contains("1");
            assertThat(badge(olgaWindow, "nav-group-requests")).contains("1");
            openPanel(olgaWindow);
            selectTab(olgaWindow, "Requests");
            assertThat(tabLabels(olgaWindow)).contains("Requests (1)");
            assertThat(textOf(requestList(olgaWindow)))
                    .contains(rita.displayName(), "@" + rita.username(), "“I grow tomatoes”");

            // Ada's open queue shows the same request, without reloading.
            push(adaWindow);
            assertThat(textOf(requestList(adaWindow)))
                    .contains(rita.displayName(), "“I grow tomatoes”")
                    .doesNotContain("No one is waiting");
            assertThat(tabLabels(adaWindow)).contains("Requests (1)");
            assertThat(badge(adaWindow, "group-requests-badge")).contains("1");
            assertThat(badge(adaWindow, "nav-group-requests")).contains("1");

            // Olga approves.
            in(olgaWindow)
                    .test(olgaWindow
                            .find(Button.class)
                            .withTestId("approve-" + rita.username())
                            .single())
                    .click();
            push(olgaWindow);
            assertThat(textOf(requestList(olgaWindow)))
                    .contains("No one is waiting")
                    .doesNotContain(rita.displayName());
            assertThat(badge(olgaWindow, "group-requests-badge")).isEmpty();
            assertThat(badge(olgaWindow, "nav-group-requests")).isEmpty();
            selectTab(olgaWindow, "Members");
            assertThat(memberRow(olgaWindow, rita)).isNotNull();
            assertThat(panel(olgaWindow).getHeaderTitle()).isEqualTo(group.name() + " · 3 members");

            // It leaves Ada's queue too, and her badges.
            push(adaWindow);
            assertThat(byTestId(adaWindow.getUI(), "approve-" + rita.username()))
                    .isEmpty();
            assertThat(textOf(requestList(adaWindow))).contains("No one is waiting");
            assertThat(tabLabels(adaWindow)).contains("Requests").doesNotContain("Requests (1)");
            assertThat(badge(adaWindow, "group-requests-badge")).isEmpty();
            assertThat(badge(adaWindow, "nav-group-requests")).isEmpty();
            selectTab(adaWindow, "Log");
            assertThat(logLines(adaWindow))
                    .anySatisfy(line ->
                            assertThat(line).endsWith(olga.displayName() + " let " + rita.displayName() + " join"));

            // Rita's Groups page turns the row into a membership at once, and tells her.
            push(ritaWindow);
            Div ritasRow = GroupsViewTest.row(ritaWindow, group);
            assertThat(badgesIn(ritaWindow, ritasRow)).isEmpty();
            assertThat(buttonsIn(ritaWindow, ritasRow)).containsExactly("Open");
            assertThat(textOf(ritasRow)).contains("3 members");
            assertThat(notifications(ritaWindow)).contains("You are now a member of " + group.name() + ".");
            in(ritaWindow)
                    .test(GroupsViewTest.button(ritaWindow, ritasRow, "Open"))
                    .click();
            assertThat(location(ritaWindow)).isEqualTo("chat/" + group.conversationId());
            assertThat(messageInput(ritaWindow).isEnabled()).isTrue();
            closePanel(olgaWindow);
            closePanel(adaWindow);
        }
    }

    @Test
    void roles_show_as_badges_and_each_role_is_offered_only_what_it_may_do() {
        UserSummary olga = users.create("olga");
        UserSummary ada = users.create("ada");
        UserSummary abe = users.create("abe");
        UserSummary max = users.create("max");
        GroupSummary group = group(olga, JoinPolicy.APPROVAL);
        for (UserSummary member : List.of(ada, abe, max)) {
            addMember(olga, group, member);
        }
        run(olga, () -> moderation.appoint(group.id(), ada.id()));
        run(olga, () -> moderation.appoint(group.id(), abe.id()));
        try (BrowserlessUIContext maxWindow = windowOf(max);
                BrowserlessUIContext adaWindow = windowOf(ada);
                BrowserlessUIContext olgaWindow = windowOf(olga)) {
            // A plain member: the people and their roles, his own settings, nothing to do to anyone.
            openConversation(maxWindow, group);
            assertThat(byTestId(maxWindow.getUI(), "group-requests-badge"))
                    .as("no queue for members")
                    .isEmpty();
            openPanel(maxWindow);
            assertThat(tabLabels(maxWindow)).containsExactly("Members", "Settings");
            assertThat(roleOf(maxWindow, olga)).containsExactly("Owner");
            assertThat(roleOf(maxWindow, ada)).containsExactly("Admin");
            assertThat(roleOf(maxWindow, abe)).containsExactly("Admin");
            assertThat(roleOf(maxWindow, max)).containsExactly("Member");
            assertThat(maxWindow.find(MenuBar.class).from(panel(maxWindow)).all())
                    .as("no action menus")
                    .isEmpty();
            selectTab(maxWindow, "Settings");
            assertThat(byTestId(panel(maxWindow), "group-leave")).isPresent();
            assertThat(byTestId(panel(maxWindow), "group-mute-all")).isEmpty();
            assertThat(byTestId(panel(maxWindow), "group-add-member")).isEmpty();

            // An administrator: the admin tabs; actions on the plain member only.
            openConversation(adaWindow, group);
            openPanel(adaWindow);
            assertThat(tabLabels(adaWindow)).containsExactly("Members", "Requests", "Banned", "Log", "Settings");
            assertThat(menuOf(adaWindow, olga)).as("not on the owner").isNull();
            assertThat(menuOf(adaWindow, abe)).as("not on another admin").isNull();
            assertThat(menuOf(adaWindow, ada)).as("not on herself").isNull();
            assertThat(menuItems(menuOf(adaWindow, max))).containsExactly("Mute", "Remove from group", "Ban");
            assertThat(menuOf(adaWindow, max).getItems().getFirst().getAriaLabel())
                    .contains("Actions for " + max.displayName());

            // The owner: actions on everyone but herself, roles included.
            openConversation(olgaWindow, group);
            openPanel(olgaWindow);
            assertThat(menuOf(olgaWindow, olga)).isNull();
            assertThat(menuItems(menuOf(olgaWindow, ada)))
                    .containsExactly(
                            "Mute", "Remove from group", "Ban", "Remove administrator rights", "Hand over ownership");
            assertThat(menuItems(menuOf(olgaWindow, max)))
                    .containsExactly("Mute", "Remove from group", "Ban", "Make administrator", "Hand over ownership");
            // The owner cannot leave (she hands the group over first), so she is not offered it; she may delete.
            selectTab(olgaWindow, "Settings");
            assertThat(byTestId(panel(olgaWindow), "group-leave")).isEmpty();
            assertThat(byTestId(panel(olgaWindow), "group-delete")).isPresent();
            selectTab(adaWindow, "Settings");
            assertThat(byTestId(panel(adaWindow), "group-leave")).isPresent();
            assertThat(byTestId(panel(adaWindow), "group-delete")).isEmpty();
            closePanel(olgaWindow);
            closePanel(adaWindow);
            closePanel(maxWindow);
        }
        assertThat(as(max, () -> groups.myMembership(group.id()).role())).isEqualTo(Role.MEMBER);
    }

    @Test
    void a_mute_from_the_panel_stops_the_members_open_chat_with_the_reason_and_lifting_it_lets_them_write() {
        UserSummary olga = users.create("olga");
        UserSummary max = users.create("max");
        GroupSummary group = group(olga, JoinPolicy.APPROVAL);
        run(max, () -> groups.join(group.id(), "Hello"));
        run(
                olga,
                () -> groupRequests.approve(
                        groupRequests.pendingRequests(group.id()).getFirst().id()));
        try (BrowserlessUIContext olgaWindow = windowOf(olga);
                BrowserlessUIContext maxWindow = windowOf(max)) {
            openConversation(maxWindow, group);
            assertThat(messageInput(maxWindow).isEnabled()).isTrue();
            assertThat(badge(maxWindow, "send-notice")).isEmpty();
            openConversation(olgaWindow, group);
            openPanel(olgaWindow);

            clickMenu(olgaWindow, menuOf(olgaWindow, max), "Mute", "Until lifted");
            in(olgaWindow)
                    .test(olgaWindow.find(TextField.class).withTestId("reason").single())
                    .setValue("Off topic");
            in(olgaWindow)
                    .test(olgaWindow
                            .find(Button.class)
                            .withTestId("reason-confirm")
                            .single())
                    .click();

            assertThat(roleOf(olgaWindow, max)).containsExactly("Member", "Muted");
            assertThat(menuItems(menuOf(olgaWindow, max))).startsWith("Lift mute");
            // Max's open conversation says so at once, with the reason, and will not take a message.
            push(maxWindow);
            assertThat(badge(maxWindow, "send-notice"))
                    .contains(
                            "You are muted in " + group.name() + " until an administrator lifts it. Reason: Off topic");
            assertThat(messageInput(maxWindow).isEnabled()).isFalse();
            assertThat(notifications(maxWindow)).contains("You were muted in " + group.name() + ".");

            clickMenu(olgaWindow, menuOf(olgaWindow, max), "Lift mute");

            assertThat(roleOf(olgaWindow, max)).containsExactly("Member");
            push(maxWindow);
            assertThat(badge(maxWindow, "send-notice")).isEmpty();
            assertThat(messageInput(maxWindow).isEnabled()).isTrue();
            assertThat(notifications(maxWindow)).contains("You can write in " + group.name() + " again.");

            // The log, newest first, with the reason given.
            push(olgaWindow);
            selectTab(olgaWindow, "Log");
            assertThat(logLines(olgaWindow))
                    .hasSize(3)
                    .satisfiesExactly(
                            line -> assertThat(line).endsWith(olga.displayName() + " unmuted " + max.displayName()),
                            line -> assertThat(line)
                                    .endsWith(olga.displayName() + " muted " + max.displayName()
                                            + " until unmuted: Off topic"),
                            line -> assertThat(line)
                                    .endsWith(olga.displayName() + " let " + max.displayName() + " join"));
            closePanel(olgaWindow);
        }
    }

    @Test
    void muting_the_whole_group_stops_plain_members_but_not_administrators() {
        UserSummary olga = users.create("olga");
        UserSummary ada = users.create("ada");
        UserSummary max = users.create("max");
        GroupSummary group = group(olga, JoinPolicy.APPROVAL);
        addMember(olga, group, ada);
        addMember(olga, group, max);
        run(olga, () -> moderation.appoint(group.id(), ada.id()));
        try (BrowserlessUIContext olgaWindow = windowOf(olga);
                BrowserlessUIContext adaWindow = windowOf(ada);
                BrowserlessUIContext maxWindow = windowOf(max)) {
            openConversation(maxWindow, group);
            openConversation(adaWindow, group);
            openConversation(olgaWindow, group);
            openPanel(olgaWindow);
            selectTab(olgaWindow, "Settings");

            in(olgaWindow).test(muteAll(olgaWindow)).click();

            assertThat(muteAll(olgaWindow).getValue()).isTrue();
            push(maxWindow);
            assertThat(messageInput(maxWindow).isEnabled()).as("plain member").isFalse();
            assertThat(badge(maxWindow, "send-notice"))
                    .contains(group.name() + " is muted: only administrators can write for now.");
            push(adaWindow);
            assertThat(messageInput(adaWindow).isEnabled()).as("administrator").isTrue();
            assertThat(badge(adaWindow, "send-notice")).isEmpty();
            push(olgaWindow);
            assertThat(messageInput(olgaWindow).isEnabled()).as("owner").isTrue();

            // The administrator still speaks, and the muted member still reads.
            ComposerTester.in(adaWindow, messageInput(adaWindow)).submit("Quiet please, announcements only");
            push(maxWindow);
            assertThat(messages(maxWindow)).contains("Quiet please, announcements only");

            // Unmuting the group lets the member write again.
            in(olgaWindow).test(muteAll(olgaWindow)).click();
            push(maxWindow);
            assertThat(messageInput(maxWindow).isEnabled()).isTrue();
            assertThat(badge(maxWindow, "send-notice")).isEmpty();
            closePanel(olgaWindow);
        }
        assertThat(as(olga, () -> groups.group(group.id()).mutedAll())).isFalse();
    }

    /*
     * Regression guard for two bugs found here: Max's open chat used to mark the "Max was removed" line as
     * read (refused: he is no longer a member) and show an error; and the panel's presence callback used to
     * re-read the members per person going offline, failing once he was out.
     */
    @Test
    void a_member_removed_while_looking_at_the_panel_sees_it_close_and_the_conversation_stop() {
        UserSummary olga = users.create("olga");
        UserSummary max = users.create("max");
        GroupSummary group = group(olga, JoinPolicy.APPROVAL);
        addMember(olga, group, max);
        try (BrowserlessUIContext maxWindow = windowOf(max)) {
            openConversation(maxWindow, group);
            Dialog panel = openPanel(maxWindow);
            awaitPresence(maxWindow, panel, summary -> !summary.startsWith("0 of "));

            run(olga, () -> moderation.removeMember(group.id(), max.id(), "Spam"));
            push(maxWindow);
            assertThat(panel.isAttached())
                    .as("the panel let go: detached, it watches nobody")
                    .isFalse();

            assertThat(panel.isOpened()).isFalse();
            assertThat(badge(maxWindow, "send-notice")).contains("You are no longer in this conversation.");
            assertThat(messageInput(maxWindow).isEnabled()).isFalse();
            assertThat(notifications(maxWindow))
                    .contains("You are no longer a member of " + group.name() + ".")
                    .as("no error on top")
                    .doesNotContain("Conversation not found.", "You are not a member of this group.");
            assertThat(messages(maxWindow)).contains(max.displayName() + " was removed");
        }
    }

    /* Regression guard for the presence-callback bug above, on the everyday way out. */
    @Test
    void leaving_from_the_settings_tab_takes_the_member_out_and_the_owners_open_panel_follows() {
        UserSummary olga = users.create("olga");
        UserSummary max = users.create("max");
        GroupSummary group = group(olga, JoinPolicy.APPROVAL);
        addMember(olga, group, max);
        try (BrowserlessUIContext olgaWindow = windowOf(olga);
                BrowserlessUIContext maxWindow = windowOf(max)) {
            openConversation(olgaWindow, group);
            openPanel(olgaWindow);
            assertThat(memberRow(olgaWindow, max)).isNotNull();
            openConversation(maxWindow, group);
            Dialog panel = openPanel(maxWindow);
            awaitPresence(maxWindow, panel, summary -> !summary.startsWith("0 of "));
            selectTab(maxWindow, "Settings");

            in(maxWindow)
                    .test(maxWindow.find(Button.class).withTestId("group-leave").single())
                    .click();
            ConfirmDialog confirm = maxWindow.find(ConfirmDialog.class).single();
            new ConfirmDialogTester(confirm).confirm();
            maxWindow.roundTrip();

            assertThat(panel.isOpened()).isFalse();
            assertThat(location(maxWindow)).isEqualTo("chat");
            push(maxWindow);
            assertThat(panel.isAttached())
                    .as("the panel let go: detached, it watches nobody")
                    .isFalse();
            assertThat(notifications(maxWindow))
                    .as("no error on the way out")
                    .doesNotContain("You are not a member of this group.", "Conversation not found.");
            assertThat(byTestId(maxWindow.getUI(), "conversation-list")
                            .map(BrowserlessUiTest::textOf)
                            .orElseThrow())
                    .doesNotContain(group.name());

            push(olgaWindow);
            assertThat(memberRow(olgaWindow, max))
                    .as("gone from the owner's open panel")
                    .isNull();
            assertThat(panel(olgaWindow).getHeaderTitle()).isEqualTo(group.name() + " · 1 member");
            closePanel(olgaWindow);
        }
        assertThat(as(olga, () -> groups.members(group.id())))
                .extracting(m -> m.user().id())
                .containsExactly(olga.id());
    }

    @Test
    void an_administrator_adds_someone_from_settings_and_their_open_groups_page_lists_the_group_at_once() {
        UserSummary olga = users.create("olga");
        UserSummary sam = users.create("sam");
        GroupSummary group = group(olga, JoinPolicy.INVITATION);
        try (BrowserlessUIContext olgaWindow = windowOf(olga);
                BrowserlessUIContext samWindow = windowOf(sam)) {
            GroupsView samsGroups = samWindow.navigate(GroupsView.class);
            assertThat(textOf(samsGroups.results)).contains("You are in no groups yet");
            openConversation(olgaWindow, group);
            openPanel(olgaWindow);
            selectTab(olgaWindow, "Settings");

            @SuppressWarnings("unchecked")
            ComboBox<UserSummary> addMember = olgaWindow
                    .find(ComboBox.class)
                    .withTestId("group-add-member")
                    .single();
            in(olgaWindow);
            ComboBoxTester<ComboBox<UserSummary>, UserSummary> picker = new ComboBoxTester<>(addMember);
            picker.setFilter(sam.username());
            picker.selectItem(sam.displayName() + " (@" + sam.username() + ")");

            assertThat(notifications(olgaWindow)).contains(sam.displayName() + " was added.");

            // Adding him again is refused, and the panel says so rather than that he was added.
            @SuppressWarnings("unchecked")
            ComboBox<UserSummary> again = olgaWindow
                    .find(ComboBox.class)
                    .withTestId("group-add-member")
                    .single();
            ComboBoxTester<ComboBox<UserSummary>, UserSummary> secondPick = new ComboBoxTester<>(again);
            secondPick.setFilter(sam.username());
            secondPick.selectItem(sam.displayName() + " (@" + sam.username() + ")");
            assertThat(notifications(olgaWindow))
                    .contains(sam.displayName() + " is already a member.")
                    .containsOnlyOnce(sam.displayName() + " was added.");
            selectTab(olgaWindow, "Members");
            assertThat(roleOf(olgaWindow, sam)).containsExactly("Member");
            assertThat(panel(olgaWindow).getHeaderTitle()).isEqualTo(group.name() + " · 2 members");

            push(samWindow);
            assertThat(GroupsViewTest.rowsIn(samsGroups)).containsExactly(GroupsViewTest.rowId(group));
            assertThat(buttonsIn(samWindow, GroupsViewTest.row(samWindow, group)))
                    .containsExactly("Open");
            assertThat(notifications(samWindow)).contains("You are now a member of " + group.name() + ".");
            closePanel(olgaWindow);
        }
    }

    // --- helpers --------------------------------------------------------------------------------

    /** A group with a unique name, owned by {@code owner}. */
    private GroupSummary group(UserSummary owner, JoinPolicy policy) {
        return as(owner, () -> groups.create(uniqueName("Garden club"), "Tomatoes and patience", policy));
    }

    private void addMember(UserSummary admin, GroupSummary group, UserSummary user) {
        run(admin, () -> groups.addMember(group.id(), user.id()));
    }

    private static ChatView openConversation(BrowserlessUIContext window, GroupSummary group) {
        return window.navigate("chat/" + group.conversationId(), ChatView.class);
    }

    /**
     * Closes the panel the way its user would (Close) and waits until it has let go of the online presence;
     * a closed panel is detached.
     */
    private void closePanel(BrowserlessUIContext window) {
        GroupPanel panel = panel(window);
        closePanel(window, panel);
        assertThat(panel.isAttached()).as("closed panel detached").isFalse();
    }

    private static GroupPanel panel(BrowserlessUIContext window) {
        window.activate();
        return window.find(GroupPanel.class).single();
    }

    private static TabSheet tabSheet(BrowserlessUIContext window) {
        window.activate();
        return window.find(TabSheet.class).from(panel(window)).single();
    }

    private static void selectTab(BrowserlessUIContext window, String label) {
        selectTab(window, panel(window), label);
    }

    private static List<String> tabLabels(BrowserlessUIContext window) {
        TabSheet tabs = tabSheet(window);
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < tabs.getTabCount(); i++) {
            Tab tab = tabs.getTabAt(i);
            labels.add(tab.getLabel());
        }
        return labels;
    }

    private static Component requestList(BrowserlessUIContext window) {
        return byTestId(panel(window), "group-requests").orElseThrow();
    }

    /**
     * The member's row in the panel's Members tab, or null when not listed. The panel re-renders its rows
     * whenever someone comes online or goes; {@code panel(window)} runs the window's queue first, and
     * nothing runs it again until the next find or push, so the row (and what the helpers below take from
     * it by walking the tree, not by {@code find}) is the one on screen.
     */
    private static Div memberRow(BrowserlessUIContext window, UserSummary user) {
        return byTestId(panel(window), "member-" + user.username())
                .map(Div.class::cast)
                .orElse(null);
    }

    /** The badges on a member's row: the role, then a mute if any. */
    private static List<String> roleOf(BrowserlessUIContext window, UserSummary user) {
        return descendants(memberRow(window, user), Badge.class).stream()
                .map(Badge::getText)
                .toList();
    }

    /** The actions menu on a member's row, or null when the viewer is offered none. */
    private static MenuBar menuOf(BrowserlessUIContext window, UserSummary user) {
        return descendants(memberRow(window, user), MenuBar.class).stream()
                .findFirst()
                .orElse(null);
    }

    /** The visible components of this type under {@code root}, in order. */
    private static <T extends Component> List<T> descendants(Component root, Class<T> type) {
        List<T> found = new ArrayList<>();
        root.getChildren()
                .filter(c -> !c.getElement().isTextNode() && c.isVisible())
                .forEach(child -> {
                    if (type.isInstance(child)) {
                        found.add(type.cast(child));
                    }
                    found.addAll(descendants(child, type));
                });
        return found;
    }

    private static List<String> menuItems(MenuBar menu) {
        return menu.getItems().getFirst().getSubMenu().getItems().stream()
                .map(MenuItem::getText)
                .toList();
    }

    /** Opens the row's "⋮" menu and clicks through the items with these texts. */
    private static void clickMenu(BrowserlessUIContext window, MenuBar menu, String... path) {
        List<MenuItem> items = menu.getItems().getFirst().getSubMenu().getItems();
        int[] positions = new int[path.length];
        for (int level = 0; level < path.length; level++) {
            String text = path[level];
            List<MenuItem> current = items;
            positions[level] = IntStream.range(0, current.size())
                    .filter(i -> text.equals(current.get(i).getText()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("No menu item " + text));
            items = current.get(positions[level]).getSubMenu().getItems();
        }
        in(window);
        new MenuBarTester<>(menu).clickItem(0, positions);
    }

    private static List<String> logLines(BrowserlessUIContext window) {
        window.activate();
        return window.find(Div.class).from(panel(window)).withClassName("log-line").all().stream()
                .map(BrowserlessUiTest::textOf)
                .toList();
    }

    private static Checkbox muteAll(BrowserlessUIContext window) {
        window.activate();
        return window.find(Checkbox.class).withTestId("group-mute-all").single();
    }

    private static List<String> messages(BrowserlessUIContext window) {
        window.activate();
        MessageList list =
                (MessageList) byTestId(window.getUI(), "message-list").orElseThrow();
        return list.getItems().stream().map(ShownText::of).toList();
    }
}
