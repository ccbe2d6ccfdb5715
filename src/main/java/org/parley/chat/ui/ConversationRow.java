package org.parley.chat.ui;

import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import java.time.Clock;
import java.time.ZoneId;
import org.parley.account.ui.UserAvatars;
import org.parley.base.ui.Badges;
import org.parley.base.ui.TimeFormat;
import org.parley.chat.service.ConversationSummary;

/** A conversation in the list: partner, last message, when, and how many are unread. */
class ConversationRow extends RouterLink {

    ConversationRow(ConversationSummary conversation, boolean selected, ZoneId zone, Clock clock) {
        super(ChatView.class, new RouteParameters("conversationId", String.valueOf(conversation.id())));
        addClassName("conversation-row");
        if (selected) {
            addClassName("selected");
        }
        setTestId(conversation.isGroup() ? "conversation-group-" + conversation.id()
                : "conversation-" + conversation.partner().username());
        Span name = new Span(conversation.title());
        name.addClassName("conversation-name");
        Span time = new Span(TimeFormat.brief(conversation.lastActivityAt(), zone, clock));
        time.addClassName("conversation-time");
        Div top = new Div(name);
        if (conversation.isTemporary()) {
            var temporary = Badges.of("Temporary", "warning small");
            temporary.getElement().setAttribute("title", "Started in " + conversation.temporaryFrom()
                    + "; you are not friends");
            temporary.addClassName("temporary-badge");
            top.add(temporary);
        }
        top.add(time);
        top.addClassName("conversation-top");
        String previewText = conversation.lastMessage() == null
                ? (conversation.isTemporary() ? "From " + conversation.temporaryFrom() + " — say hello"
                        : "No messages yet — say hello")
                : (conversation.lastMessageIsMine() ? "You: " : "") + conversation.lastMessage();
        Span preview = new Span(previewText);
        preview.addClassName("conversation-preview");
        Div bottom = new Div(preview);
        bottom.addClassName("conversation-bottom");
        if (conversation.unreadCount() > 0) {
            Badge unread = new Badge(String.valueOf(conversation.unreadCount()));
            unread.getElement().getThemeList().add("primary pill");
            unread.addClassName("unread-badge");
            unread.setTestId(conversation.isGroup() ? "unread-group-" + conversation.id()
                    : "unread-" + conversation.partner().username());
            bottom.add(unread);
            addClassName("has-unread");
        }
        Div text = new Div(top, bottom);
        text.addClassName("conversation-text");
        add(conversation.isGroup() ? groupAvatar(conversation.title(), conversation.groupAvatarUrl())
                : UserAvatars.avatar(conversation.partner()), text);
    }

    static Avatar groupAvatar(String title, String imageUrl) {
        Avatar avatar = new Avatar(title);
        if (imageUrl != null) {
            avatar.setImage(imageUrl);
        }
        return avatar;
    }
}
