package org.parley.groups.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/** A group's picture, already scaled down and re-encoded by the server. */
@Entity
@Table(name = "group_avatar")
public class GroupAvatar {

    @Id
    @Column(name = "group_id")
    private Long groupId;

    @Column(name = "content_type", nullable = false, length = 32)
    private String contentType;

    @Lob
    @Column(nullable = false, columnDefinition = "mediumblob")
    private byte[] data;

    protected GroupAvatar() {
    }

    public GroupAvatar(Long groupId, String contentType, byte[] data) {
        this.groupId = groupId;
        this.contentType = contentType;
        this.data = data;
    }

    public String getContentType() {
        return contentType;
    }

    public byte[] getData() {
        return data;
    }

    public void replace(String contentType, byte[] data) {
        this.contentType = contentType;
        this.data = data;
    }
}
