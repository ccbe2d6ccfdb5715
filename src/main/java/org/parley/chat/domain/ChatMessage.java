package org.parley.chat.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One message; its id orders a conversation's history and pages it. */
@Entity
@Table(name = "chat_message")
public class ChatMessage {

    /** USER: written by its sender; SYSTEM: a short line Parley writes ("Ann joined"), sender is the actor. */
    public enum Kind {
        USER,
        SYSTEM
    }

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Kind kind = Kind.USER;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "conversation_id", nullable = false)
    private Long conversationId;

    @Column(name = "sender_id", nullable = false)
    private Long senderId;

    @Column(nullable = false, length = 4000)
    private String body;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** A file or picture this message carries; its body is then empty. */
    @Column(name = "attachment_id")
    private Long attachmentId;

    /**
     * The id the sender's client made for this message, or null: unique per sender, so a message sent again
     * with the same id is recognised instead of stored twice.
     */
    @Column(name = "client_id", length = 64)
    private String clientId;

    /** When its sender recalled it, or an administrator removed it; its text and attachment are gone then. */
    @Column(name = "recalled_at")
    private Instant recalledAt;

    /** The administrator who removed it; null when its sender recalled it (or it is still there). */
    @Column(name = "removed_by")
    private Long removedBy;

    @Column(name = "edited_at")
    private Instant editedAt;

    /** Whom a system line is about (removed, muted, added), or null. */
    @Column(name = "subject_id")
    private Long subjectId;

    /** The earlier message of the same conversation this one answers, or null. */
    @Column(name = "reply_to_id")
    private Long replyToId;

    protected ChatMessage() {}

    public ChatMessage(long conversationId, long senderId, String body, Instant createdAt) {
        this(conversationId, senderId, body, createdAt, null);
    }

    /** A message the sender's client identified with {@code clientId} (null: none). */
    public ChatMessage(long conversationId, long senderId, String body, Instant createdAt, String clientId) {
        this.conversationId = conversationId;
        this.senderId = senderId;
        this.body = body;
        this.createdAt = createdAt;
        this.clientId = clientId;
    }

    /** A line Parley writes: {@code event} is the key of its words, {@code subjectId} whom it is about (or null). */
    public static ChatMessage system(
            long conversationId, long actorId, String event, Long subjectId, Instant createdAt) {
        ChatMessage message = new ChatMessage(conversationId, actorId, event, createdAt);
        message.kind = Kind.SYSTEM;
        message.subjectId = subjectId;
        return message;
    }

    /** Whom a system line is about, or null. */
    public Long getSubjectId() {
        return subjectId;
    }

    public static ChatMessage withAttachment(long conversationId, long senderId, long attachmentId, Instant createdAt) {
        ChatMessage message = new ChatMessage(conversationId, senderId, "", createdAt);
        message.attachmentId = attachmentId;
        return message;
    }

    public String getClientId() {
        return clientId;
    }

    /** Makes this message a reply to {@code originalId} (null: to none); the caller checked it may be answered. */
    public ChatMessage inReplyTo(Long originalId) {
        this.replyToId = originalId;
        return this;
    }

    public Long getReplyToId() {
        return replyToId;
    }

    public Long getAttachmentId() {
        return attachmentId;
    }

    public Kind getKind() {
        return kind;
    }

    public Long getId() {
        return id;
    }

    public Long getConversationId() {
        return conversationId;
    }

    public Long getSenderId() {
        return senderId;
    }

    public String getBody() {
        return body;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getRecalledAt() {
        return recalledAt;
    }

    public boolean isRecalled() {
        return recalledAt != null;
    }

    public Long getRemovedBy() {
        return removedBy;
    }

    public Instant getEditedAt() {
        return editedAt;
    }

    /**
     * Takes the message back: its text and attachment are gone for good, its place stays. {@code removedBy}: the
     * administrator who removed it, null when its sender recalled it.
     */
    public void recall(Instant at, Long removedBy) {
        this.body = "";
        this.attachmentId = null;
        this.recalledAt = at;
        this.removedBy = removedBy;
    }

    public void edit(String text, Instant at) {
        this.body = text;
        this.editedAt = at;
    }
}
