package org.parley.groups.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.support.TestUsers.as;
import static org.parley.support.TestUsers.run;
import static org.parley.support.TestUsers.uniqueName;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.messages.MessageInput;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.parley.account.service.UserSummary;
import org.parley.chat.ui.ChatView;
import org.parley.groups.domain.ChatGroup.JoinPolicy;
import org.parley.groups.domain.GroupMember.Role;
import org.parley.groups.service.GroupModeration;
import org.parley.groups.service.GroupRequests;
import org.parley.groups.service.GroupService;
import org.parley.groups.service.GroupSummary;
import org.parley.groups.service.JoinRequestView;
import org.parley.support.BrowserlessUiTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Finding groups, asking to join, joining and creating one, as the person on the Groups page sees it. */
class GroupsViewTest extends BrowserlessUiTest {

    @Autowired
    GroupService groups;

    @Autowired
    GroupRequests groupRequests;

    @Autowired
    GroupModeration moderation;

    @Test
    void a_search_lists_each_group_with_its_size_and_policy_and_the_action_that_fits_where_you_stand() {
        UserSummary owner = users.create("olga");
        UserSummary sam = users.create("sam");
        // One unique word in every name: the search finds these six groups and nobody else's.
        String word = uniqueName("Fern");
        GroupSummary open = create(owner, "Open " + word, null, JoinPolicy.OPEN);
        GroupSummary approval = create(owner, "Approval " + word, null, JoinPolicy.APPROVAL);
        GroupSummary invitation = create(owner, "Invitation " + word, null, JoinPolicy.INVITATION);
        GroupSummary pending = create(owner, "Pending " + word, null, JoinPolicy.APPROVAL);
        GroupSummary member = create(owner, "Member " + word, null, JoinPolicy.OPEN);
        GroupSummary banned = create(owner, "Banned " + word, null, JoinPolicy.OPEN);
        run(sam, () -> groups.join(pending.id(), "Let me in, please"));
        run(sam, () -> groups.join(member.id(), null));
        run(owner, () -> moderation.ban(banned.id(), sam.id(), "Spam"));
        try (BrowserlessUIContext window = windowOf(sam)) {
            GroupsView view = window.navigate(GroupsView.class);

            // Part of the name, in other case.
            in(window).test(view.search).setValue(word.substring(2).toUpperCase(Locale.ROOT));

            assertThat(rowsIn(view))
                    .as("by name, each once")
                    .containsExactly(
                            rowId(approval),
                            rowId(banned),
                            rowId(invitation),
                            rowId(member),
                            rowId(open),
                            rowId(pending));
            Div openRow = row(window, open);
            assertThat(textOf(openRow)).contains(open.name(), "1 member · Open");
            assertThat(buttonsIn(window, openRow)).containsExactly("Join");

            Div approvalRow = row(window, approval);
            assertThat(textOf(approvalRow)).contains(approval.name(), "1 member · Approval");
            assertThat(buttonsIn(window, approvalRow)).containsExactly("Ask to join");

            Div invitationRow = row(window, invitation);
            assertThat(textOf(invitationRow)).contains("1 member · Invitation only");
            assertThat(badgesIn(window, invitationRow)).containsExactly("Invitation only");
            assertThat(buttonsIn(window, invitationRow)).as("nothing to press").isEmpty();

            Div pendingRow = row(window, pending);
            assertThat(badgesIn(window, pendingRow)).containsExactly("Request pending");
            assertThat(buttonsIn(window, pendingRow)).containsExactly("Cancel");

            Div memberRow = row(window, member);
            assertThat(textOf(memberRow)).contains("2 members · Open");
            assertThat(buttonsIn(window, memberRow)).containsExactly("Open");

            Div bannedRow = row(window, banned);
            assertThat(badgesIn(window, bannedRow)).containsExactly("Banned");
            assertThat(buttonsIn(window, bannedRow)).isEmpty();

            // "Open" takes a member into the group's conversation.
            in(window).test(button(window, memberRow, "Open")).click();
            assertThat(window.getCurrentView()).isInstanceOf(ChatView.class);
            assertThat(location(window)).isEqualTo("chat/" + member.conversationId());
            assertThat(textOf(header(window))).contains(member.name(), "Group");
        }
    }

