package dev.atelier.trainer.runs;

import dev.atelier.contracts.storage.StorageKeys;
import dev.atelier.platform.storage.ObjectStore;
import dev.atelier.trainer.training.CheckpointStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * A training's checkpoints in S3: the state under a key per step, then {@code checkpoint.json}
 * pointing at it, then the previous state deleted. A crash at any point leaves the pointer on a
 * complete state, checked by its digest when read back.
 */
public final class S3CheckpointStore implements CheckpointStore {
    private static final Logger LOG = Logger.getLogger(S3CheckpointStore.class);

    private final ObjectStore store;
    private final String trainingId;
    private final Clock clock;

    public S3CheckpointStore(ObjectStore store, String trainingId, Clock clock) {
        this.store = store;
        this.trainingId = trainingId;
        this.clock = clock;
    }

    /** What {@code checkpoint.json} holds. */
    record Info(int step, String key, String sha256, long bytes, Instant savedAt) {}

    /** The step of the latest checkpoint, 0 when there is none (cheap: reads only the pointer). */
    public int latestStep() {
        return info().map(Info::step).orElse(0);
    }

    @Override
    public Optional<Checkpoint> latest() {
        return info().map(info -> {
            byte[] state = store.get(info.key())
                    .orElseThrow(() -> new IllegalStateException(
                            "checkpoint " + info.key() + " of training " + trainingId + " is missing"));
            String digest = sha256(state);
            if (!digest.equals(info.sha256())) {
                throw new IllegalStateException("checkpoint " + info.key() + " of training " + trainingId
                        + " is damaged: sha256 " + digest + ", expected " + info.sha256());
            }
            return new Checkpoint(info.step(), state);
        });
    }

    @Override
    public void save(int step, byte[] state) {
        Optional<Info> previous = info();
        String key = StorageKeys.checkpoint(trainingId, step);
        store.put(key, state, "application/octet-stream");
        store.putJson(
                StorageKeys.checkpointInfo(trainingId),
                new Info(step, key, sha256(state), state.length, clock.instant()));
        previous.filter(p -> !p.key().equals(key)).ifPresent(p -> {
            try {
                store.delete(p.key());
            } catch (RuntimeException e) {
                LOG.warnf("could not delete the superseded checkpoint %s: %s", p.key(), e.getMessage());
            }
        });
        LOG.debugf("training %s: checkpoint at step %d (%d bytes)", trainingId, step, state.length);
    }

    private Optional<Info> info() {
        return store.getJson(StorageKeys.checkpointInfo(trainingId), Info.class);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
