package org.parley.chat.service;

import java.time.Instant;
import org.parley.account.service.UserSummary;

/**
 * A row of the conversation list: {@code title} is the partner's name or the group's name; {@code partner}
 * is null for a group. {@code lastMessage} is null for a conversation with no messages yet.
 * {@code temporaryFrom} names the group a temporary conversation was started from; null otherwise.
 * {@code lastMessageId} is the newest message this row already reflects (null: none).
 */
public record ConversationSummary(long id, String title, UserSummary partner, String lastMessage,
        boolean lastMessageIsMine, Instant lastActivityAt, int unreadCount, String groupAvatarUrl,
        String temporaryFrom, Long lastMessageId) {

    /** A temporary conversation (the two are not friends): marked as such, with the group it came from. */
    public boolean isTemporary() {
        return temporaryFrom != null;
    }


    public boolean isGroup() {
        return partner == null;
    }

    /**
     * This row as {@code viewer} sees it once {@code message} was posted in it, without asking the database
     * again: {@code open} means the viewer has the conversation open (and so has read it). System lines ("Ann
     * joined") are not counted as unread, as the service does not count them.
     */
    public ConversationSummary after(ChatMessageView message, long viewer, boolean open) {
        if (lastMessageId != null && message.id() <= lastMessageId) {
            // Already in this row: the list was read after the message was stored.
            return open ? read() : this;
        }
        boolean sentByViewer = message.sender().id() == viewer;
        int unread = open ? 0 : sentByViewer || message.system() ? unreadCount : unreadCount + 1;
        return new ConversationSummary(id, title, partner, ChatService.preview(message.body(), message.attachment()),
                sentByViewer && !message.system(), message.sentAt(), unread, groupAvatarUrl, temporaryFrom,
                message.id());
    }

    /** This row once its reader has read everything. */
    public ConversationSummary read() {
        return unreadCount == 0 ? this : new ConversationSummary(id, title, partner, lastMessage, lastMessageIsMine,
                lastActivityAt, 0, groupAvatarUrl, temporaryFrom, lastMessageId);
    }
}
