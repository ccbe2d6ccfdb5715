package org.parley.account.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Who an identity provider or directory says a person is ({@code issuer}: the provider's address; {@code subject}:
 * its id for the person, which never changes), and the Parley account that identity signs in to.
 */
@Entity
@Table(name = "external_identity")
public class ExternalIdentity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 255)
    private String issuer;

    @Column(nullable = false, length = 255)
    private String subject;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ExternalIdentity() {}

    public ExternalIdentity(String issuer, String subject, long userId, Instant createdAt) {
        this.issuer = issuer;
        this.subject = subject;
        this.userId = userId;
        this.createdAt = createdAt;
    }

    public long getUserId() {
        return userId;
    }
}
