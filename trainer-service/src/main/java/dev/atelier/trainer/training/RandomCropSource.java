package dev.atelier.trainer.training;

import dev.atelier.trainer.imaging.ImageArrays;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random multi-scale square crops of decoded photos, resized to one size and flipped left-right half of the
 * time: each step sees new framings of a small photo set. Deterministic for a given seed.
 */
public final class RandomCropSource implements ContentSource {
    public static final int DEFAULT_CROP = 256;
    /** Smallest crop side as a fraction of the photo's shorter side. */
    public static final double DEFAULT_MIN_SCALE = 0.5;

    private final List<BufferedImage> photos;
    private final int cropSize;
    private final double minScale;
    private final SplittableRandom random;

    public RandomCropSource(List<BufferedImage> photos, long seed) {
        this(photos, DEFAULT_CROP, DEFAULT_MIN_SCALE, seed);
    }

    public RandomCropSource(List<BufferedImage> photos, int cropSize, double minScale, long seed) {
        if (photos.isEmpty()) {
            throw new IllegalArgumentException("no content photos");
        }
        if (cropSize < 16 || cropSize % 4 != 0) {
            throw new IllegalArgumentException("crop size must be a multiple of 4 and at least 16, got " + cropSize);
        }
        if (!(minScale > 0 && minScale <= 1)) {
            throw new IllegalArgumentException("min scale must be in (0, 1], got " + minScale);
        }
        this.photos = List.copyOf(photos);
        this.cropSize = cropSize;
        this.minScale = minScale;
        this.random = new SplittableRandom(seed);
    }

    @Override
    public ImageBatch next(int batchSize) {
        int size = 3 * cropSize * cropSize;
        float[] data = new float[batchSize * size];
        for (int i = 0; i < batchSize; i++) {
            System.arraycopy(ImageArrays.toChw(crop(photos.get(random.nextInt(photos.size())))), 0, data, i * size, size);
        }
        return new ImageBatch(data, batchSize, cropSize, cropSize);
    }

    private BufferedImage crop(BufferedImage photo) {
        int shorter = Math.min(photo.getWidth(), photo.getHeight());
        int side = Math.max(1, (int) Math.round(shorter * (minScale + random.nextDouble() * (1 - minScale))));
        int x = random.nextInt(photo.getWidth() - side + 1);
        int y = random.nextInt(photo.getHeight() - side + 1);
        BufferedImage crop = ImageArrays.draw(photo, x, y, side, side, side, side);
        boolean flip = random.nextBoolean();
        BufferedImage resized = ImageArrays.resize(crop, cropSize, cropSize);
        return flip ? ImageArrays.draw(resized, cropSize, 0, -cropSize, cropSize, cropSize, cropSize) : resized;
    }
}
