package dev.atelier.trainer.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Settings of the trainer; each one overridable by environment, e.g. {@code ATELIER_TRAINER_CHECKPOINT_EVERY}. */
@ConfigMapping(prefix = "atelier.trainer")
public interface TrainerConfig {

    /** Steps between two checkpoints in S3: a restarted trainer loses at most this many steps. */
    @WithDefault("200")
    int checkpointEvery();

    /** Steps between two preview images. */
    @WithDefault("200")
    int previewEvery();

    /** Steps between two progress events (also sent with each preview and at the last step). */
    @WithDefault("10")
    int progressEvery();

    /**
     * Longest time between two writes of a running training's record: they are its owner's heartbeat,
     * so they are written this often even when steps are slow.
     */
    @WithDefault("30s")
    Duration heartbeatInterval();

    /** A RUNNING training whose heartbeat is older than this is taken over (its trainer is presumed dead). */
    @WithDefault("3m")
    Duration leaseTimeout();

    /**
     * This trainer's name in training records. Defaults to the host name, so a trainer restarted on
     * the same host (or pod) resumes its own training at once instead of waiting for the lease to expire;
     * give each trainer on one host its own.
     */
    Optional<String> instanceId();

    /** Topic of training progress events. */
    @WithDefault("atelier.training.events")
    String eventsTopic();

    /** Most bytes of encoded dataset photos kept in memory, so later epochs do not download them again. */
    @WithDefault("256M")
    io.quarkus.runtime.configuration.MemorySize datasetCache();

    /** Retries of transient failures (S3 or Kafka unreachable), each resuming from the last checkpoint. */
    Retry retry();

    /** Bounded retries with exponential backoff; permanent failures are never retried. */
    interface Retry {
        /** Attempts per delivery of a request, the first included; after the last the training is FAILED. */
        @WithDefault("4")
        int maxAttempts();

        /** Wait before the second attempt; doubled for each further one. */
        @WithDefault("2s")
        Duration initialBackoff();

        /** The longest wait between two attempts. */
        @WithDefault("1m")
        Duration maxBackoff();
    }
}
