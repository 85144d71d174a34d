package dev.atelier.trainer.engine;

import dev.atelier.trainer.training.CheckpointStore;

/**
 * Trains one feed-forward style model: the seam between the service (Kafka, S3, records, events,
 * publication) and the machine learning. The service calls {@link #train} on a worker thread, one
 * training at a time, and publishes what it returns.
 *
 * <p>An implementation must:
 * <ul>
 *   <li>resume from {@link CheckpointStore#latest()} when there is one, and {@link CheckpointStore#save}
 *       its state every {@link TrainingPlan#checkpointEvery()} steps (a killed trainer loses at most that many);
 *   <li>call {@link ProgressListener#onStep} after every step and {@link ProgressListener#onPreview} every
 *       {@link TrainingPlan#previewEvery()} steps, and let what they throw propagate (that is how the
 *       service stops a training on shutdown);
 *   <li>train only on {@link TrainingPlan#photos()}' train photos, and judge the result on its held-out
 *       ones (the quality figures of {@link TrainedModel}), throwing {@link TrainingFailure} when a gate fails.
 * </ul>
 */
public interface TrainingEngine {

    /** Where this trainer computes on this machine, e.g. {@code cpu} or {@code cuda:0}; shown in records and events. */
    String device();

    /**
     * @return the exported model, ready to publish
     * @throws TrainingFailure for a failure with a code a client can read (a gate, bad input)
     * @throws Exception anything else fails the training as {@code internal}, or is retried when it is an
     *     S3 outage ({@link dev.atelier.platform.storage.StorageException})
     */
    TrainedModel train(TrainingPlan plan, CheckpointStore checkpoints, ProgressListener progress) throws Exception;
}
