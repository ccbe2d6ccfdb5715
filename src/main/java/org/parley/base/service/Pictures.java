package org.parley.base.service;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;

/**
 * Decoding and encoding of uploaded pictures, shared by avatars and picture messages. The pixel count is
 * checked from the header before anything is decoded: a tiny file can claim a huge canvas. Every picture is
 * decoded at the size it is needed at (every n-th pixel), the memory that takes is bounded whatever its bits per
 * pixel, and only a few are decoded at a time: a crafted picture cannot take the server's heap.
 */
public final class Pictures {

    public static final long MAX_PIXELS = 50_000_000L;
    /** The most one decoded picture may take in memory (a 16-bit RGBA pixel takes 8 bytes). */
    static final long MAX_DECODED_BYTES = 64L * 1024 * 1024;
    /** How many pictures are decoded at once; more wait their turn (for a while). */
    private static final Semaphore DECODING =
            new Semaphore(Math.max(2, Runtime.getRuntime().availableProcessors()));

    private static final long WAIT_FOR_TURN_SECONDS = 20;

    /** How a picture is decoded: to fit a box ({@code FIT}, previews) or to cover a square ({@code COVER}, avatars). */
    public enum Sampling {
        FIT,
        COVER
    }

    static {
        // Registers the WebP reader from the class path (also inside the Spring Boot jar).
        ImageIO.scanForPlugins();
    }

    private Pictures() {}

    /** A decoded picture and the size it has in the file (the image may be decoded at a lower resolution). */
    public record Decoded(BufferedImage image, int width, int height) {}

    /**
     * Decodes a picture of a known format, refusing more than {@link #MAX_PIXELS}. With {@code maxSide} > 0 it
     * decodes every n-th pixel so the result is no smaller than {@code maxSide} on its longer side but not
     * much larger: memory then depends on the preview size, not on the picture's.
     */
    public static Decoded decode(InputStream content, ImageFormat format, int maxSide) {
        return decode(content, format, maxSide, Sampling.FIT);
    }

    /**
     * Decodes a picture at about {@code side} pixels: with {@link Sampling#FIT} its longer side is no smaller than
     * {@code side}, with {@link Sampling#COVER} its shorter one (a square of that size can be cut from it).
     */
    public static Decoded decode(InputStream content, ImageFormat format, int side, Sampling sampling) {
        boolean turn;
        try {
            turn = DECODING.tryAcquire(WAIT_FOR_TURN_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            turn = false;
        }
        if (!turn) {
            throw new InvalidInputException(Phrase.of("base.refusal.parley-is-busy-with-other-pictures"));
        }
        try {
            return decodeNow(content, format, side, sampling);
        } finally {
            DECODING.release();
        }
    }

    private static Decoded decodeNow(InputStream content, ImageFormat format, int side, Sampling sampling) {
        try (ImageInputStream cached = ImageIO.createImageInputStream(content);
                ImageInputStream input = cached == null ? null : new TruncationGuard(cached)) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.readerName());
            if (input == null || !readers.hasNext()) {
                throw new IllegalStateException("No image reader for " + format);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if ((long) width * height > MAX_PIXELS) {
                    throw new InvalidInputException(Phrase.of("base.refusal.the-picture-has-too-many-pixels"));
                }
                ImageReadParam param = reader.getDefaultReadParam();
                int step = 1;
                if (side > 0) {
                    int measured = sampling == Sampling.FIT ? Math.max(width, height) : Math.min(width, height);
                    step = Math.max(1, measured / side);
                    param.setSourceSubsampling(step, step, 0, 0);
                }
                long pixels = (long) ceilDiv(width, step) * ceilDiv(height, step);
                if (pixels * bytesPerPixel(reader) > MAX_DECODED_BYTES) {
                    throw new InvalidInputException(Phrase.of("base.refusal.the-picture-is-too-large-to"));
                }
                BufferedImage image = reader.read(0, param);
                if (image == null) {
                    throw new InvalidInputException(Phrase.of("base.refusal.the-picture-could-not-be-read"));
                }
                return new Decoded(image, width, height);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            // Our own refusal (say, the upload's limit) may come wrapped in the reader's exception.
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof InvalidInputException invalid) {
                    throw invalid;
                }
            }
            throw new InvalidInputException(Phrase.of("base.refusal.the-picture-is-damaged-or-not"));
        }
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    /** What one decoded pixel of this picture takes (its samples' bits, rounded up); 4 when the reader cannot say. */
    private static long bytesPerPixel(ImageReader reader) throws IOException {
        ImageTypeSpecifier raw = reader.getRawImageType(0);
        if (raw == null) {
            return 4;
        }
        int bits = 0;
        for (int size : raw.getSampleModel().getSampleSize()) {
            bits += size;
        }
        return Math.max(4, (bits + 7) / 8);
    }

    /** The part {@code (x, y, w, h)} of an image drawn at {@code targetW × targetH}, smoothly. */
    public static BufferedImage scale(BufferedImage image, int x, int y, int w, int h, int targetW, int targetH) {
        BufferedImage scaled = new BufferedImage(targetW, targetH, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = scaled.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image, 0, 0, targetW, targetH, x, y, x + w, y + h, null);
        } finally {
            g.dispose();
        }
        return image.getColorModel().hasAlpha() ? scaled : toRgb(scaled);
    }

    /** The whole image, scaled down (never up) to fit {@code maxSide}. */
    public static BufferedImage fit(BufferedImage image, int maxSide) {
        double factor = Math.min(1.0, (double) maxSide / Math.max(image.getWidth(), image.getHeight()));
        int w = Math.max(1, (int) Math.round(image.getWidth() * factor));
        int h = Math.max(1, (int) Math.round(image.getHeight() * factor));
        return scale(image, 0, 0, image.getWidth(), image.getHeight(), w, h);
    }

    /** PNG when the picture has transparency, JPEG otherwise (on white). */
    public static EncodedPicture encode(BufferedImage image) {
        boolean transparent = image.getColorModel().hasAlpha();
        BufferedImage toWrite = transparent ? image : toRgb(image);
        String writer = transparent ? "png" : "jpeg";
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(toWrite, writer, out)) {
                throw new IllegalStateException("No image writer for " + writer);
            }
            return new EncodedPicture(transparent ? "image/png" : "image/jpeg", out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedImage toRgb(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB) {
            return image;
        }
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return rgb;
    }
}
