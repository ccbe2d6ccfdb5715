package org.parley.chat.service;

import java.util.Collection;
import java.util.List;
import org.parley.base.service.UserEvent;

/**
 * The user read a conversation up to {@code readCount} of its messages (in one tab): their other tabs clear
 * its badge too. Nobody else is told.
 */
public record ConversationRead(long conversationId, long userId, long readCount) implements UserEvent {
    @Override
    public Collection<Long> recipients() {
        return List.of(userId);
    }
}
