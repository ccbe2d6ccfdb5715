package org.parley.base.service;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * An upload cut at its limit: the size the client declared is checked before anything is read, and the stream
 * itself stops being read one byte past the limit, whatever was declared. Nothing is ever read whole into memory
 * to learn its size.
 */
public final class UploadLimit {

    private UploadLimit() {}

    /**
     * {@code content}, refusing (with {@code tooLarge} as the message) when {@code declaredBytes} is over
     * {@code maxBytes} or when more than {@code maxBytes} bytes arrive. A negative declared size means unknown.
     */
    public static InputStream capped(InputStream content, long declaredBytes, long maxBytes, Phrase tooLarge) {
        if (declaredBytes > maxBytes) {
            throw new InvalidInputException(tooLarge);
        }
        return new FilterInputStream(content) {
            private long read;

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    counted(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                // Never more than one byte past the limit is asked for.
                int n = super.read(buffer, offset, (int) Math.min(length, maxBytes + 1 - read));
                if (n > 0) {
                    counted(n);
                }
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                long skipped = super.skip(Math.min(n, maxBytes + 1 - read));
                counted(skipped);
                return skipped;
            }

            @Override
            public boolean markSupported() {
                return false;
            }

            private void counted(long n) {
                read += n;
                if (read > maxBytes) {
                    throw new InvalidInputException(tooLarge);
                }
            }
        };
    }
}
