package org.parley.chat.service;

import java.time.Instant;
import org.parley.account.service.UserSummary;

/** A row of the conversation list. {@code lastMessage} is null for a conversation with no messages yet. */
public record ConversationSummary(long id, UserSummary partner, String lastMessage, boolean lastMessageIsMine,
        Instant lastActivityAt, int unreadCount) {
}
