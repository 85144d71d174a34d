package dev.atelier.trainer.runs;

import dev.atelier.contracts.AtelierEvent;
import dev.atelier.contracts.errors.ErrorCodes;
import dev.atelier.contracts.events.TrainingCompleted;
import dev.atelier.contracts.events.TrainingFailed;
import dev.atelier.contracts.events.TrainingRequested;
import dev.atelier.contracts.events.TrainingStarted;
import dev.atelier.contracts.models.ModelManifest;
import dev.atelier.contracts.storage.StorageKeys;
import dev.atelier.contracts.training.TrainingRecord;
import dev.atelier.contracts.training.TrainingStatus;
import dev.atelier.imaging.ImageDecoder;
import dev.atelier.platform.events.EventPublishException;
import dev.atelier.platform.events.TraceContext;
import dev.atelier.platform.models.ModelFile;
import dev.atelier.platform.models.ModelPublisher;
import dev.atelier.platform.models.StyleTakenException;
import dev.atelier.platform.retry.Backoff;
import dev.atelier.platform.retry.Retry;
import dev.atelier.platform.retry.RetryStoppedException;
import dev.atelier.platform.retry.Verdict;
import dev.atelier.platform.storage.ObjectStore;
import dev.atelier.trainer.config.TrainerConfig;
import dev.atelier.trainer.datasets.Datasets;
import dev.atelier.trainer.datasets.PhotoSet;
import dev.atelier.trainer.engine.TrainedModel;
import dev.atelier.trainer.engine.TrainingEngine;
import dev.atelier.trainer.engine.TrainingFailure;
import dev.atelier.trainer.engine.TrainingPlan;
import dev.atelier.trainer.engine.TrainingStoppedException;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Owns one training request from delivery to a final state: skips it when already final (announcing
 * the final event again), waits while another live trainer holds it, gathers the plan, records
 * RUNNING, calls the {@link TrainingEngine}, publishes the model (files, then manifest, then the
 * announcement on {@code atelier.models}) and records SUCCEEDED; or records FAILED with a reason.
 * S3 and Kafka outages are retried by the platform's {@link Retry} (what is permanent: {@link RunFailure}), each
 * attempt resuming from the last checkpoint.
 */
@Startup // says at start-up which engine trains and on which device, not at the first request
@Singleton
public class TrainingRun {
    private static final Logger LOG = Logger.getLogger(TrainingRun.class);

    /** What the consumer does with the request's offset. */
    public enum Outcome {
        /** The training reached a final state (or was final already): commit. */
        FINAL,
        /** The service is stopping: leave the request uncommitted, the next trainer resumes it. */
        STOPPED
    }

    private final TrainingEngine trainer;
    private final TrainingRecords records;
    private final TrainingEvents events;
    private final Datasets datasets;
    private final ModelPublisher models;
    private final ObjectStore store;
    private final ShutdownSignal shutdown;
    private final TrainerConfig config;
    private final Clock clock;
    private final MeterRegistry registry;
    private final String owner;
    private final Retry retry;
    private final Retry recordingRetry;

    public TrainingRun(
            TrainingEngine trainer,
            TrainingRecords records,
            TrainingEvents events,
            Datasets datasets,
            ModelPublisher models,
            ObjectStore store,
            ShutdownSignal shutdown,
            TrainerConfig config,
            Clock clock,
            MeterRegistry registry) {
        this.trainer = trainer;
        this.records = records;
        this.events = events;
        this.datasets = datasets;
        this.models = models;
        this.store = store;
        this.shutdown = shutdown;
        this.config = config;
        this.clock = clock;
        this.registry = registry;
        this.owner = config.instanceId().orElseGet(TrainingRun::hostName);
        Backoff backoff = Backoff.exponential(
                config.retry().initialBackoff(), config.retry().maxBackoff());
        Retry.Pause untilShutdown = wait -> !shutdown.sleep(wait);
        this.retry = new Retry("training", config.retry().maxAttempts(), backoff, Retry.FOREVER, untilShutdown);
        this.recordingRetry = new Retry("training", 1, backoff, Retry.FOREVER, untilShutdown);
        LOG.infof(
                "trainer %s trains on %s with %s",
                owner, trainer.device(), trainer.getClass().getSimpleName());
    }

