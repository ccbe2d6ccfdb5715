package org.parley.chat.service;

import java.util.Collection;
import java.util.Map;

/**
 * What the chat needs to know about group conversations, answered by the groups feature (which depends
 * on chat, not the other way round).
 */
public interface GroupConversations {

    /** Null when the member may write now; otherwise why not, in words for them (muted, group muted). */
    SendRestriction sendRestriction(long conversationId, long userId);

    /** Group names and pictures by conversation id, for the conversation list and headers. */
    Map<Long, ConversationLook> looks(Collection<Long> conversationIds);
}