    @Test
    void part_of_a_description_finds_the_group_and_the_row_shows_the_description() {
        UserSummary owner = users.create("olga");
        UserSummary sam = users.create("sam");
        String word = uniqueName("knitting");
        GroupSummary group =
                create(owner, uniqueName("Needles"), "We meet for " + word + " on Tuesdays", JoinPolicy.APPROVAL);
        try (BrowserlessUIContext window = windowOf(sam)) {
            GroupsView view = window.navigate(GroupsView.class);

            in(window).test(view.search).setValue(word.substring(3));

            assertThat(rowsIn(view)).containsExactly(rowId(group));
            assertThat(textOf(row(window, group)))
                    .contains(group.name(), "1 member · Approval", "We meet for " + word + " on Tuesdays");
            assertThat(buttonsIn(window, row(window, group))).containsExactly("Ask to join");
        }
    }

    @Test
    void a_search_that_matches_no_group_says_so() {
        UserSummary sam = users.create("sam");
        String nonsense = "no-such-group-" + uniqueName("q");
        try (BrowserlessUIContext window = windowOf(sam)) {
            GroupsView view = window.navigate(GroupsView.class);

            in(window).test(view.search).setValue(nonsense);

            assertThat(rowsIn(view)).isEmpty();
            assertThat(textOf(view.results)).contains("No groups found", "“" + nonsense + "”");
            assertThat(view.more.isVisible()).isFalse();
        }
    }

    @Test
    void without_a_search_the_page_lists_your_own_groups_or_says_you_have_none() {
        UserSummary owner = users.create("olga");
        UserSummary sam = users.create("sam");
        GroupSummary group = create(owner, uniqueName("Choir"), null, JoinPolicy.OPEN);
        try (BrowserlessUIContext window = windowOf(sam)) {
            GroupsView view = window.navigate(GroupsView.class);
            assertThat(rowsIn(view)).isEmpty();
            assertThat(textOf(view.results)).contains("You are in no groups yet");

            // Joining elsewhere (another tab) reaches this open page.
            run(sam, () -> groups.join(group.id(), null));
            push(window);

            assertThat(rowsIn(view)).containsExactly(rowId(group));
            assertThat(buttonsIn(window, row(window, group))).containsExactly("Open");
        }
    }

    @Test
    void joining_an_open_group_opens_its_conversation_at_once() {
        UserSummary owner = users.create("olga");
        UserSummary sam = users.create("sam");
        GroupSummary group = create(owner, uniqueName("Runners"), "Sunday long runs", JoinPolicy.OPEN);
        try (BrowserlessUIContext window = windowOf(sam)) {
            GroupsView view = window.navigate(GroupsView.class);
            in(window).test(view.search).setValue(group.name());

            in(window).test(button(window, row(window, group), "Join")).click();

            assertThat(window.getCurrentView()).isInstanceOf(ChatView.class);
            assertThat(location(window)).isEqualTo("chat/" + group.conversationId());
            assertThat(notifications(window)).contains("You joined " + group.name() + ".");
            assertThat(textOf(header(window))).contains(group.name());
            assertThat(messageInput(window).isEnabled())
                    .as("a new member may write")
                    .isTrue();
            assertThat(badge(window, "send-notice")).isEmpty();
        }
        assertThat(as(sam, () -> groups.myMembership(group.id()).role())).isEqualTo(Role.MEMBER);
        assertThat(as(sam, () -> groups.group(group.id()).memberCount())).isEqualTo(2);
    }

    @Test
    void asking_to_join_from_the_dialog_leaves_the_request_pending_and_cancel_takes_it_back() {
        UserSummary owner = users.create("olga");
        UserSummary sam = users.create("sam");
        GroupSummary group = create(owner, uniqueName("Chess club"), null, JoinPolicy.APPROVAL);
        try (BrowserlessUIContext window = windowOf(sam)) {
            GroupsView view = window.navigate(GroupsView.class);
            in(window).test(view.search).setValue(group.name());

            in(window).test(button(window, row(window, group), "Ask to join")).click();
            Dialog dialog = window.find(Dialog.class).single();
            assertThat(dialog.getHeaderTitle()).isEqualTo("Ask to join " + group.name());
            in(window)
                    .test(window.find(TextArea.class).withTestId("join-message").single())
                    .setValue("I play on Fridays");
            in(window)
                    .test(window.find(Button.class).withTestId("join-send").single())
                    .click();

            assertThat(dialog.isOpened()).isFalse();
            Div row = row(window, group);
            assertThat(badgesIn(window, row)).containsExactly("Request pending");
            assertThat(buttonsIn(window, row)).containsExactly("Cancel");
            assertThat(as(owner, () -> groupRequests.pendingRequests(group.id())))
                    .singleElement()
                    .satisfies(request -> {
                        assertThat(request.requester().id()).isEqualTo(sam.id());
                        assertThat(request.message()).isEqualTo("I play on Fridays");
                    });

            // The row may have been drawn again by the push about the new request: press the Cancel on screen now.
            push(window);
            in(window).test(button(window, row(window, group), "Cancel")).click();

            Div after = row(window, group);
            assertThat(badgesIn(window, after)).isEmpty();
            assertThat(buttonsIn(window, after)).containsExactly("Ask to join");
        }
        assertThat(as(owner, () -> groupRequests.pendingRequests(group.id())))
                .extracting(JoinRequestView::id)
                .isEmpty();
    }

