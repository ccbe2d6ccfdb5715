package org.parley.chat.service;

import java.util.Collection;
import java.util.List;
import org.parley.base.service.UserEvent;

/**
 * The other person of a one-on-one conversation has read it up to {@code upToMessageId}: {@code writerId}'s open
 * view of it marks the last of their messages up to there "Seen". Sent only where both send read receipts.
 */
public record MessagesSeen(long conversationId, long upToMessageId, long writerId) implements UserEvent {

    @Override
    public Collection<Long> recipients() {
        return List.of(writerId);
    }

    /** Only a tab showing the conversation has anything to mark. */
    @Override
    public boolean fleeting() {
        return true;
    }
}
