package org.parley.chat.domain;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
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

    /** {id, message count, last message id, kind} of each of these conversations: one query. */
    @Query("select c.id, c.messageCount, c.lastMessageId, c.kind from Conversation c where c.id in :ids")
    List<Object[]> findEnds(@Param("ids") Collection<Long> ids);
}