    public Outcome process(TrainingRequested request, TraceContext trace) {
        RunFailure failure;
        try {
            return retry.named("training " + request.trainingId())
                    .run(
                            number -> {
                                try {
                                    attempt(request, trace, number == 1);
                                    return Outcome.FINAL;
                                } catch (TrainingStoppedException e) {
                                    LOG.infof(
                                            "training %s stops here and resumes from its checkpoint later: %s",
                                            request.trainingId(), e.getMessage());
                                    release(request);
                                    return Outcome.STOPPED;
                                }
                            },
                            RunFailure.CLASSIFIER);
        } catch (RetryStoppedException e) {
            return Outcome.STOPPED;
        } catch (RunFailure e) {
            failure = e;
        }
        // A request is never committed without a final record: recording the failure is waited out like an outage.
        try {
            recordingRetry
                    .named("recording the failure of training " + request.trainingId())
                    .run(number -> recordFailure(request, failure, trace), Retry.Classifier.of(e -> Verdict.OUTAGE));
        } catch (RetryStoppedException e) {
            return Outcome.STOPPED;
        }
        // A stack trace only for what nobody foresaw; the others are explained by their message.
        LOG.errorf(
                ErrorCodes.INTERNAL.equals(failure.error().code()) ? failure.getCause() : null,
                "training %s failed: %s: %s",
                request.trainingId(),
                failure.error().code(),
                failure.error().message());
        return Outcome.FINAL;
    }

    private void attempt(TrainingRequested request, TraceContext trace, boolean firstOfDelivery) throws Exception {
        TrainingRecord record =
                new Lease(records, shutdown, clock, owner, config.leaseTimeout()).await(records.load(request));
        if (record.status().isFinal()) {
            LOG.infof("training %s is already %s; not training it again", record.id(), record.status());
            finalEvent(record).ifPresent(event -> events.publish(event, trace));
            return;
        }
        // Still held at a new delivery, and no live trainer holds it (the lease waited for that): its trainer died.
        // Only on the delivery's first attempt: this delivery's own retries find it held by this trainer.
        if (firstOfDelivery && record.status() == TrainingStatus.RUNNING && record.owner() != null) {
            String died = record.owner();
            record = record.crashed(clock.instant());
            records.save(record);
            LOG.warnf(
                    "training %s: its trainer %s died while training it (%d of at most %d such crashes)",
                    record.id(), died, record.crashes(), config.maxCrashes());
            if (record.crashes() >= config.maxCrashes()) {
                registry.counter("atelier.trainings.crashed").increment();
                throw new TrainingFailure(
                        ErrorCodes.TRAINER_CRASHED,
                        "the trainers running it died " + record.crashes()
                                + " times mid-training (killed, out of memory or crashed), so it is not resumed again");
            }
        }
        BufferedImage styleImage = styleImage(request.styleImageKey());
        PhotoSet photos = datasets.open(record.options().dataset());
        S3CheckpointStore checkpoints = new S3CheckpointStore(store, record.id(), clock);
        int fromStep = checkpoints.latestStep();
        TrainingRecord running = record.running(trainer.device(), owner, fromStep, clock.instant());
        records.save(running);
        events.publish(
                new TrainingStarted(
                        running.id(),
                        running.tenant(),
                        running.styleId(),
                        running.device(),
                        running.attempts(),
                        fromStep,
                        running.options().steps(),
                        running.startedAt()),
                trace);
        LOG.infof(
                "training %s (%s, %d steps on %s) %s",
                running.id(),
                running.styleId(),
                running.options().steps(),
                running.device(),
                fromStep == 0 ? "starts" : "resumes from step " + fromStep);

        ProgressReporter progress = new ProgressReporter(
                running,
                store,
                records,
                events,
                shutdown,
                clock,
                trace,
                config.progressEvery(),
                config.heartbeatInterval());
        TrainingPlan plan = new TrainingPlan(
                running.id(),
                running.styleId(),
                styleImage,
                running.options(),
                photos,
                config.checkpointEvery(),
                config.previewEvery(),
                seed(running.id()));
        TrainedModel model = trainer.train(plan, checkpoints, progress);

        ModelManifest manifest = publish(progress.record(), model);
        TrainingRecord done = progress.record().succeeded(manifest.version(), model.quality(), clock.instant());
        records.save(done);
        registry.counter("atelier.trainings", "outcome", "succeeded").increment();
        LOG.infof("training %s SUCCEEDED: published %s@%d", done.id(), manifest.styleId(), manifest.version());
        events.publish(finalEvent(done).orElseThrow(), trace);
    }

