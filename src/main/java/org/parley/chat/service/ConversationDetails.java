package org.parley.chat.service;

import org.parley.account.service.UserSummary;

/** An open conversation's header; {@code cannotSendReason} is null when the caller may write. */
public record ConversationDetails(long id, UserSummary partner, String cannotSendReason) {
    public boolean canSend() {
        return cannotSendReason == null;
    }
}
