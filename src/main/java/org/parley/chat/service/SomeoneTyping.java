package org.parley.chat.service;

import java.util.Collection;
import org.parley.account.service.UserSummary;
import org.parley.base.service.UserEvent;

/** {@code typist} is writing in a conversation now: its other members' open views say so for a few seconds. */
public record SomeoneTyping(long conversationId, UserSummary typist, Collection<Long> recipients) implements UserEvent {

    @Override
    public boolean fleeting() {
        return true;
    }
}
