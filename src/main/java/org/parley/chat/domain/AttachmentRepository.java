package org.parley.chat.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface AttachmentRepository extends JpaRepository<Attachment, Long> {

    List<Attachment> findByIdIn(Collection<Long> ids);

    /** Only attachments whose message is stored: a pending upload does not exist for anyone. */
    @Query("select a from Attachment a where a.id = :id and a.status = 'READY'")
    Optional<Attachment> findReady(@Param("id") long id);

    @Query("select a.id from Attachment a where a.status = 'PENDING' and a.createdAt < :before")
    List<Long> findAbandoned(@Param("before") Instant before, org.springframework.data.domain.Limit limit);

    @Modifying
    @Query(
            value = "insert into attachment_chunk (attachment_id, seq, data) values (:id, :seq, :data)",
            nativeQuery = true)
    int insertChunk(@Param("id") long attachmentId, @Param("seq") int seq, @Param("data") byte[] data);

    /** One chunk's bytes: never more than one chunk of a file is in memory. */
    @Query("select c.data from AttachmentChunk c where c.attachmentId = :id and c.seq = :seq")
    byte[] chunk(@Param("id") long attachmentId, @Param("seq") int seq);

    /** Chunks first (their rows are the bulk), then the thumbnail and the attachment itself. */
    @Modifying
    @Query(value = "delete from attachment_chunk where attachment_id = :id", nativeQuery = true)
    int deleteChunks(@Param("id") long id);

    @Modifying
    @Query(value = "delete from attachment_thumbnail where attachment_id = :id", nativeQuery = true)
    int deleteThumbnail(@Param("id") long id);

    /** Bytes of stored files and pictures per uploader, for these people: [uploader id, bytes] rows, one query. */
    @Query("select a.uploaderId, sum(a.sizeBytes) from Attachment a where a.uploaderId in :ids"
            + " and a.status = 'READY' group by a.uploaderId")
    List<Object[]> bytesByUploader(@Param("ids") Collection<Long> uploaderIds);

    /** Bytes of stored files and pictures per conversation: [conversation id, bytes] rows, one query. */
    @Query("select a.conversationId, sum(a.sizeBytes) from Attachment a where a.conversationId in :ids"
            + " and a.status = 'READY' group by a.conversationId")
    List<Object[]> bytesByConversation(@Param("ids") Collection<Long> conversationIds);
}
