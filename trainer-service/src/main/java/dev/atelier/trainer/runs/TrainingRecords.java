package dev.atelier.trainer.runs;

import dev.atelier.contracts.events.TrainingRequested;
import dev.atelier.contracts.storage.StorageKeys;
import dev.atelier.contracts.training.TrainingRecord;
import dev.atelier.platform.storage.ObjectStore;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import org.jboss.logging.Logger;

/** Reads and writes training records in S3: the single source of truth for a training's status. */
@Singleton
public class TrainingRecords {
    private static final Logger LOG = Logger.getLogger(TrainingRecords.class);

    private final ObjectStore store;
    private final Clock clock;

    public TrainingRecords(ObjectStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public Optional<TrainingRecord> find(String trainingId) {
        return store.getJson(StorageKeys.training(trainingId), TrainingRecord.class);
    }

    /** The training's record; rebuilt as QUEUED from the request if the gateway's record is missing. */
    public TrainingRecord load(TrainingRequested request) {
        return find(request.trainingId()).orElseGet(() -> {
            LOG.warnf(
                    "training %s has no record at %s; rebuilding it from the request",
                    request.trainingId(), StorageKeys.training(request.trainingId()));
            return request.queuedRecord(clock.instant());
        });
    }

    public void save(TrainingRecord record) {
        store.putJson(StorageKeys.training(record.id()), record);
    }
}
