package dev.atelier.gateway.jobs;

import dev.atelier.contracts.errors.ErrorCodes;
import dev.atelier.contracts.events.JobRequested;
import dev.atelier.contracts.jobs.ImageInfo;
import dev.atelier.contracts.jobs.JobError;
import dev.atelier.contracts.jobs.JobIds;
import dev.atelier.contracts.jobs.JobRecord;
import dev.atelier.contracts.jobs.Optimisation;
import dev.atelier.contracts.storage.StorageKeys;
import dev.atelier.gateway.catalog.StyleResolver;
import dev.atelier.gateway.config.GatewayConfig;
import dev.atelier.gateway.imaging.ImageInspector;
import dev.atelier.gateway.problems.ProblemException;
import dev.atelier.gateway.problems.ProblemType;
import dev.atelier.gateway.queue.QueueException;
import dev.atelier.gateway.quotas.JobsInFlight;
import dev.atelier.platform.concurrent.Parallel;
import dev.atelier.platform.events.TraceContext;
import dev.atelier.platform.logging.LogFields;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Executor;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * Accepts a job: checks the fields, the style and the image, then stores the input, writes the
 * listing entry and the QUEUED record (with the callback URL, if any) and publishes {@code JobRequested}, in that
 * order (artefacts before the record, the record before the event, so a worker never sees an event whose objects
 * are missing). Steps that do not depend on each other run side by side ({@link Parallel}): the tenant's quota (an
 * S3 listing) while the image is verified and stored, the listing entry with the callbacks' signing secret, the
 * in-flight marker with the event.
 */
@Singleton
public class JobSubmitter {
    private static final Logger LOG = Logger.getLogger(JobSubmitter.class);

    private final ImageInspector inspector;
    private final StyleResolver styles;
    private final JobStore jobs;
    private final JobRequestPublisher publisher;
    private final Clock clock;
    private final JobsInFlight inFlight;
    private final JobCallbacks callbacks;
    private final Executor executor;
    private final JobParameters.Bounds bounds;

