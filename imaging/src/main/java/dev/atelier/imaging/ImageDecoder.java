package dev.atelier.imaging;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes JPEG and PNG (whatever ImageIO reads: a WebP plugin on the classpath adds WebP) into upright RGB
 * ({@code TYPE_INT_RGB}): the pixel count is checked from the header before decoding, truncated data (only a warning
 * to ImageIO's JPEG reader) fails the decode instead of yielding a half-grey picture, the EXIF orientation is applied
 * and transparency is flattened onto white. Other decoder warnings (extraneous bytes, common in camera files) are
 * tolerated.
 */
public final class ImageDecoder {
    private final long maxPixels;

    /** @param maxPixels the most pixels an image may have; larger ones are refused before they are decoded */
    public ImageDecoder(long maxPixels) {
        this.maxPixels = maxPixels;
    }

    /** A decoder with no pixel cap, for images bounded before they got here (the trainer's, the importer's). */
    public static ImageDecoder anySize() {
        return new ImageDecoder(Long.MAX_VALUE);
    }

    /**
     * The upright RGB image of a file.
     *
     * @throws IOException when the file cannot be read or is not a readable, complete image
     * @throws ImageTooLargeException when the image has more than the allowed pixels
     */
    public BufferedImage read(Path file) throws IOException {
        try {
            return decode(Files.readAllBytes(file));
        } catch (UndecodableImageException e) {
            throw new IOException("not a decodable image: " + file.getFileName() + " (" + e.getMessage() + ")", e);
        }
    }

    /**
     * @throws UndecodableImageException when the bytes are not a readable, complete image
     * @throws ImageTooLargeException when the image has more than the allowed pixels
     */
    public BufferedImage decode(byte[] encoded) {
        BufferedImage stored = read(encoded);
        return Orientation.apply(toRgb(stored), ExifOrientation.read(encoded));
    }

    private BufferedImage read(byte[] encoded) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(encoded))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new UndecodableImageException("not an image in a known format (JPEG or PNG expected)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > maxPixels) {
                    throw new ImageTooLargeException(
                            "image has " + pixels + " pixels, at most " + maxPixels + " accepted");
                }
                List<String> truncation = new ArrayList<>();
                reader.addIIOReadWarningListener((source, warning) -> {
                    if (warning != null && warning.toLowerCase(Locale.ROOT).contains("premature end")) {
                        truncation.add(warning);
                    }
                });
                BufferedImage image = reader.read(0);
                if (!truncation.isEmpty()) {
                    throw new UndecodableImageException(
                            "truncated " + reader.getFormatName() + ": " + truncation.get(0));
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof UndecodableImageException || e instanceof ImageTooLargeException) {
                throw (RuntimeException) e;
            }
            throw new UndecodableImageException("cannot decode image: " + e.getMessage(), e);
        }
    }

    /** Any colour model to plain RGB; transparency is flattened onto white. */
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
