package org.parley.chat.service;

import java.io.Serializable;

/**
 * A file or picture as the conversation shows it. {@code picture}: Parley recognised it as PNG, JPEG, GIF
 * or WebP and made a preview; {@code contentType} is then the recognised type, otherwise what the sender's
 * browser declared (shown, never used to serve it inline).
 */
public record AttachmentView(
        long id, String fileName, long sizeBytes, String contentType, boolean picture, Integer width, Integer height)
        implements Serializable {

    public static final String PREFIX = "/files/";

    /** Always a download ({@code Content-Disposition: attachment}), whatever the file is. */
    public String downloadUrl() {
        return PREFIX + id;
    }

    /** The full picture, inline; only for recognised pictures. */
    public String pictureUrl() {
        return PREFIX + id + "/picture";
    }

    public String thumbnailUrl() {
        return PREFIX + id + "/thumbnail";
    }
}
