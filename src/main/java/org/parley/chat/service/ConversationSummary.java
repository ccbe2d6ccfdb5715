package org.parley.chat.service;

import java.time.Instant;
import org.parley.account.service.UserSummary;

/**
 * A row of the conversation list: {@code title} is the partner's name or the group's name; {@code partner}
 * is null for a group. {@code lastMessage} is null for a conversation with no messages yet.
 * {@code temporaryFrom} names the group a temporary conversation was started from; null otherwise.
 */
public record ConversationSummary(long id, String title, UserSummary partner, String lastMessage,
        boolean lastMessageIsMine, Instant lastActivityAt, int unreadCount, String groupAvatarUrl,
        String temporaryFrom) {

    /** A temporary conversation (the two are not friends): marked as such, with the group it came from. */
    public boolean isTemporary() {
        return temporaryFrom != null;
    }


    public boolean isGroup() {
        return partner == null;
    }
}
