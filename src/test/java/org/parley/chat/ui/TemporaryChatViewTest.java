package org.parley.chat.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.support.TestUsers.as;
import static org.parley.support.TestUsers.run;
import static org.parley.support.TestUsers.uniqueName;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.messages.MessageListItem;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.parley.account.service.AccountService;
import org.parley.account.service.UserSummary;
import org.parley.chat.service.ChatService;
import org.parley.chat.service.ConversationOverview;
import org.parley.chat.service.ConversationSummary;
import org.parley.groups.domain.ChatGroup.JoinPolicy;
import org.parley.groups.service.GroupService;
import org.parley.groups.service.GroupSummary;
import org.parley.support.BrowserlessUiTest;
import org.parley.support.Scenarios;
import org.parley.support.ShownText;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Temporary conversations as the people in them see them: started from a fellow member's row in the
 * group's Members panel, marked "Temporary · from the group" on both sides, and ended for good (for
 * people who are not friends and share no other group allowing them) when an administrator switches
 * them off in the group's settings.
 */
class TemporaryChatViewTest extends BrowserlessUiTest {

    @Autowired
    GroupService groups;

    @Autowired
    ChatService chat;

    @Autowired
    ConversationOverview overview;

    @Autowired
    AccountService accounts;

    @Autowired
    Scenarios scenarios;

    @Test
    void a_member_starts_one_from_the_panel_and_the_other_sees_it_marked_temporary_with_the_message() {
        UserSummary olga = users.create("olga");
        UserSummary ann = users.create("ann");
        UserSummary cat = users.create("cat");
        GroupSummary group = group(olga, ann, cat);
        try (BrowserlessUIContext annWindow = windowOf(ann);
                BrowserlessUIContext catWindow = windowOf(cat)) {
            catWindow.navigate(ChatView.class); // Cat has the chat page open, nothing selected
            assertThat(catWindow
                            .find(ConversationRow.class)
                            .withTestId("conversation-" + ann.username())
                            .all())
                    .isEmpty();

            openConversation(annWindow, group.conversationId());
            Dialog panel = openPanel(annWindow);
            awaitPresence(annWindow, panel, summary -> !summary.startsWith("0 of "));
            in(annWindow)
                    .test(annWindow
                            .find(Button.class)
                            .withTestId("message-" + cat.username())
                            .single())
                    .click();

            // Ann is taken to the new conversation, which says what it is.
            long temporary = temporaryWith(ann, cat);
            assertThat(location(annWindow)).isEqualTo("chat/" + temporary);
            assertThat(panel.isOpened()).as("the panel closed on the way").isFalse();
            assertThat(panel.isAttached())
                    .as("the panel let go: detached, it watches nobody")
                    .isFalse();
            ChatView annsChat = (ChatView) annWindow.getCurrentView();
            Div annsHeader = header(annWindow);
            assertThat(temporaryBadge(annsHeader))
                    .as("Temporary badge in Ann's header")
                    .isEqualTo("Temporary");
            assertThat(textOf(annsHeader)).contains(cat.displayName(), "@" + cat.username(), "from " + group.name());
            assertThat(annsChat.input.isEnabled()).isTrue();

            ComposerTester.in(annWindow, annsChat.input).submit("Hi Cat, may I have some of your seeds?");
            push(annWindow);
            assertThat(texts(annWindow, annsChat)).containsExactly("Hi Cat, may I have some of your seeds?");

            // Cat's open chat page lists the conversation, marked temporary, with the message and an unread count.
            push(catWindow);
            ConversationRow row = conversationRow(catWindow, ann);
            assertThat(rowBadges(row)).contains("Temporary");
            assertThat(textOf(row)).contains(ann.displayName(), "Hi Cat, may I have some of your seeds?");
            assertThat(byTestId(row, "unread-" + ann.username()).map(BrowserlessUiTest::textOf))
                    .contains("1");
            assertThat(as(cat, overview::conversations))
                    .filteredOn(c -> c.id() == temporary)
                    .singleElement()
                    .satisfies(c -> assertThat(c.temporaryFrom()).isEqualTo(group.name()));

            // She opens it: the message, and the same Temporary marking from the group.
            in(catWindow).test(row).click();
            push(catWindow);
            ChatView catsChat = (ChatView) catWindow.getCurrentView();
            assertThat(location(catWindow)).isEqualTo("chat/" + temporary);
            assertThat(texts(catWindow, catsChat)).containsExactly("Hi Cat, may I have some of your seeds?");
            assertThat(messages(catWindow, catsChat).getFirst().getUserName())
                    .as("display name and @user name")
                    .isEqualTo(ann.displayName() + " @" + ann.username());
            Div catsHeader = header(catWindow);
            assertThat(temporaryBadge(catsHeader)).isEqualTo("Temporary");
            assertThat(textOf(catsHeader)).contains(ann.displayName(), "from " + group.name());
            assertThat(catsChat.input.isEnabled()).isTrue();

            // And her answer reaches Ann.
            ComposerTester.in(catWindow, catsChat.input).submit("Of course!");
            push(annWindow);
            assertThat(texts(annWindow, annsChat))
                    .containsExactly("Hi Cat, may I have some of your seeds?", "Of course!");
        }
    }

