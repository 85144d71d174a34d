package dev.atelier.trainer.engine;

import dev.atelier.contracts.datasets.DatasetPhoto;
import dev.atelier.imaging.ImageDecoder;
import dev.atelier.imaging.Resizing;
import dev.atelier.trainer.datasets.PhotoSet;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The content photos of one training: train photos loaded by index when a batch needs them, and the held-out
 * photos, decoded once and scaled to the judging size (they are few).
 *
 * @param trainCount how many train photos there are
 * @param train the train photo of an index, shorter side at most twice the crop side
 * @param heldOut the held-out photos, longest side at most the judging size, sides multiples of 4
 */
public record ContentPhotos(int trainCount, IntFunction<BufferedImage> train, List<BufferedImage> heldOut) {

    public ContentPhotos {
        if (trainCount < 1 || heldOut.isEmpty()) {
            throw new IllegalArgumentException("a training needs at least one train photo and one held-out photo, got "
                    + trainCount + " and " + heldOut.size());
        }
        heldOut = List.copyOf(heldOut);
    }

    /** From a dataset in S3; no train photo is read before a batch needs it. */
    public static ContentPhotos of(PhotoSet set, int cropSize, int maxSide) {
        TrainPhotos train = new TrainPhotos(set, cropSize);
        List<BufferedImage> heldOut = new ArrayList<>();
        for (DatasetPhoto photo : set.heldOutPhotos()) {
            heldOut.add(Resizing.fitMultipleOf4(set.load(photo), maxSide));
        }
        return new ContentPhotos(train.count(), train, heldOut);
    }

    /**
     * From image files (the offline starter command): train photos are decoded when a batch needs them, as from S3.
     *
     * @throws IOException if a held-out photo does not decode
     */
    public static ContentPhotos ofFiles(List<Path> train, List<Path> heldOut, int cropSize, int maxSide)
            throws IOException {
        ImageDecoder decoder = ImageDecoder.anySize();
        List<BufferedImage> judged = new ArrayList<>();
        for (Path file : heldOut) {
            judged.add(Resizing.fitMultipleOf4(decoder.read(file), maxSide));
        }
        List<Path> files = List.copyOf(train);
        return new ContentPhotos(
                files.size(),
                i -> {
                    try {
                        return TrainPhotos.shrink(decoder.read(files.get(i)), 2 * cropSize);
                    } catch (IOException e) {
                        throw new UncheckedIOException("photo " + files.get(i) + " does not decode", e);
                    }
                },
                judged);
    }

    /** From images in memory (tests). */
    public static ContentPhotos of(List<BufferedImage> train, List<BufferedImage> heldOut, int cropSize, int maxSide) {
        List<BufferedImage> shrunk =
                train.stream().map(p -> TrainPhotos.shrink(p, 2 * cropSize)).toList();
        return new ContentPhotos(
                shrunk.size(),
                shrunk::get,
                heldOut.stream().map(p -> Resizing.fitMultipleOf4(p, maxSide)).toList());
    }
}
