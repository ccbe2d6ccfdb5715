package org.parley.chat.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.messages.MessageInput;
import com.vaadin.flow.component.messages.MessageList;
import com.vaadin.flow.component.messages.MessageListItem;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadFormat;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.server.streams.UploadEvent;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import jakarta.annotation.security.PermitAll;
import tools.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.TreeMap;
import org.parley.account.service.UserSummary;
import org.parley.account.ui.UserAvatars;
import org.parley.base.service.CurrentUser;
import org.parley.base.service.LiveEvents;
import org.parley.base.service.UserFacingException;
import org.parley.base.ui.Badges;
import org.parley.base.ui.FileSizes;
import org.parley.base.ui.EmptyState;
import org.parley.base.ui.LiveUpdates;
import org.parley.base.ui.Toasts;
import org.parley.chat.service.AccessChanged;
import org.parley.chat.service.AttachmentService;
import org.parley.chat.service.AttachmentView;
import org.parley.chat.service.ChatMessageView;
import org.parley.chat.service.ChatService;
import org.parley.chat.service.ConversationDetails;
import org.parley.chat.service.ConversationRead;
import org.parley.chat.service.ConversationSummary;
import org.parley.chat.service.MessagePosted;
import org.parley.friends.service.FriendService;
import org.parley.friends.service.FriendsChanged;
import org.parley.friends.service.Relationship;

/**
 * The conversation list beside the open conversation. Messages arrive by push; they are keyed by id,
 * so each shows once and in stored order even when pushes and history pages overlap.
 */
@Route("chat/:conversationId?([0-9]{1,18})")
@RouteAlias("")
@PageTitle("Chats · Parley")
@PermitAll
public class ChatView extends Div implements BeforeEnterObserver {

    /**
     * Evaluated in the browser for each submit of the composer: a fresh random id for the message, sent with
     * it as event data under this very expression as key. A UUID where the browser has one (secure contexts
     * only: https or localhost), else time and randomness in base 36; either fits ChatService's id rule.
     */
    public static final String CLIENT_ID_EXPRESSION = "(window.crypto && crypto.randomUUID) ? crypto.randomUUID()"
            + " : (Date.now().toString(36) + Math.random().toString(36).slice(2))";
    /** The composer's text in the submit event's data (the key is the expression, as for every event data). */
    public static final String TEXT_KEY = "event.detail.value";

    private final ChatService chat;
    private final AttachmentService attachments;
    private final FriendService friends;
    private final long me;
    private final Clock clock;
    private ZoneId zone = ZoneId.of("UTC");

    private final Div conversationList = new Div();
    private final Div pane = new Div();
    final MessageList messageList = new MessageList();
    /** The conversation list as shown, newest activity first, and each one's row. */
    private final List<ConversationSummary> listed = new ArrayList<>();
    private final Map<Long, ConversationRow> rows = new HashMap<>();
    final MessageInput input = new MessageInput();
    final Button loadEarlier = new Button("Load earlier messages");
    private final Div sendNotice = new Div();
    private final Div header = new Div();
    final Upload upload = new Upload();
    private final Div composer = new Div();
    /** What each shown attachment is, by the address the message list knows it by. */
    private final Map<String, AttachmentView> shownAttachments = new HashMap<>();

    private Long openConversationId;
    private boolean openIsTemporary;
    private final TreeMap<Long, MessageListItem> shownMessages = new TreeMap<>();
    private boolean hasEarlier;

    private final List<ConversationHeaderActions> headerActions;