    @Test
    void creating_a_group_from_the_dialog_makes_it_with_the_chosen_policy_and_opens_its_conversation() {
        UserSummary olga = users.create("olga");
        UserSummary sam = users.create("sam");
        String name = uniqueName("Gardening");
        try (BrowserlessUIContext window = windowOf(olga)) {
            window.navigate(GroupsView.class);

            in(window)
                    .test(window.find(Button.class).withTestId("group-create").single())
                    .click();
            in(window)
                    .test(window.find(TextField.class).withTestId("group-name").single())
                    .setValue(name);
            in(window)
                    .test(window.find(TextArea.class)
                            .withTestId("group-description")
                            .single())
                    .setValue("Tomatoes and patience");
            @SuppressWarnings("unchecked")
            RadioButtonGroup<JoinPolicy> policy = window.find(RadioButtonGroup.class)
                    .withTestId("group-policy")
                    .single();
            assertThat(policy.getValue()).as("approval by default").isEqualTo(JoinPolicy.APPROVAL);
            in(window).test(policy).selectItem("Open — Anyone can join at once");
            in(window)
                    .test(window.find(Button.class)
                            .withTestId("group-create-confirm")
                            .single())
                    .click();

            assertThat(window.getCurrentView()).isInstanceOf(ChatView.class);
            GroupSummary created = as(olga, () -> groups.myGroups()).stream()
                    .filter(g -> g.name().equals(name))
                    .findFirst()
                    .orElseThrow();
            assertThat(created.joinPolicy()).isEqualTo(JoinPolicy.OPEN);
            assertThat(created.description()).isEqualTo("Tomatoes and patience");
            assertThat(created.memberCount()).isEqualTo(1);
            assertThat(location(window)).isEqualTo("chat/" + created.conversationId());
            assertThat(textOf(header(window))).contains(name);
            assertThat(notifications(window)).contains(name + " is ready. Add people from its Members panel.");
            assertThat(as(olga, () -> groups.myMembership(created.id()).role())).isEqualTo(Role.OWNER);
        }
        // Someone else finds it as an open group.
        try (BrowserlessUIContext window = windowOf(sam)) {
            GroupsView view = window.navigate(GroupsView.class);
            in(window).test(view.search).setValue(name);
            Div row = window.find(Div.class).withTestId(rowId(name)).single();
            assertThat(textOf(row)).contains(name, "1 member · Open", "Tomatoes and patience");
            assertThat(buttonsIn(window, row)).containsExactly("Join");
        }
    }

    // --- helpers --------------------------------------------------------------------------------

    private GroupSummary create(UserSummary owner, String name, String description, JoinPolicy policy) {
        return as(owner, () -> groups.create(name, description, policy));
    }

    static String rowId(GroupSummary group) {
        return rowId(group.name());
    }

    static String rowId(String groupName) {
        return "group-" + groupName.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    /** The test ids of the rows listed, in order. */
    static List<String> rowsIn(GroupsView view) {
        return view.results
                .getChildren()
                .map(c -> c.getTestId())
                .filter(id -> id != null)
                .toList();
    }

    static Div row(BrowserlessUIContext window, GroupSummary group) {
        window.activate();
        return window.find(Div.class).withTestId(rowId(group)).single();
    }

    static Button button(BrowserlessUIContext window, Div row, String text) {
        window.activate();
        return window.find(Button.class).from(row).withText(text).single();
    }

    static List<String> buttonsIn(BrowserlessUIContext window, Div row) {
        window.activate();
        return window.find(Button.class).from(row).all().stream()
                .filter(BrowserlessUiTest::shown)
                .map(Button::getText)
                .toList();
    }

    static List<String> badgesIn(BrowserlessUIContext window, Div row) {
        window.activate();
        return window.find(Badge.class).from(row).all().stream()
                .filter(BrowserlessUiTest::shown)
                .map(Badge::getText)
                .toList();
    }

    static Div header(BrowserlessUIContext window) {
        window.activate();
        return window.find(Div.class).withTestId("conversation-header").single();
    }

    /** The open conversation's message input (ChatView's own field is not visible from here). */
    static MessageInput messageInput(BrowserlessUIContext window) {
        window.activate();
        return (MessageInput) byTestId(window.getUI(), "message-input").orElseThrow();
    }
}
