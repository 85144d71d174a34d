package dev.atelier.worker.jobs;

import dev.atelier.contracts.events.JobRequested;
import dev.atelier.contracts.jobs.JobError;
import dev.atelier.platform.logging.LogFields;
import dev.atelier.platform.quarkus.WorkSpans;
import io.cloudevents.CloudEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Consumes {@code atelier.stylize.requests} on the job threads (inference never runs on the event
 * loop), several jobs at once; the throttled commit strategy commits an offset once every record before it is done. A job's offset is acknowledged only after its output, record and events are durable; a job
 * that failed for good, and a record that is no job request at all, are nacked, which the channel's
 * {@code dead-letter-queue} failure strategy turns into a DLQ record; the partition moves on either way.
 */
@ApplicationScoped
public class RequestConsumer {
    private static final Logger LOG = Logger.getLogger(RequestConsumer.class);
    /**
     * The worker pool jobs run on: {@code atelier.worker.concurrent-jobs} of them at once, so that one job's reads,
     * writes and encoding overlap another's inference (which {@link JobRun} runs one at a time).
     */
    static final String JOB_THREADS = "atelier-jobs";

    private final JobProcessor processor;
    private final InFlightJobs inFlight;
    private final WorkSpans spans;

    public RequestConsumer(JobProcessor processor, InFlightJobs inFlight, WorkSpans spans) {
        this.processor = processor;
        this.inFlight = inFlight;
        this.spans = spans;
    }

    @Incoming(Channels.REQUESTS)
    @Blocking(value = JOB_THREADS, ordered = false)
    public CompletionStage<Void> consume(Message<CloudEvent> message) {
        JobRequested request;
        try {
            request = RequestReader.read(message.getPayload());
        } catch (PoisonMessageException e) {
            LOG.warnf("dead-lettering a record that is no job request: %s", e.getMessage());
            return message.nack(e);
        }
        if (!inFlight.tryStart()) {
            // Stopping: neither acknowledged nor failed, so never committed; another worker gets it.
            LOG.infof("stopping: leaving job %s to another worker", request.jobId());
            return new CompletableFuture<>();
        }
        try (LogFields.Scope log = LogFields.job(request.jobId(), request.tenant());
                WorkSpans.Work work = spans.start(
                        "stylize",
                        message,
                        Map.of(
                                "atelier.job.id",
                                request.jobId(),
                                "atelier.style.id",
                                request.styleId(),
                                "atelier.tenant",
                                request.tenant()))) {
            Optional<JobError> failure;
            try {
                failure = processor.process(request, work.trace());
            } catch (WorkerStoppingException e) {
                LOG.infof("stopping: leaving job %s to another worker (%s)", request.jobId(), e.getMessage());
                return new CompletableFuture<>();
            }
            failure.ifPresent(error -> work.failed(error.code()));
            return failure.isEmpty()
                    ? message.ack()
                    : message.nack(JobFailure.permanent(
                            failure.get().code(), failure.get().message()));
        } finally {
            inFlight.finished();
        }
    }
}
