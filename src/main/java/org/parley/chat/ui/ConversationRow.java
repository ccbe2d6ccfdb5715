package org.parley.chat.ui;

import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Objects;
import org.parley.account.ui.UserAvatars;
import org.parley.base.ui.Badges;
import org.parley.base.ui.TimeFormat;
import org.parley.base.ui.Words;
import org.parley.chat.service.ConversationSummary;

/**
 * A conversation in the list: partner, last message, when, how many are unread, and "@" while a message there that
 * names the reader is unread (even in a busy group, where the count alone would not tell). Built once; a new message
 * or a read changes only the texts that differ, so each push carries a few words, not a new row.
 */
class ConversationRow extends RouterLink {

    /** Text nodes, so that a change sends the new words only (a span's setText would also re-send its child). */
    private final Text time = new Text("");

    private final Text preview = new Text("");
    private final Badge unread = new Badge();
    private final Badge mention = new Badge("@");
    private boolean shownMention;
    private String shownTime;
    private String shownPreview;
    private long shownUnread;

    ConversationRow(ConversationSummary conversation, long unreadCount, boolean selected, ZoneId zone, Clock clock) {
        super(ChatView.class, new RouteParameters("conversationId", String.valueOf(conversation.id())));
        addClassName("conversation-row");
        setSelected(selected);
        setTestId(
                conversation.isGroup()
                        ? "conversation-group-" + conversation.id()
                        : "conversation-" + conversation.partner().username());
        Span name = new Span(Words.of(conversation.title()));
        name.addClassName("conversation-name");
        Span timeSpan = new Span(time);
        timeSpan.addClassName("conversation-time");
        Div top = new Div(name);
        if (conversation.isTemporary()) {
            var temporary = Badges.of(I18NProvider.translate("chat.header.temporary"), "warning small");
            temporary
                    .getElement()
                    .setAttribute(
                            "title", I18NProvider.translate("chat.row.temporary-detail", conversation.temporaryFrom()));
            temporary.addClassName("temporary-badge");
            top.add(temporary);
        }
        top.add(timeSpan);
        top.addClassName("conversation-top");
        Span previewSpan = new Span(preview);
        previewSpan.addClassName("conversation-preview");
        unread.getElement().getThemeList().add("primary pill");
        unread.setVisible(false);
        unread.addClassName("unread-badge");
        unread.setTestId(
                conversation.isGroup()
                        ? "unread-group-" + conversation.id()
                        : "unread-" + conversation.partner().username());
        mention.getElement().getThemeList().add("error primary pill");
        mention.addClassName("mention-badge");
        mention.getElement().setAttribute("title", I18NProvider.translate("chat.row.mentioned"));
        mention.getElement().setAttribute("aria-label", I18NProvider.translate("chat.row.mentioned"));
        mention.setVisible(false);
        mention.setTestId(
                conversation.isGroup()
                        ? "mention-group-" + conversation.id()
                        : "mention-" + conversation.partner().username());
        Div bottom = new Div(previewSpan, mention, unread);
        bottom.addClassName("conversation-bottom");
        Div text = new Div(top, bottom);
        text.addClassName("conversation-text");
        add(
                conversation.isGroup()
                        ? groupAvatar(Words.of(conversation.title()), conversation.groupAvatarUrl())
                        : UserAvatars.avatar(conversation.partner()),
                text);
        show(conversation, zone, clock);
        showUnread(unreadCount);
    }

    /** Shows the conversation's latest message and time; unchanged texts are not sent again. */
    void show(ConversationSummary conversation, ZoneId zone, Clock clock) {
        String when = TimeFormat.brief(conversation.lastActivityAt(), zone, clock);
        if (!when.equals(shownTime)) {
            time.setText(when);
            shownTime = when;
        }
        String text;
        if (conversation.lastMessage() == null) {
            text = conversation.isTemporary()
                    ? getTranslation("chat.row.temporary-empty", conversation.temporaryFrom())
                    : getTranslation("chat.row.empty");
        } else {
            String last = Words.of(conversation.lastMessage());
            text = conversation.lastMessageIsMine() ? getTranslation("chat.row.mine", last) : last;
        }
        if (!Objects.equals(text, shownPreview)) {
            preview.setText(text);
            shownPreview = text;
        }
        if (conversation.unreadMention() != shownMention) {
            shownMention = conversation.unreadMention();
            mention.setVisible(shownMention);
        }
    }

    /** Shows the unread count (none: no badge). */
    void showUnread(long count) {
        if (count == shownUnread) {
            return;
        }
        boolean shownBefore = shownUnread > 0;
        shownUnread = count;
        unread.setText(String.valueOf(count));
        if (shownBefore != count > 0) {
            unread.setVisible(count > 0);
            setClassName("has-unread", count > 0);
        }
    }

    void setSelected(boolean selected) {
        setClassName("selected", selected);
    }

    static Avatar groupAvatar(String title, String imageUrl) {
        Avatar avatar = new Avatar(title);
        if (imageUrl != null) {
            avatar.setImage(imageUrl);
        }
        return avatar;
    }
}
