package org.parley.chat.service;

import java.time.Instant;
import org.parley.account.service.UserSummary;
import org.parley.base.service.Phrase;

/**
 * An open conversation's header: the partner (null for a group), its title, and {@code cannotSendReason},
 * null when the caller may write; {@code canSendAgainAt} says when a temporary restriction (a mute) ends.
 */
public record ConversationDetails(
        long id,
        Phrase title,
        UserSummary partner,
        Phrase cannotSendReason,
        Instant canSendAgainAt,
        String groupAvatarUrl,
        String temporaryFrom) {

    /** A temporary conversation (the two are not friends), started from the group {@code temporaryFrom}. */
    public boolean isTemporary() {
        return temporaryFrom != null;
    }

    public boolean canSend() {
        return cannotSendReason == null;
    }

    public boolean isGroup() {
        return partner == null;
    }
}
