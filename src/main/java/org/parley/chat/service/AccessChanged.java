package org.parley.chat.service;

import org.parley.base.service.UserEvent;

/**
 * Who may read or write a conversation changed (a member was removed, muted, the group was muted): open
 * views of it re-check at once. Published by the features that own such rules.
 */
public interface AccessChanged extends UserEvent {
    long conversationId();
}
