package dev.atelier.trainer.datasets;

import dev.atelier.contracts.datasets.DatasetManifest;
import dev.atelier.contracts.storage.StorageKeys;
import dev.atelier.platform.storage.ObjectStore;
import dev.atelier.trainer.config.TrainerConfig;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** Opens content photo sets stored in S3 by {@code ./atelier dataset}: {@code datasets/{name}/manifest.json} and its photos. */
@Singleton
public class Datasets {
    private final ObjectStore store;
    private final long cacheBytes;

    @Inject
    public Datasets(ObjectStore store, TrainerConfig config) {
        this(store, config.datasetCache().asLongValue());
    }

    public Datasets(ObjectStore store, long cacheBytes) {
        this.store = store;
        this.cacheBytes = cacheBytes;
    }

    /**
     * @throws DatasetException when the set has no manifest, or no photo to train on or none held out
     * @throws dev.atelier.platform.storage.StorageException when S3 cannot be read
     */
    public PhotoSet open(String name) {
        DatasetManifest manifest = store.getJson(StorageKeys.datasetManifest(name), DatasetManifest.class)
                .orElseThrow(() -> new DatasetException("there is no dataset '" + name + "' (no "
                        + StorageKeys.datasetManifest(name) + "); import one with ./atelier dataset import DIR --name "
                        + name + " or ./atelier dataset debian --name " + name));
        if (manifest.trainPhotos().isEmpty()) {
            throw new DatasetException("dataset '" + name + "' has no photo to train on");
        }
        if (manifest.heldOutPhotos().isEmpty()) {
            throw new DatasetException("dataset '" + name + "' holds no photo out for the quality gate");
        }
        return new PhotoSet(manifest, store, cacheBytes);
    }
}
