package org.parley.groups.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** The rest of a mute of someone who left while muted: leaving and rejoining must not lift it. */
@Entity
@Table(name = "group_mute_carry")
@IdClass(GroupMuteCarry.Key.class)
public class GroupMuteCarry {

    public record Key(Long groupId, Long userId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "group_id")
    private Long groupId;

    @Id
    @Column(name = "user_id")
    private Long userId;

    @Column(name = "muted_until", nullable = false)
    private Instant mutedUntil;

    @Column(name = "mute_reason", length = 200)
    private String muteReason;

    protected GroupMuteCarry() {}

    public GroupMuteCarry(long groupId, long userId, Instant mutedUntil, String muteReason) {
        this.groupId = groupId;
        this.userId = userId;
        this.mutedUntil = mutedUntil;
        this.muteReason = muteReason;
    }

    public Instant getMutedUntil() {
        return mutedUntil;
    }

    public String getMuteReason() {
        return muteReason;
    }
}
