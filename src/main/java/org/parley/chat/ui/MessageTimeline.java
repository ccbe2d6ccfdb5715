package org.parley.chat.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.messages.MessageList;
import com.vaadin.flow.component.messages.MessageListItem;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.parley.account.service.UserSummary;
import org.parley.account.ui.UserAvatars;
import org.parley.base.service.LiveEvents;
import org.parley.base.ui.FileSizes;
import org.parley.base.ui.LiveUpdates;
import org.parley.chat.service.AttachmentView;
import org.parley.chat.service.ChatMessageView;
import org.parley.chat.service.ChatService;
import org.parley.chat.service.MessagesSeen;
import org.parley.chat.service.ReadReceipts;

/**
 * The open conversation's messages: the newest page first, older pages as the reader scrolls up, new ones as
 * they arrive. Messages are keyed by id, so each shows once and in stored order even when pushes and history
 * pages overlap. In a one-on-one conversation where read receipts pass, the last of the reader's own messages the
 * other has read is marked "Seen".
 */
class MessageTimeline {

    /**
     * Every link in the list opens in a new tab, and the page it opens gets no handle on the chat (no opener, no
     * referrer). Set on each link as messages render (the list's Markdown has no such option).
     */
    private static final String LINKS_OPEN_IN_A_NEW_TAB = """
            if (!this.__parleyLinks) {
              this.__parleyLinks = true;
              const mark = () => this.querySelectorAll('a[href]:not([target])').forEach(a => {
                a.target = '_blank';
                a.rel = 'noopener noreferrer';
              });
              new MutationObserver(mark).observe(this, {childList: true, subtree: true});
              mark();
            }
            """;

    final MessageList list = new MessageList();
    final Button loadEarlier = new Button("Load earlier messages");
    private final ChatService chat;
    private final ReadReceipts receipts;
    private final long me;
    private final TreeMap<Long, MessageListItem> shown = new TreeMap<>();
    /** The shown messages that are the reader's own. */
    private final TreeSet<Long> ownShown = new TreeSet<>();
    /** What each shown attachment is, by the address the message list knows it by. */
    private final Map<String, AttachmentView> shownAttachments = new HashMap<>();

    /** Volatile, as is {@link #seenUpTo}: read on the publishing thread, to wake only the tabs showing it. */
    private volatile Long conversationId;

    private boolean hasEarlier;
    /** How far the other person has read (a message id, 0: nothing yet); null: no receipts pass here. */
    private volatile Long seenUpTo;

    private MessageListItem seenItem;

    MessageTimeline(ChatService chat, ReadReceipts receipts, LiveEvents liveEvents, long me) {
        this.chat = chat;
        this.receipts = receipts;
        this.me = me;
        LiveUpdates.bind(
                list,
                liveEvents,
                me,
                event -> event instanceof MessagesSeen seen
                        && seenUpTo != null
                        && seen.conversationId() == conversationIdOr(-1),
                event -> seen(((MessagesSeen) event).upToMessageId()));
        list.addClassName("message-list");
        list.setTestId("message-list");
        // Markdown only for links: MessageText escapes everything else a person typed.
        list.setMarkdown(true);
        list.addAttachListener(attach -> list.getElement().executeJs(LINKS_OPEN_IN_A_NEW_TAB));
        // Scrolled near the top: fetch the previous page (debounced).
        list.getElement()
                .addEventListener("scroll", scroll -> loadEarlier())
                .setFilter("element.scrollTop < 60 && element.scrollHeight > element.clientHeight")
                .debounce(250);
        list.addAttachmentClickListener(click -> attachmentClicked(click.getAttachment()));
        loadEarlier.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        loadEarlier.addClassName("load-earlier");
        loadEarlier.addClickListener(click -> loadEarlier());
        loadEarlier.setTestId("load-earlier");
    }

    /** Shows the newest page of a conversation (null: none). */
    void open(Long conversationId) {
        this.conversationId = conversationId;
        shown.clear();
        ownShown.clear();
        shownAttachments.clear();
        hasEarlier = false;
        seenItem = null;
        seenUpTo = null;
        if (conversationId != null) {
            List<ChatMessageView> newest = chat.history(conversationId, null, ChatService.PAGE_SIZE);
            hasEarlier = newest.size() == ChatService.PAGE_SIZE;
            newest.forEach(m -> shown.put(m.id(), item(m)));
            seenUpTo = receipts.seenUpTo(conversationId);
            markSeen();
            list.setItems(shown.values());
        }
        loadEarlier.setVisible(hasEarlier);
    }

