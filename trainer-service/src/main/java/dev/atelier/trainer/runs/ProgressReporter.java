package dev.atelier.trainer.runs;

import dev.atelier.contracts.events.TrainingProgress;
import dev.atelier.contracts.storage.StorageKeys;
import dev.atelier.contracts.training.ProgressSnapshot;
import dev.atelier.contracts.training.TrainingRecord;
import dev.atelier.platform.events.TraceContext;
import dev.atelier.platform.storage.ObjectStore;
import dev.atelier.trainer.engine.ProgressListener;
import dev.atelier.trainer.engine.TrainingStoppedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The service's {@link ProgressListener}: stores previews, and every few steps (with each preview,
 * at the last step, and at least once per heartbeat interval) writes the progress into the record,
 * which is also the owner's heartbeat, and publishes {@code TrainingProgress} with the speed and ETA
 * measured since the previous report. Reporting is best effort: an S3 or Kafka hiccup is logged and
 * does not stop the training (checkpoints, which do matter, fail loudly on their own). Stops the
 * training at its next step once the service is shutting down.
 */
final class ProgressReporter implements ProgressListener {
    private static final Logger LOG = Logger.getLogger(ProgressReporter.class);

    private final ObjectStore store;
    private final TrainingRecords records;
    private final TrainingEvents events;
    private final ShutdownSignal shutdown;
    private final Clock clock;
    private final TraceContext trace;
    private final int every;
    private final Duration heartbeat;
    private final int batchSize;
    private TrainingRecord record;
    private Map<String, Double> losses = Map.of();
    private String previewKey;
    private int reportedStep;
    private Instant reportedAt;

    ProgressReporter(
            TrainingRecord running,
            ObjectStore store,
            TrainingRecords records,
            TrainingEvents events,
            ShutdownSignal shutdown,
            Clock clock,
            TraceContext trace,
            int every,
            Duration heartbeat) {
        this.record = running;
        this.store = store;
        this.records = records;
        this.events = events;
        this.shutdown = shutdown;
        this.clock = clock;
        this.trace = trace;
        this.every = Math.max(1, every);
        this.heartbeat = heartbeat;
        this.batchSize = running.options().batchSize();
        this.previewKey = running.progress() == null ? null : running.progress().previewKey();
        this.reportedStep = running.resumedFromStep();
        this.reportedAt = clock.instant();
    }

    /** The record as last written. */
    TrainingRecord record() {
        return record;
    }

    @Override
    public void onStep(int step, Map<String, Double> stepLosses) {
        if (shutdown.isStopping()) {
            throw new TrainingStoppedException(
                    "the trainer is shutting down at step " + step + " of training " + record.id());
        }
        losses = stepLosses == null ? Map.of() : stepLosses;
        int total = record.options().steps();
        boolean due = step % every == 0
                || step >= total
                || Duration.between(reportedAt, clock.instant()).compareTo(heartbeat) >= 0;
        if (due) {
            report(step);
        }
    }

    @Override
    public void onPreview(int step, byte[] jpeg) {
        String key = StorageKeys.trainingPreview(record.id(), step);
        try {
            store.put(key, jpeg, "image/jpeg");
            previewKey = key;
        } catch (RuntimeException e) {
            LOG.warnf("training %s: preview at step %d not stored: %s", record.id(), step, e.getMessage());
        }
        report(step);
    }

    private void report(int step) {
        Instant now = clock.instant();
        double seconds = Math.max(Duration.between(reportedAt, now).toMillis(), 1) / 1000.0;
        Double imagesPerSecond = null;
        Long eta = null;
        if (step > reportedStep) {
            double stepsPerSecond = (step - reportedStep) / seconds;
            imagesPerSecond = stepsPerSecond * batchSize;
            eta = Math.round((record.options().steps() - step) / stepsPerSecond);
        } else if (record.progress() != null) {
            imagesPerSecond = record.progress().imagesPerSecond();
            eta = record.progress().etaSeconds();
        }
        ProgressSnapshot snapshot =
                new ProgressSnapshot(step, record.options().steps(), losses, imagesPerSecond, eta, previewKey, now);
        record = record.progressed(snapshot, now);
        reportedStep = step;
        reportedAt = now;
        try {
            records.save(record);
            events.publish(new TrainingProgress(record.id(), record.tenant(), record.styleId(), snapshot), trace);
        } catch (RuntimeException e) {
            LOG.warnf("training %s: progress at step %d not reported: %s", record.id(), step, e.getMessage());
        }
    }
}