    public ChatView(ChatService chat, AttachmentService attachments, FriendService friends, LiveEvents liveEvents,
            CurrentUser currentUser, Clock clock, List<ConversationHeaderActions> headerActions) {
        this.chat = chat;
        this.attachments = attachments;
        this.friends = friends;
        this.headerActions = headerActions;
        this.clock = clock;
        this.me = currentUser.requireId();
        addClassName("chat-page");

        conversationList.addClassName("conversation-list");
        conversationList.setTestId("conversation-list");
        pane.addClassName("conversation-pane");

        messageList.addClassName("message-list");
        messageList.setTestId("message-list");
        messageList.setMarkdown(false);
        // Scrolled near the top: fetch the previous page (debounced; no script of our own beyond this filter).
        messageList.getElement().addEventListener("scroll", scroll -> loadEarlier())
                .setFilter("element.scrollTop < 60 && element.scrollHeight > element.clientHeight")
                .debounce(250);
        loadEarlier.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        loadEarlier.addClassName("load-earlier");
        loadEarlier.addClickListener(click -> loadEarlier());
        loadEarlier.setTestId("load-earlier");
        input.addClassName("message-input");
        input.setTestId("message-input");
        // The browser names each message it sends with an id it makes (CLIENT_ID_EXPRESSION): a submit that
        // reaches the server twice (a retry after a lost response or a reconnect) is stored and shown once.
        input.getElement().addEventListener("submit", submit -> {
            JsonNode data = submit.getEventData();
            send(data.path(TEXT_KEY).asString(""), data.path(CLIENT_ID_EXPRESSION).asString(null));
        }).addEventData(TEXT_KEY).addEventData(CLIENT_ID_EXPRESSION);
        sendNotice.addClassName("send-notice");
        sendNotice.setTestId("send-notice");
        header.addClassName("conversation-header");
        messageList.addAttachmentClickListener(click -> attachmentClicked(click.getAttachment()));
        configureUpload();
        composer.addClassName("composer");
        composer.add(upload, input);
        acceptDropsOnWholePane();

        add(conversationList, pane);
        UI.getCurrent().getPage().retrieveExtendedClientDetails(details -> {
            try {
                zone = ZoneId.of(details.getTimeZoneId());
                renderConversationList();
            } catch (RuntimeException unknownZone) {
                // Keep UTC.
            }
        });
        LiveUpdates.bind(this, liveEvents, me, event -> {
            switch (event) {
                case MessagePosted posted -> messageArrived(posted.message());
                case ConversationRead read -> conversationRead(read.conversationId());
                case FriendsChanged changed -> {
                    // A friendship can make a temporary conversation an ordinary one, or end one.
                    recheckAccess();
                    renderConversationList();
                }
                case AccessChanged changed -> {
                    // A temporary conversation lives by shared groups: any change in one may end or revive it.
                    if (openConversationId != null && (changed.conversationId() == openConversationId
                            || openIsTemporary)) {
                        recheckAccess();
                    }
                    renderConversationList();
                }
                default -> { }
            }
        });
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Long requested = event.getRouteParameters().get("conversationId").map(Long::valueOf).orElse(null);
        openConversationId = null;
        openIsTemporary = false;
        shownMessages.clear();
        shownAttachments.clear();
        if (requested != null) {
            try {
                open(chat.details(requested));
            } catch (UserFacingException notYours) {
                Toasts.error(notYours.getMessage());
                showNoConversation();
            }
        } else {
            showNoConversation();
        }
        renderConversationList();
    }

    private void open(ConversationDetails details) {
        openConversationId = details.id();
        addClassName("has-selection");
        pane.removeAll();
        renderHeader(details);
        prepareUpload(details.id());
        List<ChatMessageView> newest = chat.history(details.id(), null, ChatService.PAGE_SIZE);
        hasEarlier = newest.size() == ChatService.PAGE_SIZE;
        newest.forEach(m -> shownMessages.put(m.id(), item(m)));
        messageList.setItems(shownMessages.values());
        loadEarlier.setVisible(hasEarlier);
        pane.add(header, loadEarlier, messageList, sendNotice, composer);
        chat.markRead(details.id());
        input.getElement().callJsFunction("focus");
    }

    private void showNoConversation() {
        removeClassName("has-selection");
        pane.removeAll();
        pane.add(new EmptyState(VaadinIcon.CHAT, "Pick a conversation",
                "Choose someone on the left, or open Friends and press Message to start one."));
    }

    private void renderHeader(ConversationDetails details) {
        openIsTemporary = details.isTemporary();
        header.removeAll();
        Button back = new Button(VaadinIcon.ARROW_LEFT.create(), click -> UI.getCurrent().navigate(ChatView.class));
        back.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        back.addClassName("back-button");
        back.setAriaLabel("Back to conversations");
        UserSummary partner = details.partner();
        Avatar avatar = details.isGroup() ? ConversationRow.groupAvatar(details.title(), details.groupAvatarUrl())
                : UserAvatars.avatar(partner);
        H3 name = new H3(details.title());
        Span handle = new Span(details.isGroup() ? "Group" : "@" + partner.username());
        handle.addClassName("identity-handle");
        Div text = new Div(name, handle);
        text.addClassName("identity-text");
        text.addClassName("conversation-title");
        header.add(back, avatar, text);
        if (details.isTemporary()) {
            handle.setText("@" + partner.username() + " · from " + details.temporaryFrom());
            var temporary = Badges.of("Temporary", "warning");
            temporary.setTestId("temporary-badge");
            temporary.getElement().setAttribute("title", "You are not friends: this conversation lasts while "
                    + "you share a group that allows it.");
            name.add(temporary);
            header.add(addFriendButton(partner));
        }
        for (ConversationHeaderActions extension : headerActions) {
            extension.actionsFor(details).forEach(header::add);
        }
        header.setTestId("conversation-header");
        sendNotice.setText(details.canSend() ? "" : details.cannotSendReason());
        sendNotice.setVisible(!details.canSend());
        input.setEnabled(details.canSend());
        upload.setEnabled(details.canSend());
        if (details.canSendAgainAt() != null) {
            scheduleRecheck(details.canSendAgainAt());
        }
    }

