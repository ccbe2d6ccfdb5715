package org.parley.groups.domain;

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
@Table(name = "group_join_request")
public class GroupJoinRequest {

    public enum Status {
        PENDING,
        APPROVED,
        REJECTED,
        CANCELLED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "group_id", nullable = false)
    private Long groupId;

    @Column(name = "user_id", nullable = false)
    private Long userId;

    @Column(length = 500)
    private String message;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "decided_by")
    private Long decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(length = 200)
    private String reason;

    @Column(name = "pending_key", length = 64)
    private String pendingKey;

    protected GroupJoinRequest() {}

    public GroupJoinRequest(long groupId, long userId, String message, Instant createdAt) {
        this.groupId = groupId;
        this.userId = userId;
        this.message = message;
        this.createdAt = createdAt;
        this.status = Status.PENDING;
        this.pendingKey = pendingKey(groupId, userId);
    }

    public static String pendingKey(long groupId, long userId) {
        return groupId + ":" + userId;
    }

    public void decide(Status outcome, Long by, String reason, Instant at) {
        this.status = outcome;
        this.decidedBy = by;
        this.reason = reason;
        this.decidedAt = at;
        this.pendingKey = null;
    }

    public boolean isPending() {
        return status == Status.PENDING;
    }

    public Long getId() {
        return id;
    }

    public Long getGroupId() {
        return groupId;
    }

    public Long getUserId() {
        return userId;
    }

    public String getMessage() {
        return message;
    }

    public Status getStatus() {
        return status;
    }

    public String getReason() {
        return reason;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