    private BufferedImage styleImage(String key) {
        byte[] bytes = store.get(key)
                .orElseThrow(() -> new TrainingFailure(
                        ErrorCodes.STYLE_IMAGE_MISSING, "the style image " + key + " is not in the object store"));
        try {
            return ImageDecoder.anySize().decode(bytes);
        } catch (RuntimeException e) {
            throw new TrainingFailure(
                    ErrorCodes.STYLE_IMAGE_UNDECODABLE,
                    "the style image " + key + " does not decode: " + e.getMessage(),
                    e);
        }
    }

    /** Artefacts, then manifest, then announcement: the platform publisher's order. */
    private ModelManifest publish(TrainingRecord record, TrainedModel model) {
        ModelFile file = new ModelFile(
                model.onnx(),
                model.inputName(),
                model.outputName(),
                model.inputShape(),
                model.preview(),
                "training " + record.id(),
                model.quality());
        try {
            return models.publish(record.styleId(), record.title(), file, record.tenant());
        } catch (StyleTakenException e) {
            throw new TrainingFailure(ErrorCodes.STYLE_TAKEN, e.getMessage(), e);
        } catch (EventPublishException e) {
            throw new EventsUnavailableException(
                    "the model of training " + record.id() + " was stored but not announced: " + e.getMessage(), e);
        }
    }

    /** Hands the training back for the next trainer (best effort: if this fails, the next delivery counts a crash). */
    private void release(TrainingRequested request) {
        try {
            records.find(request.trainingId())
                    .filter(r -> r.status() == TrainingStatus.RUNNING && owner.equals(r.owner()))
                    .ifPresent(r -> records.save(r.released(clock.instant())));
        } catch (RuntimeException e) {
            LOG.warnf("training %s not handed back: %s", request.trainingId(), e.getMessage());
        }
    }

    /** @throws RuntimeException when the failure could not be recorded (S3 down), so the request must not be committed */
    private Void recordFailure(TrainingRequested request, RunFailure failure, TraceContext trace) {
        TrainingRecord current = records.load(request);
        if (!current.status().isFinal()) {
            current = current.failed(failure.error(), clock.instant());
            records.save(current);
            registry.counter("atelier.trainings", "outcome", "failed").increment();
        }
        try {
            finalEvent(current).ifPresent(event -> events.publish(event, trace));
        } catch (RuntimeException e) {
            LOG.warnf("training %s: TrainingFailed not announced: %s", request.trainingId(), e.getMessage());
        }
        return null;
    }

    /** The event announcing a final record (sent again when a finished request is delivered again). */
    static Optional<AtelierEvent> finalEvent(TrainingRecord record) {
        if (record.status() == TrainingStatus.SUCCEEDED) {
            return Optional.of(new TrainingCompleted(
                    record.id(),
                    record.tenant(),
                    record.styleId(),
                    record.modelVersion(),
                    StorageKeys.model(record.styleId(), record.modelVersion()),
                    record.quality(),
                    record.device(),
                    record.finishedAt()));
        }
        if (record.status() == TrainingStatus.FAILED) {
            return Optional.of(new TrainingFailed(
                    record.id(),
                    record.tenant(),
                    record.styleId(),
                    record.error(),
                    record.attempts(),
                    record.finishedAt()));
        }
        return Optional.empty();
    }

    /** Training ids are UUIDs: their random bits seed the training, the same on every attempt. */
    static long seed(String trainingId) {
        UUID id = UUID.fromString(trainingId);
        return id.getMostSignificantBits() ^ id.getLeastSignificantBits();
    }

    private static String hostName() {
        String host = System.getenv("HOSTNAME");
        if (host != null && !host.isBlank()) {
            return host;
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "trainer";
        }
    }
}