    @Test
    void after_an_administrator_switches_them_off_the_answer_is_refused_with_the_reason_and_the_input_stops() {
        UserSummary olga = users.create("olga");
        UserSummary ann = users.create("ann");
        UserSummary cat = users.create("cat");
        GroupSummary group = group(olga, ann, cat);
        long temporary = as(ann, () -> chat.openTemporary(cat.id(), group.id()));
        run(ann, () -> chat.send(temporary, "Are you coming on Sunday?"));
        try (BrowserlessUIContext olgaWindow = windowOf(olga);
                BrowserlessUIContext annWindow = windowOf(ann);
                BrowserlessUIContext catWindow = windowOf(cat)) {
            ChatView catsChat = openConversation(catWindow, temporary);
            ChatView annsChat = openConversation(annWindow, temporary);
            assertThat(catsChat.input.isEnabled()).isTrue();
            assertThat(texts(catWindow, catsChat)).containsExactly("Are you coming on Sunday?");

            // Olga, the owner, unticks the setting in the group's panel.
            openConversation(olgaWindow, group.conversationId());
            Dialog panel = openPanel(olgaWindow);
            selectTab(olgaWindow, panel, "Settings");
            Checkbox allowed = olgaWindow
                    .find(Checkbox.class)
                    .withTestId("group-temporary-chats")
                    .single();
            assertThat(allowed.getValue()).as("allowed by default").isTrue();
            in(olgaWindow).test(allowed).click();
            assertThat(allowed.getValue()).isFalse();
            assertThat(as(olga, () -> groups.group(group.id()).temporaryChatsAllowed()))
                    .isFalse();
            closePanel(olgaWindow, panel);

            // Cat answers before her window has heard of it: refused, with the reason, and the input stops.
            ComposerTester.in(catWindow, catsChat.input).submit("Yes, with the seeds");

            String reason = "This temporary conversation has ended: you and " + ann.displayName()
                    + " no longer share a group that allows it. Add them as a friend to keep talking.";
            assertThat(notifications(catWindow)).contains(reason);
            assertThat(badge(catWindow, "send-notice")).contains(reason);
            assertThat(catsChat.input.isEnabled()).as("input after the refusal").isFalse();
            assertThat(catsChat.upload.isEnabled())
                    .as("upload after the refusal")
                    .isFalse();
            push(catWindow);
            assertThat(catsChat.input.isEnabled())
                    .as("input once the news arrived too")
                    .isFalse();
            assertThat(texts(catWindow, catsChat)).containsExactly("Are you coming on Sunday?");

            // Ann's open conversation learns that it ended without her having to try.
            push(annWindow);
            assertThat(texts(annWindow, annsChat))
                    .as("nothing reached Ann")
                    .containsExactly("Are you coming on Sunday?");
            assertThat(badge(annWindow, "send-notice"))
                    .contains("This temporary conversation has ended: you and "
                            + cat.displayName()
                            + " no longer share a group that allows it. Add them as a friend to keep "
                            + "talking.");
            assertThat(annsChat.input.isEnabled()).isFalse();
            assertThat(annsChat.upload.isEnabled()).isFalse();
        }
    }

