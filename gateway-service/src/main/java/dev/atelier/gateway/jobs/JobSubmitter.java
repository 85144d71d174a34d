package dev.atelier.gateway.jobs;

import dev.atelier.contracts.events.JobRequested;
import dev.atelier.contracts.jobs.ImageInfo;
import dev.atelier.contracts.jobs.JobError;
import dev.atelier.contracts.jobs.JobIds;
import dev.atelier.contracts.jobs.JobRecord;
import dev.atelier.contracts.storage.StorageKeys;
import dev.atelier.gateway.catalog.StyleResolver;
import dev.atelier.gateway.imaging.ImageInspector;
import dev.atelier.gateway.problems.ProblemException;
import dev.atelier.gateway.problems.ProblemType;
import dev.atelier.gateway.queue.QueueException;
import dev.atelier.gateway.quotas.JobsInFlight;
import dev.atelier.gateway.webhooks.WebhookEndpoints;
import dev.atelier.platform.events.TraceContext;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * Accepts a job: checks the fields, the style and the image, then stores the input, writes the
 * listing entry, the callback URL if any, and the QUEUED record and publishes {@code JobRequested}, in that order (artefacts before the record,
 * the record before the event, so a worker never sees an event whose objects are missing).
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
    private final WebhookEndpoints webhooks;

    JobSubmitter(ImageInspector inspector, StyleResolver styles, JobStore jobs,
            JobRequestPublisher publisher, Clock clock, JobsInFlight inFlight, WebhookEndpoints webhooks) {
        this.webhooks = webhooks;
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
        JobParameters parameters = JobParameters.parse(upload.style(), upload.strength(), upload.outputFormat(),
                upload.deadline(), clock.instant());
        if (upload.image() == null) {
            throw JobParameters.invalid("image", "the file field 'image' is required (a JPEG or PNG)");
        }
        if (upload.callbackUrl() != null) {
            webhooks.checkUrl(upload.callbackUrl(), "callbackUrl");
        }
        styles.resolve(tenant, parameters.style());
        inFlight.admit(tenant);
        ImageInfo image = inspector.inspect(upload.image());

        String id = JobIds.newId();
        String inputKey = StorageKeys.input(tenant, id);
        jobs.putInput(inputKey, upload.image(), image);
        JobRecord record = JobRecord.queued(id, tenant, parameters.style().styleId(), parameters.style().version(),
                parameters.options(), image, inputKey, clock.instant()).withDeadline(parameters.deadline());
        jobs.index(record);
        if (upload.callbackUrl() != null) {
            webhooks.registerCallback(tenant, id, upload.callbackUrl()); // before the job can finish
        }
        jobs.save(record);
        inFlight.started(tenant, id);
        enqueue(record, TraceContext.continueFrom(upload.traceparent()));
        LOG.infof("accepted job %s: style %s, %s %dx%d", id, parameters.style(), image.mediaType(), image.width(), image.height());
        return record;
    }

    private void enqueue(JobRecord record, TraceContext trace) {
        JobRequested event = new JobRequested(record.id(), record.tenant(), record.styleId(), record.requestedVersion(),
                record.inputKey(), record.input(), record.options(), record.createdAt());
        try {
            publisher.publish(event, trace);
        } catch (QueueException e) {
            LOG.warnf("job %s not queued: %s", record.id(), e.getMessage());
            // Should the event still arrive later, a worker finds the record final and skips the job.
            jobs.save(record.failed(new JobError("queue.unavailable", "the job could not be queued: " + e.getMessage()),
                    clock.instant()));
            throw new ProblemException(ProblemType.QUEUE_UNAVAILABLE,
                    "the job queue did not accept the job in time; submit it again", e).with("jobId", record.id());
        }
    }
}