    /** No earlier pages to fetch any more (the reader lost access). */
    void stopPaging() {
        hasEarlier = false;
        loadEarlier.setVisible(false);
    }

    /** Shows a message of the open conversation once, in id order; returns false if it was already shown. */
    boolean add(ChatMessageView message) {
        if (conversationId == null || message.conversationId() != conversationId || shown.containsKey(message.id())) {
            return false;
        }
        boolean newest = shown.isEmpty() || message.id() > shown.lastKey();
        MessageListItem item = item(message);
        shown.put(message.id(), item);
        if (seenUpTo != null && message.sender() != null && message.sender().id() != me) {
            // Their message means they have read everything before it (writing moves the writer's marker too).
            seenUpTo = Math.max(seenUpTo, message.id());
        }
        markSeen();
        if (newest) {
            list.addItem(item);
        } else {
            list.setItems(shown.values());
        }
        return true;
    }

    private void loadEarlier() {
        if (conversationId == null || !hasEarlier || shown.isEmpty()) {
            return;
        }
        List<ChatMessageView> page = chat.history(conversationId, shown.firstKey(), ChatService.PAGE_SIZE);
        hasEarlier = page.size() == ChatService.PAGE_SIZE;
        page.forEach(m -> shown.put(m.id(), item(m)));
        markSeen();
        list.setItems(shown.values());
        loadEarlier.setVisible(hasEarlier);
        // Keep the message the reader was looking at in place while older ones are added above it.
        list.getElement()
                .executeJs("const fromBottom = this.scrollHeight - this.scrollTop;"
                        + "requestAnimationFrame(() => { this.scrollTop = this.scrollHeight - fromBottom; });");
    }

    private long conversationIdOr(long none) {
        Long open = conversationId;
        return open == null ? none : open;
    }

    /** The other person has read up to {@code messageId}. */
    private void seen(long messageId) {
        Long before = seenUpTo;
        if (before != null && messageId > before) {
            seenUpTo = messageId;
            markSeen();
        }
    }

    /** "Seen" goes under the newest of the reader's own messages that the other has read, and only there. */
    private void markSeen() {
        Long upTo = seenUpTo;
        Long newestSeen = upTo == null ? null : ownShown.floor(upTo);
        MessageListItem item = newestSeen == null ? null : shown.get(newestSeen);
        if (item != seenItem) {
            if (seenItem != null) {
                seenItem.removeClassNames("seen");
            }
            if (item != null) {
                item.addClassNames("seen");
            }
            seenItem = item;
        }
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
            list.getElement()
                    .executeJs(
                            "const a = document.createElement('a'); a.href = $0; a.download = '';"
                                    + "document.body.appendChild(a); a.click(); a.remove();",
                            attachment.downloadUrl());
        }
    }

    private MessageListItem item(ChatMessageView message) {
        UserSummary sender = message.sender();
        if (message.system()) {
            MessageListItem line =
                    new MessageListItem(MessageText.toMarkdown(message.body()), message.sentAt(), "Parley");
            line.addClassNames("system");
            return line;
        }
        // The @user name beside the display name: display names need not be unique, user names are.
        MessageListItem item = new MessageListItem(
                MessageText.toMarkdown(message.body()),
                message.sentAt(),
                sender.displayName() + " @" + sender.username());
        item.setUserAbbreviation(UserAvatars.initials(sender.displayName()));
        AttachmentView attachment = message.attachment();
        if (attachment != null) {
            // A picture shows its server-made preview; a file shows its name and size and downloads on click.
            String url = attachment.picture() ? attachment.thumbnailUrl() : attachment.downloadUrl();
            item.addAttachment(new MessageListItem.Attachment(
                    attachment.picture()
                            ? attachment.fileName()
                            : attachment.fileName() + " · " + FileSizes.of(attachment.sizeBytes()) + " · "
                                    + typeOf(attachment),
                    url,
                    // Only a recognised picture may look like an image: the list would load anything else inline.
                    attachment.picture() || !attachment.contentType().startsWith("image/")
                            ? attachment.contentType()
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
            ownShown.add(message.id());
        }
        return item;
    }

    /** The type the sender's browser declared; for an unknown one ("octet-stream"), what the name ends with. */
    private static String typeOf(AttachmentView file) {
        if (!"application/octet-stream".equals(file.contentType())) {
            return file.contentType();
        }
        int dot = file.fileName().lastIndexOf('.');
        String extension = dot > 0 ? file.fileName().substring(dot + 1) : "";
        return extension.isEmpty() || extension.length() > 8 ? "file" : extension.toUpperCase(Locale.ROOT) + " file";
    }
}
