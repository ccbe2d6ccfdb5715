package org.parley.friends.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "friend_request")
public class FriendRequest {

    public enum Status {
        PENDING,
        ACCEPTED,
        DECLINED,
        CANCELLED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "sender_id", nullable = false)
    private Long senderId;

    @Column(name = "recipient_id", nullable = false)
    private Long recipientId;

    @Column(length = 500)
    private String note;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "answered_at")
    private Instant answeredAt;

    /** "sender:recipient" while pending, null after: the database allows one pending request per pair. */
    @Column(name = "pending_key", length = 64)
    private String pendingKey;

    protected FriendRequest() {}

    public FriendRequest(long senderId, long recipientId, String note, Instant createdAt) {
        this.senderId = senderId;
        this.recipientId = recipientId;
        this.note = note;
        this.createdAt = createdAt;
        this.status = Status.PENDING;
        this.pendingKey = senderId + ":" + recipientId;
    }

    public void close(Status outcome, Instant at) {
        this.status = outcome;
        this.answeredAt = at;
        this.pendingKey = null;
    }

    public boolean isPending() {
        return status == Status.PENDING;
    }

    public Long getId() {
        return id;
    }

    public Long getSenderId() {
        return senderId;
    }

    public Long getRecipientId() {
        return recipientId;
    }

    public String getNote() {
        return note;
    }

    public Status getStatus() {
        return status;
    }

    public Instant getAnsweredAt() {
        return answeredAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
