package org.parley.account.service;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import org.parley.base.service.EncodedPicture;
import org.parley.base.service.ImageFormat;
import org.parley.base.service.InvalidInputException;
import org.parley.base.service.Pictures;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Turns an uploaded picture into a small square avatar: checks what it really is, refuses pictures too
 * large to decode safely, crops the centre and scales it down. The original is never kept.
 */
@Component
public class AvatarImages {

    static final int SIZE = 256;

    private final long maxBytes;

    public AvatarImages(@Value("${parley.avatar.max-bytes:5242880}") long maxBytes) {
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    public EncodedPicture normalize(byte[] upload) {
        if (upload == null || upload.length == 0) {
            throw new InvalidInputException("The picture is empty.");
        }
        if (upload.length > maxBytes) {
            throw new InvalidInputException("The picture is too large: at most " + (maxBytes / (1024 * 1024)) + " MB.");
        }
        ImageFormat format = ImageFormat.detect(upload).orElseThrow(() -> new InvalidInputException(
                "That file is not a picture Parley accepts. Use PNG, JPEG, GIF or WebP."));
        BufferedImage image = Pictures.decode(new ByteArrayInputStream(upload), format, 0).image();
        int side = Math.min(image.getWidth(), image.getHeight());
        int target = Math.min(SIZE, side);
        return Pictures.encode(Pictures.scale(image, (image.getWidth() - side) / 2, (image.getHeight() - side) / 2,
                side, side, target, target));
    }
}
