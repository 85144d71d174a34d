package dev.atelier.trainer.training;

import dev.atelier.imaging.Orientation;
import dev.atelier.imaging.Resizing;
import dev.atelier.imaging.TensorImages;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

/**
 * Random multi-scale square crops of decoded photos, resized to one size and flipped left-right half of the
 * time: each step sees new framings of a small photo set. Deterministic for a given seed (and photos).
 *
 * <p>Photos come from a list, or one at a time from a loader (photo index to image) so that a large set is
 * never held decoded all at once: only the photos of the batch being cut are in memory.
 */
public final class RandomCropSource implements ContentSource {
    public static final int DEFAULT_CROP = 256;
    /** Smallest crop side as a fraction of the photo's shorter side. */
    public static final double DEFAULT_MIN_SCALE = 0.5;

    private final int count;
    private final IntFunction<BufferedImage> photos;
    private final int cropSize;
    private final double minScale;
    private final SplittableRandom random;

    public RandomCropSource(List<BufferedImage> photos, long seed) {
        this(photos, DEFAULT_CROP, DEFAULT_MIN_SCALE, seed);
    }

    public RandomCropSource(List<BufferedImage> photos, int cropSize, double minScale, long seed) {
        this(photos.size(), List.copyOf(photos)::get, cropSize, minScale, seed);
    }

    /**
     * @param count how many photos there are
     * @param photos the photo of an index in {@code 0 .. count - 1}, decoded when asked (called on the thread that
     *     calls {@link #next})
     */
    public RandomCropSource(int count, IntFunction<BufferedImage> photos, int cropSize, double minScale, long seed) {
        if (count < 1) {
            throw new IllegalArgumentException("no content photos");
        }
        if (cropSize < 16 || cropSize % 4 != 0) {
            throw new IllegalArgumentException("crop size must be a multiple of 4 and at least 16, got " + cropSize);
        }
        if (!(minScale > 0 && minScale <= 1)) {
            throw new IllegalArgumentException("min scale must be in (0, 1], got " + minScale);
        }
        this.count = count;
        this.photos = photos;
        this.cropSize = cropSize;
        this.minScale = minScale;
        this.random = new SplittableRandom(seed);
    }

    @Override
    public ImageBatch next(int batchSize) {
        int size = 3 * cropSize * cropSize;
        float[] data = new float[batchSize * size];
        for (int i = 0; i < batchSize; i++) {
            System.arraycopy(
                    TensorImages.toTensor(crop(photos.apply(random.nextInt(count))))
                            .data(),
                    0,
                    data,
                    i * size,
                    size);
        }
        return new ImageBatch(data, batchSize, cropSize, cropSize);
    }

    private BufferedImage crop(BufferedImage photo) {
        int shorter = Math.min(photo.getWidth(), photo.getHeight());
        int side = Math.max(1, (int) Math.round(shorter * (minScale + random.nextDouble() * (1 - minScale))));
        int x = random.nextInt(photo.getWidth() - side + 1);
        int y = random.nextInt(photo.getHeight() - side + 1);
        boolean flip = random.nextBoolean();
        BufferedImage resized = Resizing.resize(photo.getSubimage(x, y, side, side), cropSize, cropSize);
        return flip ? Orientation.apply(resized, Orientation.MIRRORED) : resized;
    }
}
