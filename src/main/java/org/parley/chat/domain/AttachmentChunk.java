package org.parley.chat.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/**
 * At most {@code AttachmentService.CHUNK_SIZE} bytes of an attachment; {@code seq} counts from 0. Written by
 * {@link AttachmentRepository#insertChunk} and read one at a time, never as a collection.
 */
@Entity
@Table(name = "attachment_chunk")
@IdClass(AttachmentChunk.Key.class)
public class AttachmentChunk {

    public record Key(Long attachmentId, Integer seq) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "attachment_id")
    private Long attachmentId;

    @Id
    private Integer seq;

    @jakarta.persistence.Lob
    @Column(nullable = false, columnDefinition = "mediumblob")
    private byte[] data;

    protected AttachmentChunk() {}
}
