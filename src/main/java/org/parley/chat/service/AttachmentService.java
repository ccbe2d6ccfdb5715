package org.parley.chat.service;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.parley.base.service.CurrentUser;
import org.parley.base.service.EncodedPicture;
import org.parley.base.service.ImageFormat;
import org.parley.base.service.InvalidInputException;
import org.parley.base.service.NotAllowedException;
import org.parley.base.service.ParleyMetrics;
import org.parley.base.service.Phrase;
import org.parley.base.service.Pictures;
import org.parley.base.service.RateLimits;
import org.parley.chat.domain.Attachment;
import org.parley.chat.domain.AttachmentRepository;
import org.parley.chat.domain.AttachmentThumbnail;
import org.parley.chat.domain.AttachmentThumbnailRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Limit;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Files and pictures in conversations. An upload streams into 1 MiB chunk rows, each written in its own
 * short transaction, so neither memory nor a database connection is held for the whole file; the
 * attachment stays PENDING (invisible) until its message is stored, and a refused or broken upload is
 * deleted. Groups take pictures only (PNG, JPEG, GIF, WebP, recognised by content); one-on-one
 * conversations take any file, with a preview when it is such a picture. Only a member of the
 * conversation, at the time of the request, reads an attachment.
 */
@Service
// A safety net: each method still checks its caller (CurrentUser); a call with nobody signed in never gets in.
@PreAuthorize("isAuthenticated()")
public class AttachmentService {

    static final int CHUNK_SIZE = 1024 * 1024;
    static final int THUMBNAIL_SIDE = 480;
    private static final Logger log = LoggerFactory.getLogger(AttachmentService.class);

    private final AttachmentRepository attachments;
    private final AttachmentThumbnailRepository thumbnails;
    private final ConversationMembership membership;
    private final ChatService chat;
    private final WritePermission writePermission;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final TransactionTemplate readTx;
    private final long pictureMaxBytes;
    private final long fileMaxBytes;
    private final RateLimits limits;
    private final ParleyMetrics metrics;

    AttachmentService(
            AttachmentRepository attachments,
            AttachmentThumbnailRepository thumbnails,
            ConversationMembership membership,
            ChatService chat,
            WritePermission writePermission,
            CurrentUser currentUser,
            Clock clock,
            PlatformTransactionManager transactions,
            @Value("${parley.pictures.max-bytes:20971520}") long pictureMaxBytes,
            @Value("${parley.files.max-bytes:104857600}") long fileMaxBytes,
            RateLimits limits,
            ParleyMetrics metrics) {
        this.limits = limits;
        this.metrics = metrics;
        this.attachments = attachments;
        this.thumbnails = thumbnails;
        this.membership = membership;
        this.chat = chat;
        this.writePermission = writePermission;
        this.currentUser = currentUser;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.readTx = new TransactionTemplate(transactions);
        this.readTx.setReadOnly(true);
        this.pictureMaxBytes = pictureMaxBytes;
        this.fileMaxBytes = fileMaxBytes;
    }

    /** What the caller may send in this conversation now; {@code refusal} says why not, when they may not. */
    public record UploadRules(boolean picturesOnly, long maxBytes, Phrase refusal) {
        public boolean allowed() {
            return refusal == null;
        }
    }

    public UploadRules uploadRules(long conversationId) {
        long me = currentUser.requireId();
        return readTx.execute(status -> {
            Phrase refusal = writePermission.refusalToWrite(conversationId, me);
            boolean group = writePermission.isGroup(conversationId);
            return new UploadRules(group, group ? pictureMaxBytes : fileMaxBytes, refusal);
        });
    }

    /**
     * Stores the file as a message from the caller and tells the conversation once it is committed. The
     * stream is read to its end or until a rule refuses it; nothing of a refused file stays stored.
     */
    public ChatMessageView upload(long conversationId, String fileName, String declaredType, InputStream content)
            throws IOException {
        long me = currentUser.requireId();
        String name = FileNames.clean(fileName);
        UploadRules rules = uploadRules(conversationId);
        if (!rules.allowed()) {
            throw new NotAllowedException(rules.refusal());
        }
        limits.messagesPerPerson().take(me);
        long id = tx.execute(status -> attachments
                .save(new Attachment(conversationId, me, name, FileNames.declaredType(declaredType), clock.instant()))
                .getId());
        try {
            return store(id, name, rules, content, conversationId, me);
        } catch (IOException | RuntimeException | Error failed) {
            discard(id);
            throw failed;
        }
    }

