package org.parley.chat.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ChatMessageRepository extends JpaRepository<ChatMessage, Long> {

    /** Newest first, below {@code beforeId}: a keyset page on the (conversation_id, id) index. */
    @Query("""
            select m from ChatMessage m where m.conversationId = :conversationId and m.id < :beforeId
            order by m.id desc""")
    List<ChatMessage> pageBefore(@Param("conversationId") long conversationId, @Param("beforeId") long beforeId,
            Limit limit);

    List<ChatMessage> findByIdIn(Collection<Long> ids);

    /** The sender's message with this client-made id, if any: one lookup on the (sender_id, client_id) index. */
    Optional<ChatMessage> findBySenderIdAndClientId(long senderId, String clientId);
}
