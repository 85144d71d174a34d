package dev.atelier.gateway.trainings;

import dev.atelier.contracts.errors.ErrorCodes;
import dev.atelier.contracts.events.TrainingRequested;
import dev.atelier.contracts.jobs.ImageInfo;
import dev.atelier.contracts.jobs.JobError;
import dev.atelier.contracts.jobs.JobIds;
import dev.atelier.contracts.storage.StorageKeys;
import dev.atelier.contracts.training.TrainingRecord;
import dev.atelier.gateway.catalog.StyleCatalog;
import dev.atelier.gateway.config.GatewayConfig;
import dev.atelier.gateway.imaging.ImageInspector;
import dev.atelier.gateway.problems.ProblemException;
import dev.atelier.gateway.problems.ProblemType;
import dev.atelier.gateway.queue.QueueException;
import dev.atelier.platform.events.TraceContext;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * Accepts a style to train: checks the fields, the dataset and the style image (the same checks as
 * a job's input), then stores the image, writes the QUEUED record and publishes
 * {@code TrainingRequested}, in that order, so the trainer never sees a request whose objects are missing.
 */
@Singleton
public class TrainingSubmitter {
    private static final Logger LOG = Logger.getLogger(TrainingSubmitter.class);

    private final String defaultDataset;
    private final ImageInspector inspector;
    private final TrainingStore trainings;
    private final TrainingRequestPublisher publisher;
    private final Clock clock;
    private final StyleCatalog catalog;

    TrainingSubmitter(
            GatewayConfig config,
            ImageInspector inspector,
            TrainingStore trainings,
            TrainingRequestPublisher publisher,
            Clock clock,
            StyleCatalog catalog) {
        this.catalog = catalog;
        this.defaultDataset = config.training().dataset();
        this.inspector = inspector;
        this.trainings = trainings;
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * @return the QUEUED record of the accepted training
     * @throws ProblemException when the request is refused, or {@code queue-unavailable} when Kafka did
     *     not take it (its record is then FAILED, so no QUEUED training is left behind)
     */
    public TrainingRecord submit(String tenant, TrainingUpload upload) {
        TrainingParameters parameters = TrainingParameters.parse(upload, defaultDataset);
        if (upload.image() == null) {
            throw TrainingParameters.invalid(
                    "image", "the file field 'image' is required: the style image (a JPEG or PNG)");
        }
        catalog.current(parameters.styleId())
                .filter(m -> !tenant.equals(m.owner()))
                .ifPresent(m -> {
                    // A new version would replace another tenant's style, or one every tenant uses.
                    throw new ProblemException(
                                    ProblemType.STYLE_ID_TAKEN,
                                    "the style id '" + parameters.styleId() + "' is taken; choose another styleId")
                            .with("field", "styleId");
                });
        String dataset = parameters.options().dataset();
        if (!trainings.datasetExists(dataset)) {
            throw new ProblemException(
                            ProblemType.UNKNOWN_DATASET,
                            "there is no training dataset '" + dataset
                                    + "'; import one with ./atelier dataset import DIR --name " + dataset
                                    + " (or ./atelier dataset debian --name " + dataset + ")")
                    .with("dataset", dataset);
        }
        ImageInfo image = inspector.inspect(upload.image());

        String id = JobIds.newId();
        String key = StorageKeys.styleImage(
                parameters.styleId(), id, image.mediaType().equals("image/png") ? "png" : "jpg");
        trainings.putStyleImage(key, upload.image(), image);
        TrainingRecord record = TrainingRecord.queued(
                id, tenant, parameters.styleId(), parameters.title(), key, parameters.options(), clock.instant());
        trainings.save(record);
        enqueue(record, TraceContext.current());
        LOG.infof(
                "accepted training %s: style %s, %d steps at width %d on dataset %s",
                id, record.styleId(), record.options().steps(), record.options().width(), dataset);
        return record;
    }

    private void enqueue(TrainingRecord record, TraceContext trace) {
        TrainingRequested event = new TrainingRequested(
                record.id(),
                record.tenant(),
                record.styleId(),
                record.title(),
                record.styleImageKey(),
                record.options(),
                record.createdAt());
        try {
            publisher.publish(event, trace);
        } catch (QueueException e) {
            LOG.warnf("training %s not queued: %s", record.id(), e.getMessage());
            // Should the event still arrive later, the trainer finds the record final and skips it.
            trainings.save(record.failed(
                    new JobError(ErrorCodes.QUEUE_UNAVAILABLE, "the training could not be queued: " + e.getMessage()),
                    clock.instant()));
            throw new ProblemException(
                            ProblemType.QUEUE_UNAVAILABLE,
                            "the training queue did not accept the request in time; submit it again",
                            e)
                    .with("trainingId", record.id());
        }
    }
}