    /** Re-reads whether the open conversation may still be read and written (removed, muted, unfriended). */
    private void recheckAccess() {
        if (openConversationId == null) {
            return;
        }
        try {
            renderHeader(chat.details(openConversationId));
        } catch (UserFacingException noLongerYours) {
            sendNotice.setText("You are no longer in this conversation.");
            sendNotice.setVisible(true);
            input.setEnabled(false);
            upload.setEnabled(false);
            loadEarlier.setVisible(false);
            hasEarlier = false;
        }
    }

    /** A mute that ends by itself re-enables the input when it ends, without a reload. */
    private void scheduleRecheck(java.time.Instant at) {
        UI ui = UI.getCurrent();
        long conversationId = openConversationId;
        long delayMillis = Math.max(0, java.time.Duration.between(clock.instant(), at).toMillis()) + 500;
        java.util.concurrent.CompletableFuture.delayedExecutor(delayMillis, java.util.concurrent.TimeUnit.MILLISECONDS)
                .execute(() -> ui.access(() -> {
                    if (openConversationId != null && openConversationId == conversationId) {
                        recheckAccess();
                    }
                }));
    }

    private void send(String text, String clientId) {
        if (openConversationId == null) {
            return;
        }
        try {
            messageArrived(chat.send(openConversationId, text, clientId));
        } catch (UserFacingException refused) {
            Toasts.error(refused.getMessage());
            recheckAccess();
        }
    }

    /** Shows a message once, in id order; marks the open conversation read; refreshes the list. */
    private void messageArrived(ChatMessageView message) {
        if (openConversationId != null && message.conversationId() == openConversationId
                && !shownMessages.containsKey(message.id())) {
            boolean newest = shownMessages.isEmpty() || message.id() > shownMessages.lastKey();
            MessageListItem item = item(message);
            shownMessages.put(message.id(), item);
            if (newest) {
                messageList.addItem(item);
            } else {
                messageList.setItems(shownMessages.values());
            }
            if (message.sender().id() != me) {
                try {
                    chat.markRead(openConversationId);
                } catch (UserFacingException noLongerMember) {
                    // Removed from the conversation: the access change that follows says so.
                }
            }
        }
        conversationChanged(message);
    }

    private void loadEarlier() {
        if (openConversationId == null || !hasEarlier || shownMessages.isEmpty()) {
            return;
        }
        List<ChatMessageView> page = chat.history(openConversationId, shownMessages.firstKey(),
                ChatService.PAGE_SIZE);
        hasEarlier = page.size() == ChatService.PAGE_SIZE;
        page.forEach(m -> shownMessages.put(m.id(), item(m)));
        messageList.setItems(shownMessages.values());
        loadEarlier.setVisible(hasEarlier);
        // Keep the message the reader was looking at in place while older ones are added above it.
        messageList.getElement().executeJs(
                "const fromBottom = this.scrollHeight - this.scrollTop;"
                        + "requestAnimationFrame(() => { this.scrollTop = this.scrollHeight - fromBottom; });");
    }

    /**
     * A message moves its conversation's row to the top with the new preview, from what the event carries: one
     * row changes, no queries (every member of a group gets every message). Unknown conversations reload the list.
     */
    private void conversationChanged(ChatMessageView message) {
        int index = listedIndex(message.conversationId());
        if (index < 0) {
            renderConversationList();
            return;
        }
        boolean open = openConversationId != null && openConversationId == message.conversationId();
        ConversationSummary current = listed.get(index);
        ConversationSummary updated = current.after(message, me, open);
        if (updated == current) {
            return;
        }
        ConversationRow row = new ConversationRow(updated, open, zone, clock);
        ConversationRow previous = rows.put(updated.id(), row);
        if (Objects.equals(updated.lastMessageId(), current.lastMessageId())) {
            // Only read now: the row stays where it is.
            listed.set(index, updated);
            conversationList.replace(previous, row);
            return;
        }
        listed.remove(index);
        listed.addFirst(updated);
        conversationList.remove(previous);
        // Index 0 is the list's title.
        conversationList.addComponentAtIndex(1, row);
    }

