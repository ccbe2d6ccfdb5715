package org.parley.chat.domain;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ConversationRepository extends JpaRepository<Conversation, Long> {

    Optional<Conversation> findByDirectKey(String directKey);

    /**
     * The conversation row, locked for writing. Every writer of a conversation takes this lock first: the
     * message insert would otherwise take a shared lock through its foreign key, and two senders upgrading
     * to the update of {@code last_message_id} deadlock on MariaDB. It also makes ids follow commit order.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Conversation c where c.id = :id")
    Optional<Conversation> lockById(@Param("id") long id);

    /**
     * Records a new message as the latest, unless a newer one got there first: concurrent senders may
     * commit out of id order, and the preview must still show the newest.
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update Conversation c set c.lastMessageId = :messageId, c.lastActivityAt = :at
            where c.id = :conversationId and (c.lastMessageId is null or c.lastMessageId < :messageId)""")
    int messagePosted(@Param("conversationId") long conversationId, @Param("messageId") long messageId,
            @Param("at") Instant at);
}
