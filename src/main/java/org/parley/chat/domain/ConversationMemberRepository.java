package org.parley.chat.domain;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ConversationMemberRepository extends JpaRepository<ConversationMember, Long> {

    Optional<ConversationMember> findByConversationIdAndUserId(long conversationId, long userId);

    /** The same row, locked: a concurrent send's unread increment waits instead of being overwritten. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select m from ConversationMember m where m.conversationId = :conversationId and m.userId = :userId")
    Optional<ConversationMember> lockMembership(@Param("conversationId") long conversationId,
            @Param("userId") long userId);

    List<ConversationMember> findByConversationId(long conversationId);

    List<ConversationMember> findByConversationIdIn(Collection<Long> conversationIds);

    /** The user's memberships with their conversations, most recently active first: one query. */
    @Query("""
            select m, c from ConversationMember m join Conversation c on c.id = m.conversationId
            where m.userId = :userId order by c.lastActivityAt desc, c.id desc""")
    List<Object[]> findWithConversationsOf(@Param("userId") long userId);

    /** One statement for every other member, however large the conversation. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update ConversationMember m set m.unreadCount = m.unreadCount + 1
            where m.conversationId = :conversationId and m.userId <> :senderId""")
    int incrementUnread(@Param("conversationId") long conversationId, @Param("senderId") long senderId);

    @Query("select coalesce(sum(m.unreadCount), 0) from ConversationMember m where m.userId = :userId")
    long totalUnread(@Param("userId") long userId);
}
