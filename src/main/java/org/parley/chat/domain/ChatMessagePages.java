package org.parley.chat.domain;

import java.util.List;

/** Keyset pages of a conversation's history (a fragment of {@link ChatMessageRepository}). */
public interface ChatMessagePages {

    /** Newest first, below {@code beforeId}: at most {@code limit}, read from the (conversation_id, id) index. */
    List<ChatMessage> pageBefore(long conversationId, long beforeId, int limit);

    /** Oldest first, above {@code afterId}: at most {@code limit}, read from the same index. */
    List<ChatMessage> pageAfter(long conversationId, long afterId, int limit);
}