    /*
     * KNOWN BUG, fails until fixed. A refused message re-reads the conversation (ChatView.send calls
     * recheckAccess()), so the reason appears under the conversation and the input and the upload are
     * disabled. A refused upload does not: ChatView.receive only calls event.reject(...) and shows the toast.
     * When no live event follows the change that ended the conversation, as here (switching temporary
     * conversations off in one's profile, AccountService.setAcceptsTemporaryChats, publishes nothing), the
     * sender's composer stays enabled, with no notice, after a refused file, inviting the next file or
     * message to be refused too. Suggested fix in ChatView.receive, in the catch:
     * event.getUI().access(() -> { Toasts.error(refused.getMessage()); recheckAccess(); }).
     */
    @Test
    void a_refused_file_stops_the_composer_and_shows_the_reason_like_a_refused_message() {
        UserSummary olga = users.create("olga");
        UserSummary ann = users.create("ann");
        UserSummary cat = users.create("cat");
        GroupSummary group = group(olga, ann, cat);
        long temporary = as(ann, () -> chat.openTemporary(cat.id(), group.id()));
        run(ann, () -> chat.send(temporary, "Could you send me the planting plan?"));
        try (BrowserlessUIContext catWindow = windowOf(cat)) {
            ChatView catsChat = openConversation(catWindow, temporary);
            assertThat(catsChat.upload.isEnabled()).isTrue();

            // Ann switches temporary conversations off in her profile.
            run(ann, () -> accounts.setAcceptsTemporaryChats(false));
            push(catWindow);
            in(catWindow)
                    .test(catsChat.upload)
                    .upload("plan.txt", "text/plain", "Beans by the fence".getBytes(StandardCharsets.UTF_8));

            String reason = ann.displayName() + " no longer accepts temporary conversations.";
            assertThat(notifications(catWindow)).as("the refusal is shown").contains(reason);
            assertThat(texts(catWindow, catsChat)).containsExactly("Could you send me the planting plan?");
            push(catWindow);
            assertThat(badge(catWindow, "send-notice"))
                    .as("notice after the refused file")
                    .contains(reason);
            assertThat(catsChat.upload.isEnabled())
                    .as("upload after the refused file")
                    .isFalse();
            assertThat(catsChat.input.isEnabled())
                    .as("input after the refused file")
                    .isFalse();
        }
    }

    @Test
    void a_plain_member_is_not_offered_the_setting() {
        UserSummary olga = users.create("olga");
        UserSummary ann = users.create("ann");
        GroupSummary group = group(olga, ann);
        try (BrowserlessUIContext annWindow = windowOf(ann)) {
            openConversation(annWindow, group.conversationId());
            Dialog panel = openPanel(annWindow);
            selectTab(annWindow, panel, "Settings");

            assertThat(byTestId(panel, "group-leave"))
                    .as("her own settings are there")
                    .isPresent();
            assertThat(byTestId(panel, "group-temporary-chats"))
                    .as("not for plain members")
                    .isEmpty();
            assertThat(textOf(panel)).doesNotContain("temporary conversations");
            closePanel(annWindow, panel);
        }
    }

    // --- helpers --------------------------------------------------------------------------------

    /** An approval group run by {@code owner}, who added the members. */
    private GroupSummary group(UserSummary owner, UserSummary... members) {
        return scenarios.groupWithMembers(
                owner, uniqueName("Seed swap"), "Seeds and cuttings", JoinPolicy.APPROVAL, members);
    }

    /** The id of the (one) temporary conversation between the two, as {@code of} lists it. */
    private long temporaryWith(UserSummary of, UserSummary partner) {
        List<ConversationSummary> found = as(of, overview::conversations).stream()
                .filter(c -> !c.isGroup() && c.partner().id() == partner.id())
                .toList();
        assertThat(found).as("one conversation with " + partner.username()).hasSize(1);
        assertThat(found.getFirst().isTemporary()).isTrue();
        return found.getFirst().id();
    }

    private static ChatView openConversation(BrowserlessUIContext window, long conversationId) {
        return window.navigate("chat/" + conversationId, ChatView.class);
    }

    private static Div header(BrowserlessUIContext window) {
        window.activate();
        return window.find(Div.class).withTestId("conversation-header").single();
    }

    /** The text of the header's Temporary badge; fails when it is missing or hidden. */
    private static String temporaryBadge(Div header) {
        Component badge = byTestId(header, "temporary-badge")
                .orElseThrow(() -> new AssertionError("no temporary-badge in the header: " + textOf(header)));
        assertThat(shown(badge)).as("temporary badge shown").isTrue();
        return ((Badge) badge).getText();
    }

    private static ConversationRow conversationRow(BrowserlessUIContext window, UserSummary partner) {
        window.activate();
        return window.find(ConversationRow.class)
                .withTestId("conversation-" + partner.username())
                .single();
    }

    private static List<String> rowBadges(Component root) {
        return root.getChildren()
                .flatMap(child -> child instanceof Badge badge ? Stream.of(badge.getText()) : rowBadges(child).stream())
                .toList();
    }

    private static List<MessageListItem> messages(BrowserlessUIContext window, ChatView view) {
        window.activate();
        return List.copyOf(in(window).test(view.messageList).getMessages());
    }

    private static List<String> texts(BrowserlessUIContext window, ChatView view) {
        return messages(window, view).stream().map(ShownText::of).toList();
    }
}
