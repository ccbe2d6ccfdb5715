package org.parley.base.service;

import java.util.Optional;

/**
 * The picture formats Parley accepts, recognised by their first bytes, never by a file name or by what
 * the browser claims. SVG is deliberately absent: it is a document that can carry script.
 */
public enum ImageFormat {
    PNG("image/png", "png"),
    JPEG("image/jpeg", "jpeg"),
    GIF("image/gif", "gif"),
    WEBP("image/webp", "webp");

    private final String mimeType;
    private final String readerName;

    ImageFormat(String mimeType, String readerName) {
        this.mimeType = mimeType;
        this.readerName = readerName;
    }

    public String mimeType() {
        return mimeType;
    }

    public String readerName() {
        return readerName;
    }

    /** Needs at least the first 12 bytes of the file. */
    public static Optional<ImageFormat> detect(byte[] head) {
        if (startsWith(head, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (startsWith(head, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (startsWith(head, 0, 'G', 'I', 'F', '8', '7', 'a') || startsWith(head, 0, 'G', 'I', 'F', '8', '9', 'a')) {
            return Optional.of(GIF);
        }
        if (startsWith(head, 0, 'R', 'I', 'F', 'F') && startsWith(head, 8, 'W', 'E', 'B', 'P')) {
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] data, int offset, int... expected) {
        if (data.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((data[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
