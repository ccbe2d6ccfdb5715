package org.parley.chat.service;

import java.util.Collection;
import java.util.List;
import org.parley.base.service.UserEvent;

/** {@code userId} muted (or unmuted) notifications of a conversation: their other tabs follow. */
public record NotificationsMuted(long conversationId, long userId, boolean muted) implements UserEvent {

    @Override
    public Collection<Long> recipients() {
        return List.of(userId);
    }
}
