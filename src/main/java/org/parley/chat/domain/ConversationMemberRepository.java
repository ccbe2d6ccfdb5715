package org.parley.chat.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ConversationMemberRepository extends JpaRepository<ConversationMember, Long> {

    Optional<ConversationMember> findByConversationIdAndUserId(long conversationId, long userId);

    List<ConversationMember> findByConversationId(long conversationId);

    List<ConversationMember> findByConversationIdIn(Collection<Long> conversationIds);

    /** The user's memberships with their conversations, most recently active first: one query. */
    @Query("""
            select m, c from ConversationMember m join Conversation c on c.id = m.conversationId
            where m.userId = :userId order by c.lastActivityAt desc, c.id desc""")
    List<Object[]> findWithConversationsOf(@Param("userId") long userId);

    /** Who is in the conversation: their user ids only (one query, no entities, however many they are). */
    @Query("select m.userId from ConversationMember m where m.conversationId = :conversationId")
    List<Long> findUserIdsByConversationId(@Param("conversationId") long conversationId);

    /** Which of these people are members of the conversation: one query, whatever its size. */
    @Query(
            "select m.userId from ConversationMember m where m.conversationId = :conversationId and m.userId in :userIds")
    List<Long> findUserIdsAmong(
            @Param("conversationId") long conversationId, @Param("userIds") java.util.Collection<Long> userIds);

    /**
     * Moves one member's read marker forward to {@code readCount} (never back: a slower, older mark loses),
     * in one statement. Returns 1 if it moved. Leaves the persistence context alone (nothing is cleared), so an
     * entity the caller holds, such as the locked conversation, stays managed.
     */
    @Modifying(flushAutomatically = true)
    @Query("""
            update ConversationMember m set m.readCount = :readCount, m.lastReadMessageId = :lastReadMessageId
            where m.conversationId = :conversationId and m.userId = :userId and m.readCount < :readCount""")
    int advanceReadMarker(
            @Param("conversationId") long conversationId,
            @Param("userId") long userId,
            @Param("readCount") long readCount,
            @Param("lastReadMessageId") Long lastReadMessageId);

    /**
     * The user's place in one conversation beside the conversation's count: {read count, message count, last
     * message id}, or nothing for a non-member. One query.
     */
    @Query("""
            select new org.parley.chat.domain.ReadPosition(m.conversationId, m.readCount, c.messageCount,
                c.lastMessageId)
            from ConversationMember m join Conversation c on c.id = m.conversationId
            where m.conversationId = :conversationId and m.userId = :userId""")
    Optional<ReadPosition> findReadPosition(@Param("conversationId") long conversationId, @Param("userId") long userId);

    /** The conversations where the user muted notifications: one query. */
    @Query("select m.conversationId from ConversationMember m where m.userId = :userId and m.notificationsMuted = true")
    List<Long> findNotificationsMutedConversationIds(@Param("userId") long userId);

    /** The same for every conversation the user is in: one query. */
    @Query("""
            select new org.parley.chat.domain.ReadPosition(m.conversationId, m.readCount, c.messageCount,
                c.lastMessageId)
            from ConversationMember m join Conversation c on c.id = m.conversationId
            where m.userId = :userId""")
    List<ReadPosition> findReadPositions(@Param("userId") long userId);

    /** {conversation id, user id, read count} of the memberships among these conversations and users: one query. */
    @Query("""
            select m.conversationId, m.userId, m.readCount from ConversationMember m
            where m.conversationId in :conversationIds and m.userId in :userIds""")
    List<Object[]> findPairs(
            @Param("conversationIds") Collection<Long> conversationIds, @Param("userIds") Collection<Long> userIds);

    /**
     * {conversation id, user id, last read message id} of both members of each one-on-one conversation (direct or
     * temporary) among these; groups' members are left out. One query.
     */
    @Query("""
            select m.conversationId, m.userId, m.lastReadMessageId
            from ConversationMember m join Conversation c on c.id = m.conversationId
            where m.conversationId in :conversationIds
              and c.kind <> org.parley.chat.domain.Conversation.Kind.GROUP""")
    List<Object[]> findOneOnOneMembers(@Param("conversationIds") Collection<Long> conversationIds);
}
