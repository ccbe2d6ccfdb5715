package org.parley.chat.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.parley.support.TestUsers.as;
import static org.parley.support.TestUsers.run;
import static org.parley.support.TestUsers.uniqueName;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.flow.component.messages.MessageListItem;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.parley.account.service.UserSummary;
import org.parley.chat.service.AttachmentView;
import org.parley.chat.service.ChatMessageView;
import org.parley.chat.service.ChatService;
import org.parley.friends.service.FriendService;
import org.parley.groups.domain.ChatGroup.JoinPolicy;
import org.parley.groups.service.GroupModeration;
import org.parley.groups.service.GroupService;
import org.parley.groups.service.GroupSummary;
import org.parley.support.BrowserlessUiTest;
import org.parley.support.Scenarios;
import org.parley.support.ShownText;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Sending pictures and files through the conversation's Upload (test id {@code attach}), driven by the
 * browser-less {@code UploadTester}: what each open window shows once the stored message arrives by push,
 * and what a refused upload tells the sender.
 * <p>
 * The tester hands the file to the view's {@code UploadHandler} in the test thread, as the window's user
 * (the security context is the active window's), and then runs the window's queued {@code ui.access}
 * tasks; the message itself arrives by push, so each window is {@link #push}ed before looking at it.
 */
class ChatUploadViewTest extends BrowserlessUiTest {

    @Autowired
    GroupService groups;

    @Autowired
    GroupModeration moderation;

    @Autowired
    ChatService chat;

    @Autowired
    FriendService friends;

    @Autowired
    Scenarios scenarios;

    @Test
    void a_picture_uploaded_in_a_group_appears_once_as_a_picture_for_everyone_with_it_open() {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");
        GroupSummary group = group(ann, bob);
        try (BrowserlessUIContext annWindow = windowOf(ann);
                BrowserlessUIContext bobWindow = windowOf(bob)) {
            ChatView bobsChat = open(bobWindow, group.conversationId());
            ChatView annsChat = open(annWindow, group.conversationId());
            List<MessageListItem> bobBefore = messages(bobWindow, bobsChat);
            assertThat(annsChat.upload.isEnabled()).isTrue();

            in(annWindow).test(annsChat.upload).upload("tomatoes.png", "image/png", png(64, 48));

            AttachmentView stored = newestAttachment(ann, group.conversationId());
            assertThat(stored.picture()).as("recognised as a picture").isTrue();
            assertThat(stored.fileName()).isEqualTo("tomatoes.png");

            push(bobWindow);
            List<MessageListItem> bobSees = messages(bobWindow, bobsChat);
            assertThat(bobSees).hasSize(bobBefore.size() + 1);
            assertPicture(bobSees.getLast(), stored, ann);
            assertThat(withAttachments(bobSees))
                    .as("exactly once in Bob's list")
                    .hasSize(1);

            // Ann's own copy comes by push as well, and only once however often it is delivered.
            push(annWindow);
            push(annWindow);
            List<MessageListItem> annSees = messages(annWindow, annsChat);
            assertThat(withAttachments(annSees))
                    .as("exactly once in Ann's list")
                    .hasSize(1);
            assertPicture(annSees.getLast(), stored, ann);
            assertThat(notifications(annWindow))
                    .as("no error for a good picture")
                    .isEmpty();
            assertThat(textOf(conversationRow(bobWindow, group))).contains("Picture");
        }
    }

    @Test
    void a_text_file_named_like_a_picture_is_refused_in_a_group_and_nobody_sees_it() {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");
        GroupSummary group = group(ann, bob);
        try (BrowserlessUIContext annWindow = windowOf(ann);
                BrowserlessUIContext bobWindow = windowOf(bob)) {
            ChatView bobsChat = open(bobWindow, group.conversationId());
            ChatView annsChat = open(annWindow, group.conversationId());
            List<MessageListItem> bobBefore = messages(bobWindow, bobsChat);
            List<MessageListItem> annBefore = messages(annWindow, annsChat);

            // The browser believes the name and the type; Parley looks at the content.
            in(annWindow)
                    .test(annsChat.upload)
                    .upload(
                            "photo.png",
                            "image/png",
                            "Not a picture at all, just some words.".getBytes(StandardCharsets.UTF_8));

            assertThat(notifications(annWindow))
                    .anySatisfy(text -> assertThat(text).contains("photo.png").contains("is not a picture"));
            push(annWindow);
            assertThat(texts(messages(annWindow, annsChat))).isEqualTo(texts(annBefore));
            push(bobWindow);
            List<MessageListItem> bobSees = messages(bobWindow, bobsChat);
            assertThat(texts(bobSees)).isEqualTo(texts(bobBefore));
            assertThat(withAttachments(bobSees)).isEmpty();
            assertThat(notifications(bobWindow)).isEmpty();
            assertThat(as(bob, () -> chat.history(group.conversationId(), null, ChatService.PAGE_SIZE)))
                    .as("nothing stored")
                    .allSatisfy(m -> assertThat(m.attachment()).isNull());
        }
    }

    @Test
    void a_muted_members_upload_is_refused_with_the_reason_and_their_upload_is_then_disabled() {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");
        GroupSummary group = group(ann, bob);
        try (BrowserlessUIContext annWindow = windowOf(ann);
                BrowserlessUIContext bobWindow = windowOf(bob)) {
            ChatView annsChat = open(annWindow, group.conversationId());
            ChatView bobsChat = open(bobWindow, group.conversationId());
            assertThat(bobsChat.upload.isEnabled()).isTrue();
            List<MessageListItem> annBefore = messages(annWindow, annsChat);

            // Ann mutes Bob; his window has not heard of it yet when he sends a picture.
            run(ann, () -> moderation.mute(group.id(), bob.id(), null, "Too many pictures"));
            in(bobWindow).test(bobsChat.upload).upload("again.png", "image/png", png(20, 20));

            String reason =
                    "You are muted in " + group.name() + " until an administrator lifts it. Reason: Too many pictures";
            assertThat(notifications(bobWindow)).contains(reason);
            push(bobWindow);
            assertThat(bobsChat.upload.isEnabled())
                    .as("upload disabled while muted")
                    .isFalse();
            assertThat(bobsChat.input.isEnabled()).isFalse();
            assertThat(badge(bobWindow, "send-notice")).contains(reason);
            assertThatThrownBy(() -> in(bobWindow).test(bobsChat.upload).upload("more.png", "image/png", png(8, 8)))
                    .as("a disabled upload takes no file")
                    .isInstanceOf(IllegalStateException.class);
            assertThat(withAttachments(messages(bobWindow, bobsChat))).isEmpty();

            push(annWindow);
            assertThat(messages(annWindow, annsChat))
                    .as("only the \"was muted\" line is new")
                    .hasSize(annBefore.size() + 1);
            assertThat(withAttachments(messages(annWindow, annsChat))).isEmpty();

            // Opened afresh while muted, the upload is disabled from the start.
            try (BrowserlessUIContext bobsOtherWindow = windowOf(bob)) {
                ChatView again = open(bobsOtherWindow, group.conversationId());
                assertThat(again.upload.isEnabled()).isFalse();
                assertThat(badge(bobsOtherWindow, "send-notice")).contains(reason);
            }
        }
    }

    @Test
    void a_file_between_friends_shows_its_name_and_size_and_after_unfriending_uploads_stop() {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");
        run(ann, () -> friends.sendRequest(bob.id(), null));
        run(
                bob,
                () -> friends.acceptRequest(
                        friends.incomingRequests().getFirst().id()));
        long conversation = as(ann, () -> chat.openDirect(bob.id()));
        try (BrowserlessUIContext annWindow = windowOf(ann);
                BrowserlessUIContext bobWindow = windowOf(bob)) {
            ChatView bobsChat = open(bobWindow, conversation);
            ChatView annsChat = open(annWindow, conversation);
            assertThat(annsChat.upload.isEnabled()).isTrue();

            byte[] notes = "x".repeat(1536).getBytes(StandardCharsets.US_ASCII);
            in(annWindow).test(annsChat.upload).upload("notes.txt", "text/plain", notes);

            AttachmentView stored = newestAttachment(ann, conversation);
            assertThat(stored.picture()).isFalse();
            push(bobWindow);
            List<MessageListItem> bobSees = messages(bobWindow, bobsChat);
            assertThat(bobSees).hasSize(1);
            assertThat(bobSees.getFirst().getUserName())
                    .as("display name and @user name")
                    .isEqualTo(ann.displayName() + " @" + ann.username());
            assertThat(bobSees.getFirst().getAttachments()).singleElement().satisfies(attachment -> {
                assertThat(attachment.name()).isEqualTo("notes.txt · 1.5 KB · text/plain");
                assertThat(attachment.url()).isEqualTo("/files/" + stored.id()).isEqualTo(stored.downloadUrl());
                assertThat(attachment.mimeType()).isEqualTo("text/plain");
            });
            push(annWindow);
            assertThat(messages(annWindow, annsChat)).hasSize(1);

            // Bob ends the friendship; Ann's window has not heard of it yet when she sends another file.
            run(bob, () -> friends.removeFriend(ann.id()));
            in(annWindow).test(annsChat.upload).upload("more-notes.txt", "text/plain", notes);

            String reason = "You can't send messages here: you and " + bob.displayName() + " are no longer friends.";
            assertThat(notifications(annWindow)).contains(reason);
            push(annWindow);
            assertThat(annsChat.upload.isEnabled())
                    .as("Ann's upload after unfriending")
                    .isFalse();
            assertThat(badge(annWindow, "send-notice")).contains(reason);
            push(bobWindow);
            assertThat(bobsChat.upload.isEnabled())
                    .as("Bob's upload after unfriending")
                    .isFalse();
            assertThat(messages(bobWindow, bobsChat))
                    .as("the refused file never arrives")
                    .hasSize(1);
            assertThatThrownBy(() -> in(bobWindow).test(bobsChat.upload).upload("reply.txt", "text/plain", notes))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    /*
     * The handler runs AttachmentService.upload, which asks CurrentUser who is sending. In production it
     * runs on the upload's own request, whose security context Spring Security restores from the session;
     * here the tester runs it in the test thread. This pins that the signed-in user is the uploading
     * window's user while the handler runs, even right after another window was used.
     */
    @Test
    void the_upload_handler_runs_as_the_uploading_windows_user() {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");
        GroupSummary group = group(ann, bob);
        try (BrowserlessUIContext annWindow = windowOf(ann);
                BrowserlessUIContext bobWindow = windowOf(bob)) {
            ChatView annsChat = open(annWindow, group.conversationId());
            open(bobWindow, group.conversationId()); // Bob's window was used last
            in(annWindow).test(annsChat.upload).upload("sun.png", "image/png", png(10, 10));

            // AttachmentService.upload takes the sender from CurrentUser: no error, and the message is Ann's.
            assertThat(notifications(annWindow)).isEmpty();
            ChatMessageView sent =
                    as(ann, () -> chat.history(group.conversationId(), null, 1)).getLast();
            assertThat(sent.attachment()).as("the upload was stored").isNotNull();
            assertThat(sent.sender().id())
                    .as("stored as the uploading window's user")
                    .isEqualTo(ann.id());
        }
    }

    // --- helpers --------------------------------------------------------------------------------

    /** An approval group run by {@code owner}, who added the members. */
    private GroupSummary group(UserSummary owner, UserSummary... members) {
        return scenarios.groupWithMembers(
                owner, uniqueName("Pictures club"), "Show your garden", JoinPolicy.APPROVAL, members);
    }

    private static ChatView open(BrowserlessUIContext window, long conversationId) {
        return window.navigate("chat/" + conversationId, ChatView.class);
    }

    private static List<MessageListItem> messages(BrowserlessUIContext window, ChatView view) {
        window.activate();
        return List.copyOf(in(window).test(view.messageList).getMessages()); // a snapshot, not the live list
    }

    private static List<String> texts(List<MessageListItem> items) {
        return items.stream()
                .map(item -> item.getUserName() + ": " + ShownText.of(item) + " "
                        + item.getAttachments().stream()
                                .map(MessageListItem.Attachment::url)
                                .toList())
                .toList();
    }

    private static List<MessageListItem> withAttachments(List<MessageListItem> items) {
        return items.stream().filter(item -> !item.getAttachments().isEmpty()).toList();
    }

    private static ConversationRow conversationRow(BrowserlessUIContext window, GroupSummary group) {
        window.activate();
        return window.find(ConversationRow.class)
                .withTestId("conversation-group-" + group.conversationId())
                .single();
    }

    /** The attachment of the newest message in the conversation, as stored. */
    private AttachmentView newestAttachment(UserSummary reader, long conversationId) {
        List<ChatMessageView> newest = as(reader, () -> chat.history(conversationId, null, 1));
        assertThat(newest).as("a message was stored").hasSize(1);
        assertThat(newest.getFirst().attachment())
                .as("the newest message carries the upload")
                .isNotNull();
        return newest.getFirst().attachment();
    }

    private static void assertPicture(MessageListItem item, AttachmentView stored, UserSummary sender) {
        assertThat(item.getUserName())
                .as("display name and @user name")
                .isEqualTo(sender.displayName() + " @" + sender.username());
        assertThat(item.getAttachments()).singleElement().satisfies(attachment -> {
            assertThat(attachment.url())
                    .isEqualTo("/files/" + stored.id() + "/thumbnail")
                    .isEqualTo(stored.thumbnailUrl());
            assertThat(attachment.mimeType()).startsWith("image/");
            assertThat(attachment.name()).isEqualTo("tomatoes.png");
        });
    }

    /** A real PNG of the given size. */
    static byte[] png(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                image.setRGB(x, y, new Color(200, (x * 5) % 256, (y * 5) % 256).getRGB());
            }
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
