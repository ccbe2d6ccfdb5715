package org.parley.account.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.parley.base.domain.StoredPicture;

/** A user's avatar picture, already scaled down and re-encoded by the server. */
@Entity
@Table(name = "user_avatar")
public class UserAvatar extends StoredPicture {

    @Id
    @Column(name = "user_id")
    private Long userId;

    protected UserAvatar() {}

    public UserAvatar(Long userId, String contentType, byte[] data) {
        super(contentType, data);
        this.userId = userId;
    }

    public Long getUserId() {
        return userId;
    }
}
