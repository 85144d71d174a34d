package dev.atelier.trainer.datasets;

import dev.atelier.contracts.datasets.DatasetManifest;
import dev.atelier.contracts.datasets.DatasetPhoto;
import dev.atelier.imaging.ImageDecoder;
import dev.atelier.imaging.UndecodableImageException;
import dev.atelier.platform.storage.ObjectStore;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The photos of one dataset, split into the ones to train on and the held-out ones, decoded on
 * demand to upright RGB images. Encoded photos are kept in memory up to a byte budget, so the
 * epochs after the first read S3 no more; decoded images are not kept (they are many times larger).
 * Thread-safe. Augmentation (crops, flips) is the trainer's business, not this class's.
 */
public final class PhotoSet {
    /** Dataset photos were checked (and made upright and small enough) when they were imported. */
    private static final ImageDecoder DECODER = ImageDecoder.anySize();

    private final DatasetManifest manifest;
    private final ObjectStore store;
    private final long cacheBytes;
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();
    private final AtomicLong cached = new AtomicLong();

    PhotoSet(DatasetManifest manifest, ObjectStore store, long cacheBytes) {
        this.manifest = manifest;
        this.store = store;
        this.cacheBytes = cacheBytes;
    }

    public String name() {
        return manifest.name();
    }

    public DatasetManifest manifest() {
        return manifest;
    }

    /** The photos to train on, in manifest order (shuffle with your own seeded random). */
    public List<DatasetPhoto> trainPhotos() {
        return manifest.trainPhotos();
    }

    /** The photos never trained on, for the quality gate and previews. */
    public List<DatasetPhoto> heldOutPhotos() {
        return manifest.heldOutPhotos();
    }

    /**
     * The photo as an upright RGB image ({@code TYPE_INT_RGB}; transparency flattened on white), decoded as the worker
     * decodes its inputs.
     *
     * @throws DatasetException when the photo is missing from S3 or does not decode
     * @throws dev.atelier.platform.storage.StorageException when S3 cannot be read
     */
    public BufferedImage load(DatasetPhoto photo) {
        try {
            return DECODER.decode(bytes(photo));
        } catch (UndecodableImageException e) {
            throw new DatasetException("photo " + photo.key() + " does not decode: " + e.getMessage(), e);
        }
    }

    private byte[] bytes(DatasetPhoto photo) {
        byte[] hit = cache.get(photo.key());
        if (hit != null) {
            return hit;
        }
        byte[] bytes = store.get(photo.key())
                .orElseThrow(() -> new DatasetException(
                        "photo " + photo.key() + " of dataset '" + manifest.name() + "' is not in the object store"));
        if (cached.addAndGet(bytes.length) <= cacheBytes) {
            cache.putIfAbsent(photo.key(), bytes);
        } else {
            cached.addAndGet(-bytes.length);
        }
        return bytes;
    }
}
