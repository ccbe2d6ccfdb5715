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

/** A person's place in a group: role, and whether (and until when) they are muted. */
@Entity
@Table(name = "group_member")
public class GroupMember {

    public enum Role {
        OWNER,
        ADMIN,
        MEMBER
    }

    /** A mute "until lifted" is stored as this far-future instant, so one comparison covers both kinds. */
    public static final Instant UNTIL_LIFTED = Instant.parse("9999-01-01T00:00:00Z");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "group_id", nullable = false)
    private Long groupId;

    @Column(name = "user_id", nullable = false)
    private Long userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Role role;

    @Column(name = "muted_until")
    private Instant mutedUntil;

    @Column(name = "mute_reason", length = 200)
    private String muteReason;

    @Column(name = "joined_at", nullable = false)
    private Instant joinedAt;

    protected GroupMember() {}

    public GroupMember(long groupId, long userId, Role role, Instant joinedAt) {
        this.groupId = groupId;
        this.userId = userId;
        this.role = role;
        this.joinedAt = joinedAt;
    }

    public boolean isMutedAt(Instant now) {
        return mutedUntil != null && mutedUntil.isAfter(now);
    }

    public void mute(Instant until, String reason) {
        this.mutedUntil = until;
        this.muteReason = reason;
    }

    public void unmute() {
        this.mutedUntil = null;
        this.muteReason = null;
    }

    public void setRole(Role role) {
        this.role = role;
    }

    public boolean isAdministrator() {
        return role == Role.OWNER || role == Role.ADMIN;
    }

    public Long getGroupId() {
        return groupId;
    }

    public Long getUserId() {
        return userId;
    }

    public Role getRole() {
        return role;
    }

    public Instant getMutedUntil() {
        return mutedUntil;
    }

    public String getMuteReason() {
        return muteReason;
    }

    public Instant getJoinedAt() {
        return joinedAt;
    }
}
