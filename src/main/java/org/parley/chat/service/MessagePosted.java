package org.parley.chat.service;

import java.util.Collection;
import org.parley.base.service.UserEvent;

/**
 * A message was stored: every member's open views show it. {@code messageCount} is the conversation's count
 * of unread-counting messages once this one was stored (see {@link UnreadCounts}): with it, every badge the
 * message touches follows in memory, without asking the database per member.
 */
public record MessagePosted(ChatMessageView message, long messageCount, Collection<Long> recipients)
        implements UserEvent {

    @Override
    public Long tracedMessageId() {
        return message.id();
    }
}
