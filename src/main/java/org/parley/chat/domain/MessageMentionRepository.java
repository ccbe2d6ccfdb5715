package org.parley.chat.domain;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface MessageMentionRepository extends JpaRepository<MessageMention, MessageMention.Key> {

    /** Who each of these messages names: one query for a page. */
    List<MessageMention> findByMessageIdIn(Collection<Long> messageIds);

    /** The caller's conversations with a mention of them newer than where they have read: one index range. */
    @Query("""
            select distinct mention.conversationId from MessageMention mention, ConversationMember member
            where mention.userId = :userId and member.userId = :userId
              and member.conversationId = mention.conversationId
              and (member.lastReadMessageId is null or mention.messageId > member.lastReadMessageId)""")
    List<Long> findConversationsWithUnreadMentions(@Param("userId") long userId);
}
