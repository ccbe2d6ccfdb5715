package org.parley.chat.service;

import java.util.Collection;
import java.util.Map;
import org.parley.base.service.Phrase;

/**
 * What the chat needs to know about group conversations, answered by the groups feature (which depends
 * on chat, not the other way round).
 */
public interface GroupConversations {

    /** Null when the member may write now; otherwise why not, in words for them (muted, group muted). */
    SendRestriction sendRestriction(long conversationId, long userId);

    /**
     * Null when {@code starterId} may start a temporary conversation with {@code otherId} from this group
     * (both members, the group allows it); otherwise why not, in words for the starter.
     */
    Phrase temporaryChatRefusal(long groupId, long starterId, long otherId);

    /** Whether the two share any group that allows temporary conversations: such a conversation lives on. */
    boolean shareGroupAllowingTemporaryChats(long a, long b);

    /** Group names by group id (a deleted group is missing). */
    Map<Long, String> groupNames(Collection<Long> groupIds);

    /** Group names and pictures by conversation id, for the conversation list and headers. */
    Map<Long, ConversationLook> looks(Collection<Long> conversationIds);

    /** Whether {@code userId} owns or administers the group of this conversation. */
    boolean administers(long conversationId, long userId);

    /** Writes in the group's log that {@code actorId} removed a message of {@code senderId}'s. */
    void logMessageRemoved(long conversationId, long actorId, long senderId);
}
