package org.parley.chat.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.parley.base.domain.StoredPicture;

/** The server-made preview of a picture attachment. */
@Entity
@Table(name = "attachment_thumbnail")
public class AttachmentThumbnail extends StoredPicture {

    @Id
    @Column(name = "attachment_id")
    private Long attachmentId;

    protected AttachmentThumbnail() {}

    public AttachmentThumbnail(long attachmentId, String contentType, byte[] data) {
        super(contentType, data);
        this.attachmentId = attachmentId;
    }
}
