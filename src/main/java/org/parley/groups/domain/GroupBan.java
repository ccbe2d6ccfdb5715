package org.parley.groups.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Someone removed from a group who may not come back until unbanned. */
@Entity
@Table(name = "group_ban")
public class GroupBan {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "group_id", nullable = false)
    private Long groupId;

    @Column(name = "user_id", nullable = false)
    private Long userId;

    @Column(name = "banned_by", nullable = false)
    private Long bannedBy;

    @Column(length = 200)
    private String reason;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected GroupBan() {}

    public GroupBan(long groupId, long userId, long bannedBy, String reason, Instant createdAt) {
        this.groupId = groupId;
        this.userId = userId;
        this.bannedBy = bannedBy;
        this.reason = reason;
        this.createdAt = createdAt;
    }

    public Long getGroupId() {
        return groupId;
    }

    public Long getUserId() {
        return userId;
    }

    public String getReason() {
        return reason;
    }
}
