package dev.atelier.worker.inference;

import dev.atelier.contracts.jobs.JobOptions;
import dev.atelier.imaging.PhotoColours;
import dev.atelier.worker.imaging.Blending;
import java.awt.image.BufferedImage;

/**
 * How a job's photo is run and its result finished, from the job's options: the size the model runs at (the stroke
 * size), then the photo's colours if asked, then blending by strength.
 *
 * @param styleScale strokes this many times the model's own size: the model runs on the photo scaled by 1/styleScale
 * @param preserveColors the result keeps the photo's chroma ({@link PhotoColours})
 * @param strength how much of the stylized image to keep ({@link Blending})
 */
public record Rendering(double styleScale, boolean preserveColors, double strength) {
    /** The model's output as it is. */
    public static final Rendering PLAIN = new Rendering(1.0, false, 1.0);

    public static Rendering of(JobOptions options) {
        return new Rendering(options.styleScale(), options.preserveColors(), options.strength());
    }

    public static Rendering strength(double strength) {
        return new Rendering(1.0, false, strength);
    }

    /** The width or height the model runs at for a photo side. */
    public int runSide(int side) {
        return styleScale == 1.0 ? side : (int) Math.max(1, Math.round(side / styleScale));
    }

    /**
     * Pixels of room in the heap the job needs, in photos' pixels: the photo's, and when the model runs at another
     * size, those of the image it runs on as well (that image and its result sit beside the photo until the result is
     * brought back to the photo's size).
     */
    public long heapPixels(int width, int height) {
        long photo = (long) width * height;
        return styleScale == 1.0 ? photo : photo + (long) runSide(width) * runSide(height);
    }

    /** The finished result, written into {@code styled} where it can be (the caller's own image). */
    BufferedImage finish(BufferedImage styled, BufferedImage photo) {
        BufferedImage coloured = preserveColors ? PhotoColours.keep(styled, photo) : styled;
        return Blending.blend(coloured, photo, strength);
    }
}
