package org.parley.chat.service;

import java.io.InputStream;
import org.parley.chat.domain.AttachmentRepository;

/** An attachment's bytes read back one chunk (one short query) at a time: memory stays one chunk. */
final class ChunkStream extends InputStream {

    private final AttachmentRepository attachments;
    private final long attachmentId;
    private final int chunkCount;
    private int nextSeq;
    private byte[] current = new byte[0];
    private int position;

    ChunkStream(AttachmentRepository attachments, long attachmentId, int chunkCount) {
        this.attachments = attachments;
        this.attachmentId = attachmentId;
        this.chunkCount = chunkCount;
    }

    @Override
    public int read() {
        if (!ensureAvailable()) {
            return -1;
        }
        return current[position++] & 0xFF;
    }

    @Override
    public int read(byte[] target, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        if (!ensureAvailable()) {
            return -1;
        }
        int n = Math.min(length, current.length - position);
        System.arraycopy(current, position, target, offset, n);
        position += n;
        return n;
    }

    private boolean ensureAvailable() {
        while (position >= current.length) {
            if (nextSeq >= chunkCount) {
                return false;
            }
            byte[] chunk = attachments.chunk(attachmentId, nextSeq++);
            if (chunk == null) {
                throw new IllegalStateException(
                        "Chunk " + (nextSeq - 1) + " of attachment " + attachmentId + " is missing");
            }
            current = chunk;
            position = 0;
        }
        return true;
    }
}
