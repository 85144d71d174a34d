package dev.atelier.trainer.engine;

import dev.atelier.contracts.datasets.DatasetPhoto;
import dev.atelier.imaging.Resizing;
import dev.atelier.trainer.datasets.PhotoSet;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.function.IntFunction;

/**
 * A dataset's train photos, decoded one at a time when a batch needs them (through the set's cache of encoded
 * photos) and shrunk at once so their shorter side is at most twice the crop side: random crops of half to all of
 * that side are then scaled down by at most 2. No decoded photo is kept, so a set of hundreds of large photos
 * costs only the encoded bytes.
 */
final class TrainPhotos implements IntFunction<BufferedImage> {
    private final PhotoSet set;
    private final List<DatasetPhoto> photos;
    private final int maxShorterSide;

    TrainPhotos(PhotoSet set, int cropSize) {
        this.set = set;
        this.photos = set.trainPhotos();
        this.maxShorterSide = 2 * cropSize;
    }

    int count() {
        return photos.size();
    }

    @Override
    public BufferedImage apply(int index) {
        return shrink(set.load(photos.get(index)), maxShorterSide);
    }

    /** The image scaled so its shorter side is at most {@code maxShorterSide}; smaller images as they are. */
    static BufferedImage shrink(BufferedImage image, int maxShorterSide) {
        int shorter = Math.min(image.getWidth(), image.getHeight());
        if (shorter <= maxShorterSide) {
            return image;
        }
        double scale = (double) maxShorterSide / shorter;
        return Resizing.resize(image, Math.max(1, (int) Math.round(image.getWidth() * scale)), Math.max(1, (int)
                Math.round(image.getHeight() * scale)));
    }
}
