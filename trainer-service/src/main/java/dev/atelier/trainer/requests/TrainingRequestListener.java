package dev.atelier.trainer.requests;

import dev.atelier.contracts.events.TrainingRequested;
import dev.atelier.platform.logging.LogFields;
import dev.atelier.platform.quarkus.WorkSpans;
import dev.atelier.trainer.runs.TrainingRun;
import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Consumes {@code atelier.training.requests}, one training at a time on a worker thread of its own
 * pool (trainings last minutes to hours). The connector keeps polling meanwhile, paused, so the
 * consumer stays in its group whatever {@code max.poll.interval.ms} is. A request is acknowledged,
 * and its offset committed, only once its training reached a final state; a trainer that dies or
 * stops before leaves it uncommitted, and the next one resumes it from its checkpoint.
 */
@ApplicationScoped
public class TrainingRequestListener {
    /** Channel bound to {@code atelier.training.requests} in application.properties. */
    public static final String CHANNEL = "training-requests";
    /** Worker pool of the channel; one thread, sized in application.properties. */
    public static final String POOL = "atelier-training";

    private static final Logger LOG = Logger.getLogger(TrainingRequestListener.class);

    private final TrainingRun run;
    private final JobMode jobMode;
    private final Counter received;
    private final Counter rejected;
    private final WorkSpans spans;

    public TrainingRequestListener(TrainingRun run, JobMode jobMode, MeterRegistry registry, WorkSpans spans) {
        this.run = run;
        this.jobMode = jobMode;
        this.spans = spans;
        this.received = Counter.builder("atelier_training_requests_received")
                .description("Training requests delivered to this trainer (redeliveries included)")
                .register(registry);
        this.rejected = Counter.builder("atelier_training_requests_rejected")
                .description("Records on the training requests topic that are no training request (skipped)")
                .register(registry);
    }

    @Incoming(CHANNEL)
    @Blocking(POOL)
    public CompletionStage<Void> consume(Message<CloudEvent> message) {
        received.increment();
        TrainingRequested request;
        try {
            request = RequestReader.read(message.getPayload());
        } catch (IllegalArgumentException e) {
            // No training id means no record to fail: say so loudly and move on.
            rejected.increment();
            LOG.errorf("skipping a record that is no training request: %s", e.getMessage());
            return message.ack();
        }
        if (!jobMode.admit()) {
            // Not acknowledged: left uncommitted for the Job started for it.
            LOG.infof("job mode: leaving training %s to another trainer", request.trainingId());
            return CompletableFuture.completedFuture(null);
        }
        try (LogFields.Scope log = LogFields.training(request.trainingId(), request.tenant());
                WorkSpans.Work work = spans.start(
                        "train",
                        message,
                        Map.of(
                                "atelier.training.id",
                                request.trainingId(),
                                "atelier.style.id",
                                request.styleId(),
                                "atelier.tenant",
                                request.tenant()))) {
            TrainingRun.Outcome outcome = run.process(request, work.trace());
            // STOPPED: not acknowledged, so never committed; the request is read again by the next trainer.
            return outcome == TrainingRun.Outcome.FINAL
                    ? message.ack().thenRun(() -> jobMode.finished(request.trainingId()))
                    : CompletableFuture.completedFuture(null);
        }
    }
}
