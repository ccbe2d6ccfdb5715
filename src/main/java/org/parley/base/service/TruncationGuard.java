package org.parley.base.service;

import java.io.IOException;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageInputStreamImpl;

/**
 * An image stream that gives up when a decoder keeps reading past the end. Some decoders (lossless WebP)
 * take a missing byte as data and go on for every pixel: a 34-byte file claiming 49 megapixels would keep
 * a server thread busy for an hour. A few reads past the end are tolerated; many mean a damaged file.
 * Closing it leaves the wrapped stream to its owner.
 */
final class TruncationGuard extends ImageInputStreamImpl {

    private static final int READS_PAST_END_ALLOWED = 1024;

    private final ImageInputStream in;
    private int readsPastEnd;

    TruncationGuard(ImageInputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        bitOffset = 0;
        int b = in.read();
        if (b < 0) {
            pastEnd();
        } else {
            streamPos++;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        bitOffset = 0;
        int n = in.read(buffer, offset, length);
        if (n < 0) {
            pastEnd();
        } else {
            streamPos += n;
        }
        return n;
    }

    @Override
    public void seek(long position) throws IOException {
        super.seek(position);
        in.seek(position);
    }

    @Override
    public void flushBefore(long position) throws IOException {
        super.flushBefore(position);
        in.flushBefore(position);
    }

    @Override
    public long length() {
        try {
            return in.length();
        } catch (IOException unknown) {
            return -1;
        }
    }

    /** Not an EOFException: that decoder catches those and carries on, which is the very problem. */
    private void pastEnd() throws IOException {
        if (++readsPastEnd > READS_PAST_END_ALLOWED) {
            throw new IOException("The picture ends before its data does.");
        }
    }
}
