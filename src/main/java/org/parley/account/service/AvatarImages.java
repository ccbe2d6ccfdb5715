package org.parley.account.service;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.parley.base.service.InvalidInputException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Turns an uploaded picture into a small square avatar: checks what it really is, refuses pictures too
 * large to decode safely, crops the centre and scales it down. The original is never kept.
 */
@Component
public class AvatarImages {

    static final int SIZE = 256;
    /** Refused before decoding: a tiny file can claim a huge canvas ("decompression bomb"). */
    static final long MAX_PIXELS = 50_000_000L;

    static {
        // Registers the WebP reader from the class path (also inside the Spring Boot jar).
        ImageIO.scanForPlugins();
    }

    private final long maxBytes;

    public AvatarImages(@Value("${parley.avatar.max-bytes:5242880}") long maxBytes) {
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    public AvatarPicture normalize(byte[] upload) {
        if (upload == null || upload.length == 0) {
            throw new InvalidInputException("The picture is empty.");
        }
        if (upload.length > maxBytes) {
            throw new InvalidInputException("The picture is too large: at most " + (maxBytes / (1024 * 1024)) + " MB.");
        }
        ImageFormat format = ImageFormat.detect(upload).orElseThrow(() -> new InvalidInputException(
                "That file is not a picture Parley accepts. Use PNG, JPEG, GIF or WebP."));
        BufferedImage image = decode(upload, format);
        BufferedImage square = cropAndScale(image);
        boolean transparent = square.getColorModel().hasAlpha();
        return transparent ? encode(square, "png", "image/png") : encode(toRgb(square), "jpeg", "image/jpeg");
    }

    private static BufferedImage decode(byte[] upload, ImageFormat format) {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.readerName());
            if (!readers.hasNext()) {
                throw new IllegalStateException("No image reader for " + format);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) {
                    throw new InvalidInputException("The picture has too many pixels: at most 50 megapixels.");
                }
                BufferedImage image = reader.read(0);
                if (image == null) {
                    throw new InvalidInputException("The picture could not be read.");
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException invalid) {
                throw invalid;
            }
            throw new InvalidInputException("The picture is damaged or not what its first bytes claim.");
        }
    }

    private static BufferedImage cropAndScale(BufferedImage image) {
        int side = Math.min(image.getWidth(), image.getHeight());
        int x = (image.getWidth() - side) / 2;
        int y = (image.getHeight() - side) / 2;
        int target = Math.min(SIZE, side);
        BufferedImage scaled = new BufferedImage(target, target, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = scaled.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image, 0, 0, target, target, x, y, x + side, y + side, null);
        } finally {
            g.dispose();
        }
        return image.getColorModel().hasAlpha() ? scaled : toRgb(scaled);
    }

    private static BufferedImage toRgb(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB) {
            return image;
        }
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        try {
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return rgb;
    }

    private static AvatarPicture encode(BufferedImage image, String writerName, String contentType) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(image, writerName, out)) {
                throw new IllegalStateException("No image writer for " + writerName);
            }
            return new AvatarPicture(contentType, out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
