package org.parley.chat.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A user's place in a conversation, with how far they have read: {@code readCount} is the conversation's
 * message count when they last read it, so their unread count is the difference (nothing per message).
 */
@Entity
@Table(name = "conversation_member")
public class ConversationMember {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "conversation_id", nullable = false)
    private Long conversationId;

    @Column(name = "user_id", nullable = false)
    private Long userId;

    @Column(name = "read_count", nullable = false)
    private long readCount;

    @Column(name = "last_read_message_id")
    private Long lastReadMessageId;

    @Column(name = "joined_at", nullable = false)
    private Instant joinedAt;

    /** Whether new messages here notify this member only when they mention them. */
    @Column(name = "notifications_muted", nullable = false)
    private boolean notificationsMuted;

    protected ConversationMember() {}

    /** Someone joins having read what was said before them: nothing earlier counts as unread. */
    public ConversationMember(Conversation conversation, long userId, Instant joinedAt) {
        this.conversationId = conversation.getId();
        this.userId = userId;
        this.joinedAt = joinedAt;
        this.readCount = conversation.getMessageCount();
        this.lastReadMessageId = conversation.getLastMessageId();
    }

    public boolean isNotificationsMuted() {
        return notificationsMuted;
    }

    public void setNotificationsMuted(boolean muted) {
        this.notificationsMuted = muted;
    }

    public Long getConversationId() {
        return conversationId;
    }

    public Long getUserId() {
        return userId;
    }

    public long getReadCount() {
        return readCount;
    }

    public Long getLastReadMessageId() {
        return lastReadMessageId;
    }
}
