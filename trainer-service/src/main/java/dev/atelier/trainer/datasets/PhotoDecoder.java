package dev.atelier.trainer.datasets;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * Decodes a stored photo to {@code TYPE_INT_RGB}. Photos are stored upright (the importer applies
 * EXIF orientation), as JPEG or PNG, which the JDK decodes without plugins.
 */
public final class PhotoDecoder {
    private PhotoDecoder() {
    }

    /** @throws DatasetException when the bytes are not an image the JDK can decode */
    public static BufferedImage decode(byte[] bytes, String name) {
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            throw new DatasetException("photo " + name + " does not decode: " + e.getMessage(), e);
        }
        if (image == null) {
            throw new DatasetException("photo " + name + " is not a JPEG or PNG image");
        }
        return toRgb(image);
    }

    /** The image itself when already {@code TYPE_INT_RGB}, else a copy drawn on white. */
    public static BufferedImage toRgb(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB) {
            return image;
        }
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        try {
            g.drawImage(image, 0, 0, Color.WHITE, null);
        } finally {
            g.dispose();
        }
        return rgb;
    }
}
