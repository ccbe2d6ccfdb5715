package org.parley.base.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Lob;
import jakarta.persistence.MappedSuperclass;

/** A picture the server made (scaled, re-encoded PNG or JPEG), stored in the database with its type. */
@MappedSuperclass
public abstract class StoredPicture {

    @Column(name = "content_type", nullable = false, length = 32)
    private String contentType;

    @Lob
    @Column(nullable = false, columnDefinition = "mediumblob")
    private byte[] data;

    protected StoredPicture() {}

    protected StoredPicture(String contentType, byte[] data) {
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
