package org.parley.chat.service;

import java.time.Instant;
import org.parley.account.service.UserSummary;
import org.parley.base.service.Phrase;

/**
 * A row of the conversation list: {@code title} is the partner's name ({@link UserSummary#shownName}) or the
 * group's name; {@code partner} is null for a group. {@code lastMessage} is null for a conversation with no messages
 * yet.
 * {@code temporaryFrom} names the group a temporary conversation was started from; null otherwise.
 * {@code lastMessageId} is the newest message this row already reflects (null: none). {@code unreadMention}: a
 * message there names the viewer ("@") and they have not read it yet.
 */
public record ConversationSummary(
        long id,
        Phrase title,
        UserSummary partner,
        Phrase lastMessage,
        boolean lastMessageIsMine,
        Instant lastActivityAt,
        String groupAvatarUrl,
        String temporaryFrom,
        Long lastMessageId,
        boolean unreadMention) {

    /** A temporary conversation (the two are not friends): marked as such, with the group it came from. */
    public boolean isTemporary() {
        return temporaryFrom != null;
    }

    public boolean isGroup() {
        return partner == null;
    }

    /**
     * This row as {@code viewer} sees it once {@code message} was posted in it, from the event alone (no
     * query): its preview, time and newest message. Unread counts are kept by the tab's {@link UnreadCounts}.
     */
    public ConversationSummary after(ChatMessageView message, long viewer) {
        if (lastMessageId != null && message.id() <= lastMessageId) {
            // Already in this row: the list was read after the message was stored.
            return this;
        }
        return new ConversationSummary(
                id,
                title,
                partner,
                message.preview(),
                message.sender().id() == viewer && !message.system(),
                message.sentAt(),
                groupAvatarUrl,
                temporaryFrom,
                message.id(),
                unreadMention || message.mentions(viewer));
    }

    /** This row once its viewer has read it: no mention waits any more. */
    public ConversationSummary mentionRead() {
        return !unreadMention
                ? this
                : new ConversationSummary(
                        id,
                        title,
                        partner,
                        lastMessage,
                        lastMessageIsMine,
                        lastActivityAt,
                        groupAvatarUrl,
                        temporaryFrom,
                        lastMessageId,
                        false);
    }

    /** This row once {@code message} was recalled, removed or edited: a new preview if it is the row's newest. */
    public ConversationSummary changed(ChatMessageView message) {
        if (lastMessageId == null || message.id() != lastMessageId) {
            return this;
        }
        return new ConversationSummary(
                id,
                title,
                partner,
                message.preview(),
                lastMessageIsMine,
                lastActivityAt,
                groupAvatarUrl,
                temporaryFrom,
                lastMessageId,
                unreadMention);
    }
}