    /** Read in this tab or another: the row's unread badge goes. */
    private void conversationRead(long conversationId) {
        int index = listedIndex(conversationId);
        if (index < 0 || listed.get(index).unreadCount() == 0) {
            return;
        }
        ConversationSummary read = listed.get(index).read();
        listed.set(index, read);
        boolean open = openConversationId != null && openConversationId == conversationId;
        ConversationRow row = new ConversationRow(read, open, zone, clock);
        conversationList.replace(rows.put(conversationId, row), row);
    }

    private int listedIndex(long conversationId) {
        for (int i = 0; i < listed.size(); i++) {
            if (listed.get(i).id() == conversationId) {
                return i;
            }
        }
        return -1;
    }

    private void renderConversationList() {
        List<ConversationSummary> conversations = chat.conversations();
        listed.clear();
        listed.addAll(conversations);
        rows.clear();
        conversationList.removeAll();
        H3 title = new H3("Chats");
        title.addClassName("conversation-list-title");
        conversationList.add(title);
        if (conversations.isEmpty()) {
            conversationList.add(new EmptyState(VaadinIcon.COMMENTS_O, "No conversations yet",
                    "Add friends in Find people; then press Message next to a friend."));
        }
        for (ConversationSummary conversation : conversations) {
            boolean selected = openConversationId != null && conversation.id() == openConversationId;
            ConversationRow row = new ConversationRow(conversation, selected, zone, clock);
            rows.put(conversation.id(), row);
            conversationList.add(row);
        }
    }

    private void configureUpload() {
        upload.addClassName("attach");
        upload.setTestId("attach");
        upload.setUploadFormat(UploadFormat.RAW);
        upload.setDropAllowed(true);
        upload.setMaxFiles(10);
        Button attach = new Button(VaadinIcon.PAPERCLIP.create());
        attach.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        attach.setAriaLabel("Send a file");
        attach.setTooltipText("Send a file or picture (or drop it here)");
        upload.setUploadButton(attach);
        upload.setDropLabel(new Span("Drop to send"));
        // The file list is progress only: each finished file shows up as a message.
        upload.addAllFinishedListener(finished -> upload.clearFileList());
        upload.addFileRejectedListener(rejected -> Toasts.error(rejected.getFileName() + ": "
                + rejected.getErrorMessage()));
    }

    /**
     * Files dragged anywhere over the conversation make the upload cover it (class "dropping"), so the drop
     * lands on the upload itself; a drop beside it would otherwise make the browser open the file.
     */
    private void acceptDropsOnWholePane() {
        pane.getElement().executeJs("""
                const pane = this;
                let depth = 0;
                const carriesFiles = e => e.dataTransfer && Array.from(e.dataTransfer.types).includes('Files');
                const stop = () => { depth = 0; pane.classList.remove('dropping'); };
                pane.addEventListener('dragenter', e => {
                  if (carriesFiles(e) && pane.querySelector('vaadin-upload.attach:not([disabled])')) {
                    depth++;
                    pane.classList.add('dropping');
                  }
                });
                pane.addEventListener('dragleave', e => { if (carriesFiles(e) && --depth <= 0) stop(); });
                pane.addEventListener('dragover', e => { if (carriesFiles(e)) e.preventDefault(); });
                pane.addEventListener('drop', e => { if (carriesFiles(e)) e.preventDefault(); stop(); });
                """);
    }

    /** Runs on the upload's own request, outside the UI lock; the stored message arrives by push. */
    private void receive(UploadEvent event, long conversationId) throws IOException {
        try (InputStream content = event.getInputStream()) {
            attachments.upload(conversationId, event.getFileName(), event.getContentType(), content);
        } catch (UserFacingException refused) {
            event.reject(refused.getMessage());
            // Like a refused message: say why, and show at once whether this conversation still takes any.
            event.getUI().access(() -> {
                Toasts.error(refused.getMessage());
                recheckAccess();
            });
        }
    }

