package org.parley.chat.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/**
 * Files for the attachment tests, made on the spot: pictures in every accepted format (WebP lossless is
 * written by hand: the JDK has no WebP writer), picture bombs, random bytes, and streams that stop
 * half-way or never end. Not a test itself.
 */
public final class AttachmentTestFiles {

    public static final int MIB = 1024 * 1024;
    public static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

    private AttachmentTestFiles() {}

    /** A picture of one colour in {@code format} ("png", "jpeg", "gif"), written by the JDK. */
    public static byte[] picture(String format, int width, int height, Color color) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return encode(image, format);
    }

    /** A PNG of random pixels: it hardly compresses, so it is about 3 bytes per pixel. */
    public static byte[] noisePng(int width, int height, long seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(seed);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        return encode(image, "png");
    }

    public static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThat(ImageIO.write(image, format, out))
                    .as("a writer for " + format)
                    .isTrue();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static BufferedImage decode(byte[] data) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(data));
            assertThat(image).as("a readable picture").isNotNull();
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A lossless WebP (VP8L) of one colour, any size up to 16384 × 16384, in a few dozen bytes: every
     * channel has a prefix code of a single symbol, so each pixel takes no bits at all. Sixteen zero bytes
     * follow the bit stream, as a decoder reading ahead expects of an ordinary file.
     */
    public static byte[] webp(int width, int height, Color color) {
        return webp(width, height, color, 16);
    }

    /**
     * The same WebP ending right after its last bit: the TwelveMonkeys reader then tries to read past the
     * end for every pixel, which makes decoding it thousands of times slower.
     */
    public static byte[] webpWithoutPadding(int width, int height, Color color) {
        return webp(width, height, color, 0);
    }

    private static byte[] webp(int width, int height, Color color, int trailingZeros) {
        Bits bits = new Bits();
        bits.write(0x2F, 8); // VP8L signature
        bits.write(width - 1, 14);
        bits.write(height - 1, 14);
        bits.write(0, 1); // no alpha
        bits.write(0, 3); // version 0
        bits.write(0, 1); // no transform
        bits.write(0, 1); // no colour cache
        bits.write(0, 1); // no meta prefix codes
        // Five simple prefix codes, one symbol each: green, red, blue, alpha, distance.
        for (int symbol : new int[] {color.getGreen(), color.getRed(), color.getBlue(), 255, 0}) {
            bits.write(1, 1); // simple code
            bits.write(0, 1); // one symbol
            bits.write(1, 1); // of 8 bits
            bits.write(symbol, 8);
        }
        byte[] stream = bits.toBytes();
        byte[] data = java.util.Arrays.copyOf(stream, stream.length + trailingZeros);
        int padded = data.length + (data.length & 1);
        ByteBuffer riff = ByteBuffer.allocate(20 + padded).order(ByteOrder.LITTLE_ENDIAN);
        riff.put("RIFF".getBytes())
                .putInt(12 + padded)
                .put("WEBP".getBytes())
                .put("VP8L".getBytes())
                .putInt(data.length)
                .put(data);
        return riff.array();
    }

    /** The 1 × 1 lossy (VP8) WebP AccountServiceTest also uses. */
    public static byte[] lossyWebp() {
        return java.util.Base64.getDecoder().decode("UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA");
    }

    /** Rewrites the size in a PNG's header (and its checksum), leaving the pixel data as it was. */
    public static byte[] withPngSize(byte[] png, int width, int height) {
        byte[] patched = png.clone();
        // Signature (8), IHDR length (4), "IHDR" (4), then width and height; the CRC covers type + data (17).
        ByteBuffer.wrap(patched, 16, 8).putInt(width).putInt(height);
        CRC32 crc = new CRC32();
        crc.update(patched, 12, 17);
        ByteBuffer.wrap(patched, 29, 4).putInt((int) crc.getValue());
        return patched;
    }

    /** Random bytes that do not start like any picture. */
    public static byte[] randomBytes(int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        if (size > 0) {
            data[0] = 0x00;
        }
        return data;
    }

    /**
     * {@code prefix}, then zeros: endless when {@code size} is negative. Counts what was read, so a test
     * sees that an upload stopped reading soon after a limit and held none of it.
     */
    public static final class GeneratedStream extends InputStream {
        private final byte[] prefix;
        private final long size;
        private long position;

        public GeneratedStream(byte[] prefix, long size) {
            this.prefix = prefix;
            this.size = size;
        }

        public long bytesRead() {
            return position;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] target, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            long left = size < 0 ? Long.MAX_VALUE : size - position;
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(length, left);
            for (int i = 0; i < n; i++) {
                long at = position + i;
                target[offset + i] = at < prefix.length ? prefix[(int) at] : 0;
            }
            position += n;
            return n;
        }
    }

    /**
     * Gives {@code data}, but stops at {@code gate} until {@link #open()}: an upload caught in the middle.
     * {@link #awaitGate()} returns once the upload has read everything before the gate.
     */
    public static final class GatedStream extends InputStream {
        private final byte[] data;
        private final int gate;
        private final CountDownLatch reached = new CountDownLatch(1);
        private final CountDownLatch opened = new CountDownLatch(1);
        private int position;

        public GatedStream(byte[] data, int gate) {
            this.data = data;
            this.gate = gate;
        }

        public void awaitGate() throws InterruptedException {
            assertThat(reached.await(30, TimeUnit.SECONDS))
                    .as("the upload reached the gate")
                    .isTrue();
        }

        public void open() {
            opened.countDown();
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (position == gate) {
                reached.countDown();
                try {
                    if (!opened.await(60, TimeUnit.SECONDS)) {
                        throw new IOException("The gate was never opened");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
            int end = position < gate ? gate : data.length;
            if (position >= end) {
                return -1;
            }
            int n = Math.min(length, end - position);
            System.arraycopy(data, position, target, offset, n);
            position += n;
            return n;
        }
    }

    /** Least significant bit first, as VP8L reads them. */
    private static final class Bits {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private int current;
        private int used;

        void write(int value, int count) {
            for (int i = 0; i < count; i++) {
                current |= ((value >>> i) & 1) << used;
                if (++used == 8) {
                    out.write(current);
                    current = 0;
                    used = 0;
                }
            }
        }

        byte[] toBytes() {
            if (used > 0) {
                out.write(current);
                current = 0;
                used = 0;
            }
            return out.toByteArray();
        }
    }
}
