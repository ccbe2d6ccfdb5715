package org.parley.chat.domain;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ChatMessageRepository extends JpaRepository<ChatMessage, Long>, ChatMessagePages {

    List<ChatMessage> findByIdIn(Collection<Long> ids);

    /** The sender's message with this client-made id, if any: one lookup on the (sender_id, client_id) index. */
    Optional<ChatMessage> findBySenderIdAndClientId(long senderId, String clientId);

    /** The message, locked for changing it: a recall and an edit of one message never interleave. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select m from ChatMessage m where m.id = :id")
    Optional<ChatMessage> lockById(@Param("id") long id);

    /** The messages older than {@code id}, newest first (the search backfill's batches). */
    List<ChatMessage> findByIdLessThanOrderByIdDesc(long id, org.springframework.data.domain.Limit limit);

    /** How many messages carry this attachment. */
    long countByAttachmentId(long attachmentId);
}
