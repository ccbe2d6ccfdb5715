package org.parley.groups.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** One administrative act: who did what to whom, when and why. Never changed once written. */
@Entity
@Table(name = "group_admin_log")
public class GroupAdminLogEntry {

    /** Stored for a mute until lifted (a mute's length is always positive). */
    static final long UNTIL_LIFTED = 0;

    public enum Action {
        APPROVE,
        REJECT,
        ADD,
        REMOVE,
        MUTE,
        UNMUTE,
        MUTE_ALL,
        UNMUTE_ALL,
        BAN,
        UNBAN,
        APPOINT,
        DISMISS,
        HAND_OVER,
        ALLOW_TEMPORARY_CHATS,
        FORBID_TEMPORARY_CHATS,
        REMOVE_MESSAGE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "group_id", nullable = false)
    private Long groupId;

    @Column(name = "actor_id", nullable = false)
    private Long actorId;

    @Column(name = "target_id")
    private Long targetId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private Action action;

    @Column(length = 200)
    private String reason;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** A mute's length in seconds, {@link #UNTIL_LIFTED} for "until unmuted"; null for other acts. */
    @Column(name = "lasting_seconds")
    private Long lastingSeconds;

    protected GroupAdminLogEntry() {}

    public GroupAdminLogEntry(
            long groupId, long actorId, Long targetId, Action action, String reason, Instant createdAt) {
        this.groupId = groupId;
        this.actorId = actorId;
        this.targetId = targetId;
        this.action = action;
        this.reason = reason;
        this.createdAt = createdAt;
    }

    /** A mute's length: {@code null} means until lifted. */
    public GroupAdminLogEntry lasting(Duration duration) {
        this.lastingSeconds = duration == null ? UNTIL_LIFTED : duration.toSeconds();
        return this;
    }

    /** A mute's length; {@code ChronoUnit.FOREVER}'s for one until lifted, null when not a mute or not known. */
    public Duration getLasting() {
        if (lastingSeconds == null) {
            return null;
        }
        return lastingSeconds == UNTIL_LIFTED ? ChronoUnit.FOREVER.getDuration() : Duration.ofSeconds(lastingSeconds);
    }

    public Long getId() {
        return id;
    }

    public Long getGroupId() {
        return groupId;
    }

    public Long getActorId() {
        return actorId;
    }

    public Long getTargetId() {
        return targetId;
    }

    public Action getAction() {
        return action;
    }

    public String getReason() {
        return reason;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
