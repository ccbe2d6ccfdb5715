package org.parley.account.service;

import java.awt.image.BufferedImage;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.parley.base.service.EncodedPicture;
import org.parley.base.service.ImageFormat;
import org.parley.base.service.InvalidInputException;
import org.parley.base.service.Phrase;
import org.parley.base.service.Pictures;
import org.parley.base.service.UploadLimit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Turns an uploaded picture into a small square avatar (a person's or a group's): checks what it really is,
 * refuses pictures too large to decode safely, crops the centre and scales it down. The original is never kept,
 * nor ever held whole in memory.
 */
@Component
public class AvatarImages {

    static final int SIZE = 256;
    /** Enough of the start of a file to tell its format. */
    private static final int HEAD_BYTES = 16;

    private final long maxBytes;

    public AvatarImages(@Value("${parley.avatar.max-bytes:5242880}") long maxBytes) {
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /**
     * The avatar made of an upload of {@code declaredBytes} (negative: unknown): refused at once when declared too
     * large, cut one byte past the limit when it is larger than it said, recognised by its first bytes, decoded at
     * about the avatar's size (never whole), centre-cropped and scaled down.
     */
    public EncodedPicture normalize(InputStream upload, long declaredBytes) {
        if (upload == null) {
            throw new InvalidInputException(Phrase.of("account.refusal.the-picture-is-empty"));
        }
        Phrase tooLarge = Phrase.of("account.refusal.picture-too-large", maxBytes / (1024 * 1024));
        BufferedInputStream content =
                new BufferedInputStream(UploadLimit.capped(upload, declaredBytes, maxBytes, tooLarge), HEAD_BYTES);
        ImageFormat format = ImageFormat.detect(head(content))
                .orElseThrow(() -> new InvalidInputException(Phrase.of("account.refusal.not-a-picture")));
        BufferedImage image =
                Pictures.decode(content, format, SIZE, Pictures.Sampling.COVER).image();
        int side = Math.min(image.getWidth(), image.getHeight());
        int target = Math.min(SIZE, side);
        return Pictures.encode(Pictures.scale(
                image, (image.getWidth() - side) / 2, (image.getHeight() - side) / 2, side, side, target, target));
    }

    /** The first bytes, left in the stream for the decoder; refuses an empty upload. */
    private static byte[] head(BufferedInputStream content) {
        try {
            content.mark(HEAD_BYTES);
            byte[] head = content.readNBytes(HEAD_BYTES);
            content.reset();
            if (head.length == 0) {
                throw new InvalidInputException(Phrase.of("account.refusal.the-picture-is-empty"));
            }
            return head;
        } catch (IOException unreadable) {
            throw new InvalidInputException(Phrase.of("account.refusal.the-picture-could-not-be-read"));
        }
    }
}
