package org.parley.chat.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A file or picture sent in a conversation. Its bytes are {@link AttachmentChunk}s; a picture's preview is
 * its {@link AttachmentThumbnail}.
 */
@Entity
@Table(name = "attachment")
public class Attachment {

    /** PENDING: still streaming in, seen by nobody. READY: its message is stored. */
    public enum Status {
        PENDING,
        READY
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "conversation_id", nullable = false)
    private Long conversationId;

    @Column(name = "uploader_id", nullable = false)
    private Long uploaderId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status = Status.PENDING;

    @Column(name = "file_name", nullable = false, length = 255)
    private String fileName;

    @Column(name = "content_type", nullable = false, length = 127)
    private String contentType;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(name = "chunk_count", nullable = false)
    private int chunkCount;

    @Column(name = "picture_format", length = 8)
    private String pictureFormat;

    private Integer width;

    private Integer height;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Attachment() {}

    public Attachment(long conversationId, long uploaderId, String fileName, String contentType, Instant createdAt) {
        this.conversationId = conversationId;
        this.uploaderId = uploaderId;
        this.fileName = fileName;
        this.contentType = contentType;
        this.createdAt = createdAt;
    }

    public void stored(long sizeBytes, int chunkCount) {
        this.sizeBytes = sizeBytes;
        this.chunkCount = chunkCount;
    }

    public void recognisedPicture(String format, String mimeType, int width, int height) {
        this.pictureFormat = format;
        this.contentType = mimeType;
        this.width = width;
        this.height = height;
    }

    public void ready() {
        this.status = Status.READY;
    }

    /** Stored whole, its message sent (not an upload under way, nor one abandoned). */
    public boolean isReady() {
        return status == Status.READY;
    }

    public Long getId() {
        return id;
    }

    public Long getConversationId() {
        return conversationId;
    }

    public String getFileName() {
        return fileName;
    }

    public String getContentType() {
        return contentType;
    }

    public long getSizeBytes() {
        return sizeBytes;
    }

    public int getChunkCount() {
        return chunkCount;
    }

    public boolean isPicture() {
        return pictureFormat != null;
    }

    public Integer getWidth() {
        return width;
    }

    public Integer getHeight() {
        return height;
    }
}
