package dev.atelier.contracts.datasets;

import java.time.Instant;
import java.util.List;

/**
 * A set of content photos for training, stored at {@code datasets/{name}/manifest.json} after its
 * photos: the list of photos and which of them are held out. Held-out photos are never trained on;
 * they judge every model trained on the set (the quality gate), so the split is fixed when the set
 * is imported and never changes afterwards.
 *
 * @param name the set's name, a key segment
 * @param source where the photos came from, for people (a folder, Debian packages)
 * @param photos every photo, training and held-out
 * @param createdAt when the set was imported
 */
public record DatasetManifest(String name, String source, List<DatasetPhoto> photos, Instant createdAt) {

    public DatasetManifest {
        photos = photos == null ? List.of() : List.copyOf(photos);
    }

    /** The photos to train on. */
    public List<DatasetPhoto> trainPhotos() {
        return photos.stream().filter(p -> !p.heldOut()).toList();
    }

    /** The photos kept for the quality gate. */
    public List<DatasetPhoto> heldOutPhotos() {
        return photos.stream().filter(DatasetPhoto::heldOut).toList();
    }
}
