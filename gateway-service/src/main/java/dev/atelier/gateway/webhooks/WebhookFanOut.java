package dev.atelier.gateway.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atelier.contracts.jobs.JobRecord;
import dev.atelier.gateway.jobs.JobStore;
import dev.atelier.gateway.jobs.JobView;
import dev.atelier.platform.events.TraceContext;
import dev.atelier.platform.logging.LogFields;
import dev.atelier.platform.quarkus.WorkSpans;
import dev.atelier.platform.retry.Backoff;
import dev.atelier.platform.retry.Retry;
import dev.atelier.platform.retry.RetryStoppedException;
import dev.atelier.platform.retry.Verdict;
import dev.atelier.platform.storage.StorageException;
import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Turns each job event on {@code atelier.stylize.events} into deliveries: one per endpoint of the job's tenant
 * that subscribes to its type, and one to the callback URL on the job's record for a final state. The replicas share one
 * consumer group, so each event is fanned out once; its offset is committed only after the deliveries are
 * stored, so an event read again after a crash makes the same deliveries (their ids derive from the event),
 * never a second set. The payload is the job as the API shows it, read from the job record when the event
 * arrives and kept in the delivery, so that every attempt sends the same bytes.
 */
@ApplicationScoped
public class WebhookFanOut {
    public static final String CHANNEL = "webhook-events";
    private static final Logger LOG = Logger.getLogger(WebhookFanOut.class);
    private static final Retry STORAGE_OUTAGES = new Retry(
            "webhook fan-out",
            1,
            Backoff.exponential(Duration.ofMillis(200), Duration.ofSeconds(30)),
            Retry.FOREVER,
            Retry.Pause.SLEEP);
    private static final Retry.Classifier<RuntimeException> ONLY_STORAGE_IS_RETRIED =
            Retry.Classifier.of(e -> e instanceof StorageException ? Verdict.OUTAGE : Verdict.PERMANENT);

    private final WebhookStore store;
    private final JobStore jobs;
    private final ObjectMapper json;
    private final Clock clock;
    private final Counter givenUp;

    WebhookFanOut(WebhookStore store, JobStore jobs, ObjectMapper json, Clock clock, MeterRegistry registry) {
        this.givenUp = Counter.builder("atelier.webhooks.fanout.failures")
                .description("Job events whose webhook deliveries could not be made for a reason other than storage")
                .register(registry);
        this.store = store;
        this.jobs = jobs;
        this.json = json;
        this.clock = clock;
    }

    @Incoming(CHANNEL)
    @Blocking
    CompletionStage<Void> on(Message<CloudEvent> message) throws InterruptedException {
        CloudEvent event = message.getPayload();
        if (event == null) {
            return message.ack(); // not a CloudEvent (no deserializer could read it): nothing to announce
        }
        Optional<String> type = WebhookEventTypes.of(event.getType());
        Object tenant = event.getExtension("tenant");
        if (type.isEmpty() || tenant == null || event.getSubject() == null) {
            return message.ack();
        }
        // Log lines about the job carry its id and trace (the worker's send span, continued by the connector).
        TraceContext trace = WorkSpans.received(message);
        try (LogFields.Scope log =
                LogFields.job(event.getSubject(), tenant.toString()).and(LogFields.TRACE, trace.traceId())) {
            fanOutRetryingStorage(event, type.get(), tenant.toString());
            return message.ack();
        }
    }

    private void fanOutRetryingStorage(CloudEvent event, String type, String tenant) throws InterruptedException {
        // Storage outages are waited out here: the partition stops until the deliveries are stored, none is lost.
        // Anything else would fail the same way on every try and hold up every later event on the partition: the
        // event's deliveries are given up, loudly and counted (the job's state stays readable through the API).
        try {
            STORAGE_OUTAGES
                    .named("the webhook deliveries of event " + event.getId() + " (" + type + ")")
                    .run(
                            number -> {
                                fanOut(event, type, tenant, event.getSubject());
                                return null;
                            },
                            ONLY_STORAGE_IS_RETRIED);
        } catch (RetryStoppedException e) {
            throw new InterruptedException("stopped while the object store was down: "
                    + e.lastFailure().getMessage());
        } catch (RuntimeException e) {
            LOG.errorf(
                    e,
                    "no webhook deliveries for event %s (%s) of job %s: %s",
                    event.getId(),
                    type,
                    event.getSubject(),
                    e.getMessage());
            givenUp.increment();
        }
    }

    private void fanOut(CloudEvent event, String type, String tenant, String jobId) {
        Instant eventTime =
                event.getTime() == null ? clock.instant() : event.getTime().toInstant();
        List<Target> targets = new ArrayList<>();
        for (WebhookEndpoint endpoint : store.endpoints(tenant)) {
            // An endpoint hears of what happens after it was registered, not of the history the consumer replays.
            if (!endpoint.isCallbacks()
                    && endpoint.receives(type)
                    && !endpoint.createdAt().isAfter(eventTime)) {
                targets.add(new Target(endpoint.id(), endpoint.url()));
            }
        }
        boolean finalState = WebhookEventTypes.FINAL.contains(type);
        if (targets.isEmpty() && !finalState) {
            return; // the record, read only for a payload or a callback URL, is not needed
        }
        Optional<JobRecord> record = jobs.find(tenant, jobId);
        if (record.isEmpty()) {
            if (!targets.isEmpty()) {
                LOG.warnf(
                        "event %s names job %s of %s, which has no record; no webhook sent",
                        event.getId(), jobId, tenant);
            }
            return;
        }
        if (finalState && record.get().callbackUrl() != null) {
            targets.add(new Target(WebhookEndpoint.CALLBACKS, record.get().callbackUrl()));
        }
        if (targets.isEmpty()) {
            return;
        }
        String payload = payload(type, eventTime, asAnnounced(type, record.get()));
        for (Target target : targets) {
            String id = DeliveryIds.of(eventTime, event.getId(), target.endpointId());
            Optional<WebhookDelivery> existing = store.delivery(tenant, target.endpointId(), id);
            if (existing.isPresent()) {
                if (existing.get().status() == WebhookDelivery.Status.PENDING
                        && existing.get().attempts().isEmpty()) {
                    store.due(existing.get(), existing.get().nextAttemptAt()); // its marker may not have been written
                }
                continue;
            }
            WebhookDelivery delivery = WebhookDelivery.pending(
                    id, tenant, target.endpointId(), target.url(), type, jobId, payload, clock.instant());
            store.save(delivery);
            store.due(delivery, delivery.nextAttemptAt());
        }
    }

    /** The job as it stood in the announced state: a job.started read after the job ended shows it RUNNING. */
    private static JobRecord asAnnounced(String type, JobRecord record) {
        if (type.equals(WebhookEventTypes.JOB_STARTED) && record.status().isFinal()) {
            return record.whileRunning().orElse(record);
        }
        return record;
    }

    private String payload(String type, Instant time, JobRecord record) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("timestamp", time.toString());
        body.put("data", JobView.of(record));
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a job view is always writable", e);
        }
    }

    private record Target(String endpointId, String url) {}
}
