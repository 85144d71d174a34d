package dev.atelier.cli.datasets;

import dev.atelier.imaging.ExifOrientation;
import dev.atelier.imaging.ImageDecoder;
import dev.atelier.imaging.Orientation;
import dev.atelier.imaging.Resizing;
import dev.atelier.imaging.UndecodableImageException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * A photo made ready for a dataset: upright (EXIF orientation applied), no longer than the largest
 * side asked for, as JPEG or PNG (which the trainer decodes without plugins). An upright JPEG or PNG
 * that is small enough keeps its original bytes; anything else (WebP, rotated, too large) is encoded
 * again as JPEG.
 *
 * @param bytes what to store
 * @param mediaType {@code image/jpeg} or {@code image/png}
 * @param sha256 of {@code bytes}; names the stored file, so duplicates collapse
 */
public record PreparedPhoto(byte[] bytes, String mediaType, int width, int height, String sha256) {
    private static final float JPEG_QUALITY = 0.92f;
    /** Any size: the photo is shrunk to the largest side asked for once decoded. */
    private static final ImageDecoder DECODER = ImageDecoder.anySize();

    /**
     * @throws IOException when the bytes are no image ImageIO (with the WebP plugin) can decode, or a truncated one
     */
    public static PreparedPhoto of(byte[] original, int maxSide) throws IOException {
        BufferedImage upright;
        try {
            upright = DECODER.decode(original);
        } catch (UndecodableImageException e) {
            throw new IOException(
                    "not an image this importer can decode (JPEG, PNG, WebP, GIF, BMP): " + e.getMessage(), e);
        }
        String sniffed = sniff(original);
        boolean keep = sniffed != null
                && ExifOrientation.read(original) <= Orientation.NORMAL
                && Math.max(upright.getWidth(), upright.getHeight()) <= maxSide;
        if (keep) {
            return new PreparedPhoto(original, sniffed, upright.getWidth(), upright.getHeight(), sha256(original));
        }
        BufferedImage small = Resizing.shrink(upright, maxSide);
        byte[] jpeg = jpeg(small);
        return new PreparedPhoto(jpeg, "image/jpeg", small.getWidth(), small.getHeight(), sha256(jpeg));
    }

    public String extension() {
        return mediaType.equals("image/png") ? "png" : "jpg";
    }

    private static String sniff(byte[] bytes) {
        if (bytes.length > 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8) {
            return "image/jpeg";
        }
        if (bytes.length > 8 && (bytes[0] & 0xff) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G') {
            return "image/png";
        }
        return null;
    }

    private static byte[] jpeg(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
