package dev.atelier.gateway.imaging;

import dev.atelier.gateway.problems.ProblemException;
import dev.atelier.gateway.problems.ProblemType;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;

/**
 * Reads an image's dimensions from its header through an ImageIO reader: {@code getWidth} and
 * {@code getHeight} parse only up to the frame header (PNG IHDR, JPEG SOF), so a file claiming
 * 50000 x 50000 pixels costs a few bytes of reading and no pixel memory.
 *
 * @param width pixels per row, as stored
 * @param height rows, as stored
 */
public record ImageHeader(int width, int height) {

    public long pixels() {
        return (long) width * height;
    }

    /** A fresh reader for the format; the caller disposes of it. */
    static ImageReader readerFor(ImageKind kind) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(kind.mediaType());
        if (!readers.hasNext()) {
            throw new IllegalStateException("no ImageIO reader for " + kind.mediaType() + " in this JVM");
        }
        return readers.next();
    }

    /**
     * Reads the dimensions of image 0 from a reader whose input is set.
     *
     * @throws ProblemException {@code image-corrupt} when the header cannot be parsed
     */
    static ImageHeader read(ImageReader reader) {
        try {
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (width <= 0 || height <= 0) {
                throw new IOException("header declares " + width + " x " + height + " pixels");
            }
            return new ImageHeader(width, height);
        } catch (IOException | RuntimeException e) {
            // ImageIO readers also throw unchecked exceptions (IndexOutOfBounds, NegativeArraySize) on garbage.
            throw new ProblemException(
                    ProblemType.IMAGE_CORRUPT, "the image header cannot be read: " + e.getMessage(), e);
        }
    }
}