    JobSubmitter(
            ImageInspector inspector,
            StyleResolver styles,
            JobStore jobs,
            JobRequestPublisher publisher,
            Clock clock,
            JobsInFlight inFlight,
            JobCallbacks callbacks,
            ManagedExecutor executor,
            GatewayConfig config) {
        this.executor = executor;
        this.bounds = new JobParameters.Bounds(
                config.optimise().maxSteps(), config.optimise().maxSide());
        this.callbacks = callbacks;
        this.inFlight = inFlight;
        this.inspector = inspector;
        this.styles = styles;
        this.jobs = jobs;
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * @param tenant the caller's tenant, owner of the job
     * @return the QUEUED record of the accepted job
     * @throws ProblemException when the request is refused, or {@code queue-unavailable} when Kafka
     *     did not take the job (its record is then FAILED, so no QUEUED job is left behind)
     */
    public JobRecord submit(String tenant, JobUpload upload) {
        JobParameters parameters = JobParameters.parse(upload, clock.instant(), bounds);
        if (upload.image() == null) {
            throw JobParameters.invalid("image", "the file field 'image' is required (a JPEG or PNG)");
        }
        if (parameters.optimising() != null && upload.styleImage() == null) {
            throw JobParameters.invalid(
                    "styleImage",
                    "an optimisation job needs its painting: the file field 'styleImage' (a JPEG or PNG), or"
                            + " 'styleUploadId' from POST /v1/uploads");
        }
        if (upload.callbackUrl() != null) {
            callbacks.checkUrl(upload.callbackUrl(), "callbackUrl");
        }
        if (parameters.style() != null) {
            styles.resolve(tenant, parameters.style());
        }

        TraceContext trace = TraceContext.current(); // the HTTP request's span, before work moves to other threads
        String id = JobIds.newId();
        try (LogFields.Scope log = LogFields.job(id, tenant).and(LogFields.TRACE, trace.traceId())) {
            return submit(tenant, upload, parameters, id, trace);
        }
    }

    private JobRecord submit(String tenant, JobUpload upload, JobParameters parameters, String id, TraceContext trace) {
        String inputKey = StorageKeys.input(tenant, id);
        String styleKey = StorageKeys.styleInput(tenant, id);
        ImageInfo[] image = new ImageInfo[2];
        try {
            // The quota's problem (429) comes first when both fail, as when the quota was checked first; the photo's
            // before the painting's. The painting passes the same checks as the photo.
            Parallel.run(
                    executor,
                    () -> inFlight.admit(tenant),
                    () -> {
                        image[0] = inspector.inspect(upload.image());
                        jobs.putInput(inputKey, upload.image(), image[0]);
                    },
                    () -> {
                        if (parameters.optimising() != null) {
                            image[1] = inspectPainting(upload.styleImage());
                            jobs.putInput(styleKey, upload.styleImage(), image[1]);
                        }
                    });
        } catch (RuntimeException refused) {
            if (image[0] != null) {
                jobs.deleteInput(inputKey);
            }
            if (image[1] != null) {
                jobs.deleteInput(styleKey);
            }
            throw refused;
        }
        JobRecord record = JobRecord.queued(
                        id,
                        tenant,
                        parameters.style() != null ? parameters.style().styleId() : Optimisation.STYLE_ID,
                        parameters.style() != null ? parameters.style().version() : null,
                        parameters.options(),
                        image[0],
                        inputKey,
                        clock.instant())
                .withOptimisation(optimisation(parameters.optimising(), styleKey, image[1]))
                .withDeadline(parameters.deadline())
                .withTraceId(trace.traceId().isEmpty() ? null : trace.traceId())
                .withCallbackUrl(
                        upload.callbackUrl() == null
                                ? null
                                : upload.callbackUrl().trim());
        Parallel.run(executor, () -> jobs.index(record), () -> {
            if (upload.callbackUrl() != null) {
                callbacks.prepare(tenant); // before the job can finish
            }
        });
        jobs.save(record);
        Parallel.run(executor, () -> enqueue(record, trace), () -> markInFlight(record));
        LOG.infof(
                "accepted job %s: %s, %s %dx%d",
                id,
                parameters.style() != null
                        ? "style " + parameters.style()
                        : "optimisation against the client's painting",
                image[0].mediaType(),
                image[0].width(),
                image[0].height());
        return record;
    }

    /** The photo's checks; a refusal names the field, so the client knows which of its two images it was. */
    private ImageInfo inspectPainting(Path painting) {
        try {
            return inspector.inspect(painting);
        } catch (ProblemException refused) {
            throw refused.with("field", "styleImage");
        }
    }

    private static Optimisation optimisation(JobParameters.Optimising optimising, String styleKey, ImageInfo painting) {
        return optimising == null
                ? null
                : new Optimisation(
                        styleKey, painting, optimising.steps(), optimising.maxSide(), optimising.contentWeight());
    }

    /**
     * Counts the job against its tenant's quota. A failure here must not fail a job that is queued (the client would
     * submit it again): the job then goes uncounted, which the warning says.
     */
    private void markInFlight(JobRecord record) {
        try {
            inFlight.started(record.tenant(), record.id());
        } catch (RuntimeException e) {
            LOG.warnf(
                    "job %s is not counted against the quota of %s: %s", record.id(), record.tenant(), e.getMessage());
        }
    }

    private void enqueue(JobRecord record, TraceContext trace) {
        JobRequested event = new JobRequested(
                record.id(),
                record.tenant(),
                record.styleId(),
                record.requestedVersion(),
                record.inputKey(),
                record.input(),
                record.options(),
                record.createdAt(),
                record.optimisation());
        try {
            publisher.publish(event, trace);
        } catch (QueueException e) {
            LOG.warnf("job %s not queued: %s", record.id(), e.getMessage());
            // Should the event still arrive later, a worker finds the record final and skips the job.
            jobs.save(record.failed(
                    new JobError(ErrorCodes.QUEUE_UNAVAILABLE, "the job could not be queued: " + e.getMessage()),
                    clock.instant()));
            throw new ProblemException(
                            ProblemType.QUEUE_UNAVAILABLE,
                            "the job queue did not accept the job in time; submit it again",
                            e)
                    .with("jobId", record.id());
        }
    }
}
