package org.parley.chat.service;

import java.util.Collection;
import java.util.List;
import org.parley.base.service.UserEvent;

/** The user read a conversation in one tab: their other tabs clear its badge too. */
public record ConversationRead(long conversationId, long userId) implements UserEvent {
    @Override
    public Collection<Long> recipients() {
        return List.of(userId);
    }
}
