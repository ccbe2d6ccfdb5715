package org.parley.friends.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Two users who are friends, stored once with the lower id first. */
@Entity
@Table(name = "friendship")
public class Friendship {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_low", nullable = false)
    private Long userLow;

    @Column(name = "user_high", nullable = false)
    private Long userHigh;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Friendship() {}

    public Friendship(long a, long b, Instant createdAt) {
        this.userLow = Math.min(a, b);
        this.userHigh = Math.max(a, b);
        this.createdAt = createdAt;
    }

    public Long getUserLow() {
        return userLow;
    }

    public Long getUserHigh() {
        return userHigh;
    }

    public long other(long userId) {
        return userLow == userId ? userHigh : userLow;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
