package dev.atelier.trainer.optimise;

import dev.atelier.contracts.AtelierEvent;
import dev.atelier.contracts.events.JobRequested;
import dev.atelier.contracts.jobs.JobIds;
import dev.atelier.platform.events.CloudEventCodec;
import dev.atelier.platform.logging.LogFields;
import dev.atelier.platform.quarkus.WorkSpans;
import io.cloudevents.CloudEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Consumes {@code atelier.optimise.requests}, one optimisation at a time on a thread of its own pool, beside the
 * trainings. A request is acknowledged once its job is final; one this trainer stopped before that is left
 * unacknowledged, so it is delivered again and redone by the next trainer.
 */
@ApplicationScoped
public class OptimiseRequestListener {
    /** Channel bound to {@code atelier.optimise.requests} in application.properties. */
    public static final String CHANNEL = "optimise-requests";
    /** Worker pool of the channel; one thread, sized in application.properties. */
    public static final String POOL = "atelier-optimise";

    private static final Logger LOG = Logger.getLogger(OptimiseRequestListener.class);

    private final OptimisationJobs jobs;
    private final WorkSpans spans;

    public OptimiseRequestListener(OptimisationJobs jobs, WorkSpans spans) {
        this.jobs = jobs;
        this.spans = spans;
    }

    @Incoming(CHANNEL)
    @Blocking(POOL)
    public CompletionStage<Void> consume(Message<CloudEvent> message) {
        JobRequested request;
        try {
            request = read(message.getPayload());
        } catch (IllegalArgumentException e) {
            // No job to fail: say so loudly and move on.
            LOG.errorf("skipping a record that is no optimisation request: %s", e.getMessage());
            return message.ack();
        }
        try (LogFields.Scope log = LogFields.job(request.jobId(), request.tenant());
                WorkSpans.Work work = spans.start(
                        "optimise",
                        message,
                        Map.of("atelier.job.id", request.jobId(), "atelier.tenant", request.tenant()))) {
            if (!jobs.process(request, work.trace())) {
                LOG.infof("stopping: leaving job %s to another trainer", request.jobId());
                return new CompletableFuture<>();
            }
            return message.ack();
        }
    }

    /** @throws IllegalArgumentException for anything but a complete optimisation request */
    static JobRequested read(CloudEvent event) {
        if (event == null) {
            throw new IllegalArgumentException("the record is not a CloudEvent");
        }
        AtelierEvent decoded = CloudEventCodec.decode(event);
        // The id and tenant become S3 key segments.
        if (!(decoded instanceof JobRequested request)
                || !JobIds.isValid(request.jobId())
                || request.tenant() == null
                || request.tenant().isBlank()
                || request.inputKey() == null
                || request.optimisation() == null) {
            throw new IllegalArgumentException(
                    "expected a complete optimisation JobRequested, got " + event.getType() + " " + event.getId());
        }
        return request;
    }
}
