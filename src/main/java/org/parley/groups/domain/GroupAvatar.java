package org.parley.groups.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.parley.base.domain.StoredPicture;

/** A group's picture, already scaled down and re-encoded by the server. */
@Entity
@Table(name = "group_avatar")
public class GroupAvatar extends StoredPicture {

    @Id
    @Column(name = "group_id")
    private Long groupId;

    protected GroupAvatar() {}

    public GroupAvatar(Long groupId, String contentType, byte[] data) {
        super(contentType, data);
        this.groupId = groupId;
    }
}