    private ChatMessageView store(
            long id, String name, UploadRules rules, InputStream content, long conversationId, long me)
            throws IOException {
        byte[] buffer = new byte[CHUNK_SIZE];
        long total = 0;
        int chunkCount = 0;
        ImageFormat format = null;
        while (true) {
            int n = content.readNBytes(buffer, 0, CHUNK_SIZE);
            if (n == 0) {
                break;
            }
            if (chunkCount == 0) {
                format = ImageFormat.detect(Arrays.copyOf(buffer, Math.min(n, 16)))
                        .orElse(null);
                if (rules.picturesOnly() && format == null) {
                    throw new InvalidInputException(Phrase.of("chat.refusal.not-a-picture", name));
                }
            }
            total += n;
            if (total > rules.maxBytes()) {
                throw new InvalidInputException(
                        Phrase.of("chat.refusal.file-too-large", name, megabytes(rules.maxBytes())));
            }
            byte[] data = n == CHUNK_SIZE ? buffer : Arrays.copyOf(buffer, n);
            int seq = chunkCount++;
            tx.executeWithoutResult(status -> attachments.insertChunk(id, seq, data));
            if (n < CHUNK_SIZE) {
                break;
            }
        }
        if (total == 0) {
            throw new InvalidInputException(Phrase.of("chat.refusal.file-empty", name));
        }
        Pictures.Decoded picture = null;
        EncodedPicture preview = null;
        if (format != null) {
            try {
                // Every n-th pixel only: the preview needs at most twice its size, whatever the picture's.
                picture = Pictures.decode(new ChunkStream(attachments, id, chunkCount), format, THUMBNAIL_SIDE * 2);
                preview = Pictures.encode(Pictures.fit(picture.image(), THUMBNAIL_SIDE));
            } catch (InvalidInputException unreadable) {
                if (rules.picturesOnly()) {
                    throw new InvalidInputException(
                            Phrase.of("chat.refusal.file-unreadable", name, unreadable.phrase()));
                }
                picture = null; // One-on-one it is still a file, just without a preview.
            }
        }
        long size = total;
        int chunks = chunkCount;
        ImageFormat recognised = picture == null ? null : format;
        Pictures.Decoded decoded = picture;
        EncodedPicture thumbnail = preview;
        ChatMessageView posted = tx.execute(status -> {
            Attachment attachment = attachments.findById(id).orElseThrow();
            attachment.stored(size, chunks);
            if (recognised != null) {
                attachment.recognisedPicture(
                        recognised.name(), recognised.mimeType(), decoded.width(), decoded.height());
                thumbnails.save(new AttachmentThumbnail(id, thumbnail.contentType(), thumbnail.data()));
            }
            attachment.ready();
            // Checks again, under the conversation's lock: the sender may have been muted or removed meanwhile.
            return chat.postAttachment(conversationId, me, attachment);
        });
        metrics.uploaded(size);
        return posted;
    }

    /** A stored attachment the caller may read now: a member of its conversation. */
    public record StoredAttachment(
            long id, String fileName, String contentType, long sizeBytes, boolean picture, int chunkCount) {}

    /**
     * The attachment, if it exists, its message is stored, and the caller is a member of its conversation
     * now. Every other case is the same empty answer, revealing nothing.
     */
    public Optional<StoredAttachment> find(long attachmentId) {
        long me = currentUser.requireId();
        return readTx.execute(status -> attachments
                .findReady(attachmentId)
                .filter(a -> membership.isReader(a.getConversationId(), me))
                .map(a -> new StoredAttachment(
                        a.getId(),
                        a.getFileName(),
                        a.getContentType(),
                        a.getSizeBytes(),
                        a.isPicture(),
                        a.getChunkCount())));
    }

    /** The content, read chunk by chunk as it is consumed. Find it first: that is the permission check. */
    public InputStream open(StoredAttachment attachment) {
        return new ChunkStream(attachments, attachment.id(), attachment.chunkCount());
    }

    public Optional<EncodedPicture> thumbnail(long attachmentId) {
        return find(attachmentId)
                .filter(StoredAttachment::picture)
                .flatMap(a -> readTx.execute(status ->
                        thumbnails.findById(a.id()).map(t -> new EncodedPicture(t.getContentType(), t.getData()))));
    }

    public long pictureMaxBytes() {
        return pictureMaxBytes;
    }

    public long fileMaxBytes() {
        return fileMaxBytes;
    }

    /**
     * Uploads cut off by a crash stay PENDING: nobody sees them, and they are removed a day later (an
     * upload in progress is never that old). Run by {@link AbandonedUploadSweep}, on one node at a time.
     */
    @PreAuthorize("permitAll()") // a chore of the server's own, on nobody's behalf
    int removeAbandonedUploads() {
        List<Long> abandoned = attachments.findAbandoned(clock.instant().minus(Duration.ofDays(1)), Limit.of(100));
        abandoned.forEach(this::discard);
        if (!abandoned.isEmpty()) {
            log.info("Removed {} abandoned uploads", abandoned.size());
        }
        return abandoned.size();
    }

    private void discard(long id) {
        try {
            tx.executeWithoutResult(status -> {
                attachments.deleteChunks(id);
                attachments.deleteThumbnail(id);
                attachments.deleteById(id);
            });
        } catch (RuntimeException cleanupFailed) {
            // The sweep above retries it; the upload's own failure is what the sender hears about.
            log.warn("Could not remove failed upload {}", id, cleanupFailed);
        }
    }

    private static long megabytes(long bytes) {
        return bytes / (1024 * 1024);
    }
}
