package dev.atelier.gateway.imaging;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Tells an image's format from its first bytes, never from the client's file name or declared
 * content type (which say what the client believes, not what the bytes are).
 */
public final class MagicBytes {
    /** How many leading bytes {@link #sniff} looks at; fewer are fine for short inputs. */
    public static final int HEADER_LENGTH = 16;

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};
    private static final byte[] TIFF_LE = {'I', 'I', '*', 0};
    private static final byte[] TIFF_BE = {'M', 'M', 0, '*'};
    private static final byte[] JXL_CODESTREAM = {(byte) 0xff, 0x0a};
    private static final byte[] JXL_CONTAINER = {0, 0, 0, 0x0c, 'J', 'X', 'L', ' '};

    private MagicBytes() {}

    /** The format the bytes start with, or empty when they are no image format we know. */
    public static Optional<ImageKind> sniff(byte[] head) {
        if (startsWith(head, 0, JPEG)) {
            return Optional.of(ImageKind.JPEG);
        }
        if (startsWith(head, 0, PNG)) {
            return Optional.of(ImageKind.PNG);
        }
        if (startsWith(head, 0, ascii("GIF87a")) || startsWith(head, 0, ascii("GIF89a"))) {
            return Optional.of(ImageKind.GIF);
        }
        if (startsWith(head, 0, ascii("RIFF")) && startsWith(head, 8, ascii("WEBP"))) {
            return Optional.of(ImageKind.WEBP);
        }
        if (startsWith(head, 0, TIFF_LE) || startsWith(head, 0, TIFF_BE)) {
            return Optional.of(ImageKind.TIFF);
        }
        if (startsWith(head, 0, JXL_CODESTREAM) || startsWith(head, 0, JXL_CONTAINER)) {
            return Optional.of(ImageKind.JPEG_XL);
        }
        if (startsWith(head, 4, ascii("ftyp"))) {
            return isoBrand(head);
        }
        // "BM" is only two bytes: also require a plausible DIB header size at offset 14.
        if (startsWith(head, 0, ascii("BM"))
                && head.length >= 15
                && (head[14] == 12 || head[14] == 40 || head[14] == 108 || head[14] == 124)) {
            return Optional.of(ImageKind.BMP);
        }
        return Optional.empty();
    }

    /** ISO base media files (HEIF, AVIF) name their flavour in the {@code ftyp} box's major brand. */
    private static Optional<ImageKind> isoBrand(byte[] head) {
        if (startsWith(head, 8, ascii("avif")) || startsWith(head, 8, ascii("avis"))) {
            return Optional.of(ImageKind.AVIF);
        }
        for (String brand : new String[] {"heic", "heix", "hevc", "hevx", "mif1", "msf1"}) {
            if (startsWith(head, 8, ascii(brand))) {
                return Optional.of(ImageKind.HEIF);
            }
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] data, int offset, byte[] prefix) {
        if (data.length < offset + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
