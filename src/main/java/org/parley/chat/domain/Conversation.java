package org.parley.chat.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A conversation; its people are its {@link ConversationMember}s. */
@Entity
@Table(name = "conversation")
public class Conversation {

    /**
     * DIRECT: two friends. TEMPORARY: two members of a shared group who are not friends, started from
     * {@code originGroupId}. GROUP: a group's conversation. DIRECT and TEMPORARY share one row per pair.
     */
    public enum Kind {
        DIRECT,
        TEMPORARY,
        GROUP
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Kind kind;

    /** "low:high" user ids of a one-on-one conversation: the database keeps one per pair. */
    @Column(name = "direct_key", length = 64)
    private String directKey;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_activity_at", nullable = false)
    private Instant lastActivityAt;

    @Column(name = "last_message_id")
    private Long lastMessageId;

    @Column(name = "origin_group_id")
    private Long originGroupId;

    /** How many of its messages count as unread for others: people's messages, not system lines. */
    @Column(name = "message_count", nullable = false)
    private long messageCount;

    protected Conversation() {}

    public static Conversation direct(long a, long b, Instant now) {
        Conversation conversation = new Conversation();
        conversation.kind = Kind.DIRECT;
        conversation.directKey = directKey(a, b);
        conversation.createdAt = now;
        conversation.lastActivityAt = now;
        return conversation;
    }

    public static Conversation temporary(long a, long b, long originGroupId, Instant now) {
        Conversation conversation = direct(a, b, now);
        conversation.becomeTemporary(originGroupId);
        return conversation;
    }

    /** A pair who are no longer friends talk again through a shared group. */
    public void becomeTemporary(long originGroupId) {
        this.kind = Kind.TEMPORARY;
        this.originGroupId = originGroupId;
    }

    public Long getOriginGroupId() {
        return originGroupId;
    }

    public static Conversation group(Instant now) {
        Conversation conversation = new Conversation();
        conversation.kind = Kind.GROUP;
        conversation.createdAt = now;
        conversation.lastActivityAt = now;
        return conversation;
    }

    public static String directKey(long a, long b) {
        return Math.min(a, b) + ":" + Math.max(a, b);
    }

    public Long getId() {
        return id;
    }

    public Kind getKind() {
        return kind;
    }

    public String getDirectKey() {
        return directKey;
    }

    public Instant getLastActivityAt() {
        return lastActivityAt;
    }

    public Long getLastMessageId() {
        return lastMessageId;
    }

    public long getMessageCount() {
        return messageCount;
    }

    /**
     * A message was stored, under this conversation's lock: it is the newest, and a counted one (see
     * {@link #getMessageCount()}) raises the count by one. The lock makes ids and counts follow commit order.
     */
    public void recordMessage(long messageId, Instant at, boolean counted) {
        this.lastMessageId = messageId;
        this.lastActivityAt = at;
        if (counted) {
            this.messageCount++;
        }
    }
}
