package org.parley.chat.ui;

import com.vaadin.flow.component.messages.MessageListItem;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.i18n.I18NProvider;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.parley.account.service.UserSummary;
import org.parley.account.ui.UserAvatars;
import org.parley.base.ui.FileSizes;
import org.parley.base.ui.Words;
import org.parley.chat.service.AttachmentView;
import org.parley.chat.service.ChatMessageView;
import org.parley.chat.service.Quote;

/**
 * How each message shows in the list: a person's message with name, avatar, quote, mentions and attachment; Parley's
 * own lines; what is left of a recalled or removed message. Tells {@link SeenMark} which are the reader's own, and
 * keeps the attachments it showed, to open the one that is clicked.
 */
final class MessageItems {

    private final long me;
    private final SeenMark seen;
    /** What each shown attachment is, by the address the message list knows it by. */
    private final Map<String, AttachmentView> shownAttachments = new HashMap<>();

    MessageItems(long me, SeenMark seen) {
        this.me = me;
        this.seen = seen;
    }

    /** Another conversation is shown: none of the earlier attachments is. */
    void clear() {
        shownAttachments.clear();
    }

    /** Opens an attachment clicked in {@code list}: a picture in a dialog; a file is saved by the browser. */
    void open(MessageListItem.Attachment clicked, Element list) {
        AttachmentView attachment = clicked == null ? null : shownAttachments.get(clicked.url());
        if (attachment == null) {
            return;
        }
        if (attachment.picture()) {
            new PictureDialog(attachment).open();
        } else {
            // A same-page link with "download": the browser saves the file and the chat stays open.
            list.executeJs(
                    "const a = document.createElement('a'); a.href = $0; a.download = '';"
                            + "document.body.appendChild(a); a.click(); a.remove();",
                    attachment.downloadUrl());
        }
    }

    /** The list item for a message. */
    MessageListItem of(ChatMessageView message) {
        UserSummary sender = message.sender();
        if (message.gone()) {
            seen.own(message.id(), false);
            boolean mine = sender.id() == me;
            String line = message.state() == ChatMessageView.State.RECALLED
                    ? (mine
                            ? I18NProvider.translate("chat.gone.recalled-mine")
                            : I18NProvider.translate("chat.gone.recalled", Words.of(sender.shownName())))
                    : (mine
                            ? I18NProvider.translate("chat.gone.removed-mine")
                            : I18NProvider.translate("chat.gone.removed", Words.of(sender.shownName())));
            MessageListItem gone = new MessageListItem(MessageText.toMarkdown(line), message.sentAt(), "Parley");
            gone.addClassNames("system", "recalled");
            return gone;
        }
        if (message.system()) {
            // A system line's preview is its words (SystemLine), in the reader's language.
            MessageListItem line = new MessageListItem(
                    MessageText.toMarkdown(Words.of(message.preview())), message.sentAt(), "Parley");
            line.addClassNames("system");
            return line;
        }
        // The @user name beside the display name: display names need not be unique, user names are.
        Quote quote = message.replyTo();
        String name = Words.of(sender.shownName());
        MessageListItem item = new MessageListItem(
                (quote == null ? "" : MessageText.quote(Words.of(quote.sender().shownName()), Words.of(quote.text())))
                        + MessageText.toMarkdown(message.body(), message.mentions()),
                message.sentAt(),
                (name + " " + sender.handle()).strip());
        item.setUserAbbreviation(UserAvatars.initials(name));
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
            seen.own(message.id(), true);
        }
        if (quote != null) {
            item.addClassNames("reply");
        }
        if (message.mentions(me)) {
            item.addClassNames("mentions-me");
        }
        if (message.state() == ChatMessageView.State.EDITED) {
            item.addClassNames("edited");
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
        return extension.isEmpty() || extension.length() > 8
                ? I18NProvider.translate("chat.file.kind")
                : I18NProvider.translate("chat.file.kind-of", extension.toUpperCase(Locale.ROOT));
    }
}