    private void prepareUpload(long conversationId) {
        AttachmentService.UploadRules rules = attachments.uploadRules(conversationId);
        upload.setUploadHandler(event -> receive(event, conversationId));
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, rules.maxBytes()));
        UploadI18N i18n = new UploadI18N();
        i18n.setError(new UploadI18N.Error()
                .setIncorrectFileType("only pictures (PNG, JPEG, GIF or WebP) can be sent in a group.")
                .setFileIsTooBig("too large: at most " + FileSizes.of(rules.maxBytes()) + ".")
                .setTooManyFiles("at most 10 files at once."));
        upload.setI18n(i18n);
        if (rules.picturesOnly()) {
            upload.setAcceptedFileTypes("image/png", "image/jpeg", "image/gif", "image/webp");
            upload.getUploadButton().getElement().setAttribute("aria-label", "Send pictures");
        } else {
            upload.setAcceptedFileTypes();
            upload.getUploadButton().getElement().setAttribute("aria-label", "Send a file");
        }
        upload.getElement().setProperty("title", rules.picturesOnly()
                ? "Pictures up to " + FileSizes.of(rules.maxBytes()) : "Files up to " + FileSizes.of(rules.maxBytes()));
    }

    private void attachmentClicked(MessageListItem.Attachment clicked) {
        AttachmentView attachment = clicked == null ? null : shownAttachments.get(clicked.url());
        if (attachment == null) {
            return;
        }
        if (attachment.picture()) {
            new PictureDialog(attachment).open();
        } else {
            // A same-page link with "download": the browser saves the file and the chat stays open.
            getElement().executeJs("const a = document.createElement('a'); a.href = $0; a.download = '';"
                    + "document.body.appendChild(a); a.click(); a.remove();", attachment.downloadUrl());
        }
    }

    /** The type the sender's browser declared; for an unknown one ("octet-stream"), what the name ends with. */
    private static String typeOf(AttachmentView file) {
        if (!"application/octet-stream".equals(file.contentType())) {
            return file.contentType();
        }
        int dot = file.fileName().lastIndexOf('.');
        String extension = dot > 0 ? file.fileName().substring(dot + 1) : "";
        return extension.isEmpty() || extension.length() > 8 ? "file"
                : extension.toUpperCase(java.util.Locale.ROOT) + " file";
    }

    private Button addFriendButton(UserSummary partner) {
        Button add = new Button("Add friend", VaadinIcon.USER_CHECK.create());
        add.addThemeVariants(ButtonVariant.LUMO_SMALL);
        add.setTestId("temporary-add-friend");
        add.addClassName("add-friend");
        Relationship relationship = friends.relationshipWith(partner.id());
        if (relationship == Relationship.REQUEST_SENT) {
            add.setText("Request sent");
            add.setEnabled(false);
        }
        add.addClickListener(click -> {
            try {
                Relationship now = friends.sendRequest(partner.id(), null);
                if (now == Relationship.FRIEND) {
                    Toasts.success("You and " + partner.displayName() + " are friends now.");
                } else {
                    Toasts.success("Friend request sent to " + partner.displayName() + ".");
                    add.setText("Request sent");
                    add.setEnabled(false);
                }
            } catch (UserFacingException refused) {
                Toasts.error(refused.getMessage());
            }
        });
        return add;
    }

    private MessageListItem item(ChatMessageView message) {
        UserSummary sender = message.sender();
        if (message.system()) {
            MessageListItem line = new MessageListItem(message.body(), message.sentAt(), "Parley");
            line.addClassNames("system");
            return line;
        }
        MessageListItem item = new MessageListItem(message.body(), message.sentAt(), sender.displayName());
        AttachmentView attachment = message.attachment();
        if (attachment != null) {
            // A picture shows its server-made preview; a file shows its name and size and downloads on click.
            String url = attachment.picture() ? attachment.thumbnailUrl() : attachment.downloadUrl();
            item.addAttachment(new MessageListItem.Attachment(attachment.picture() ? attachment.fileName()
                    : attachment.fileName() + " · " + FileSizes.of(attachment.sizeBytes()) + " · " + typeOf(attachment),
                    url,
                    // Only a recognised picture may look like an image: the list would load anything else inline.
                    attachment.picture() || !attachment.contentType().startsWith("image/") ? attachment.contentType()
                            : "application/octet-stream"));
            shownAttachments.put(url, attachment);
            item.addClassNames(attachment.picture() ? "has-picture" : "has-file");
        }
        if (sender.avatarUrl() != null) {
            item.setUserImage(sender.avatarUrl());
        }
        item.setUserColorIndex(sender.colorIndex());
        if (sender.id() == me) {
            item.addClassNames("own");
        }
        return item;
    }
}
