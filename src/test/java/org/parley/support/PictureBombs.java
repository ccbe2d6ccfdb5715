package org.parley.support;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Pictures an attacker would send, made without ever holding their pixels: a small file whose decoded canvas is
 * huge, and an endless upload that starts like a picture.
 */
public final class PictureBombs {

    private PictureBombs() {}

    /**
     * A valid PNG of {@code width × height} pixels, 16 bits per sample, RGBA (8 bytes a pixel decoded), all
     * transparent black: a few hundred KB for 7000 × 7000, which decodes to almost 400 MB.
     */
    public static byte[] sixteenBitPng(int width, int height) throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        byte[] row = new byte[1 + width * 8]; // filter byte 0, then the samples, all zero
        try (DeflaterOutputStream zlib = new DeflaterOutputStream(compressed, new Deflater(9), 64 * 1024)) {
            for (int y = 0; y < height; y++) {
                zlib.write(row);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        DataOutputStream fields = new DataOutputStream(header);
        fields.writeInt(width);
        fields.writeInt(height);
        fields.writeByte(16); // bits per sample
        fields.writeByte(6); // RGBA
        fields.writeByte(0);
        fields.writeByte(0);
        fields.writeByte(0);
        chunk(png, "IHDR", header.toByteArray());
        chunk(png, "IDAT", compressed.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    /**
     * An upload that starts as a PNG ({@code width × height}, 8-bit RGBA) and then never ends: its image data is an
     * endless zlib stream of stored blocks. {@code consumed} counts what was read of it.
     */
    public static InputStream endlessPng(int width, int height, long[] consumed) throws IOException {
        ByteArrayOutputStream start = new ByteArrayOutputStream();
        start.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        DataOutputStream fields = new DataOutputStream(header);
        fields.writeInt(width);
        fields.writeInt(height);
        fields.write(new byte[] {8, 6, 0, 0, 0});
        chunk(start, "IHDR", header.toByteArray());
        DataOutputStream idat = new DataOutputStream(start);
        idat.writeInt(1_000_000_000); // an IDAT chunk that claims 1 GB
        idat.write("IDAT".getBytes(StandardCharsets.US_ASCII));
        idat.write(new byte[] {0x78, 0x01}); // zlib header, then stored blocks of 65,535 zero bytes
        byte[] prefix = start.toByteArray();
        byte[] block = new byte[5 + 65_535];
        block[1] = (byte) 0xFF;
        block[2] = (byte) 0xFF;
        return new InputStream() {
            private long position;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                int n = 0;
                while (n < length) {
                    buffer[offset + n] = position < prefix.length
                            ? prefix[(int) position]
                            : block[(int) ((position - prefix.length) % block.length)];
                    position++;
                    n++;
                }
                consumed[0] += n;
                return n;
            }
        };
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) throws IOException {
        DataOutputStream out = new DataOutputStream(png);
        out.writeInt(data.length);
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.write(name);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeInt((int) crc.getValue());
    }
}
