package dev.atelier.gateway.webhooks;

import dev.atelier.gateway.config.GatewayConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Attempts the deliveries that are due, on every replica: each tick lists the earliest due markers in S3 and
 * hands those whose time has come to a small pool, one claim per delivery (see {@link DeliveryClaims}). After
 * an attempt the delivery's record is rewritten with its outcome and, when it is to be retried, a new marker;
 * so a replica that stops, cleanly or not, leaves nothing that another cannot pick up.
 */
@Singleton
public class WebhookDispatcher {
    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    private final WebhookStore store;
    private final WebhookSender sender;
    private final DeliveryClaims claims;
    private final RetrySchedule schedule;
    private final Clock clock;
    private final MeterRegistry meters;
    private final int concurrency;
    private final ExecutorService pool;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    WebhookDispatcher(
            WebhookStore store,
            WebhookSender sender,
            DeliveryClaims claims,
            GatewayConfig config,
            Clock clock,
            MeterRegistry meters) {
        this.store = store;
        this.sender = sender;
        this.claims = claims;
        this.clock = clock;
        this.meters = meters;
        this.schedule = new RetrySchedule(config.webhooks());
        this.concurrency = config.webhooks().concurrency();
        this.pool = Executors.newFixedThreadPool(concurrency, r -> {
            Thread thread = new Thread(r, "atelier-webhooks");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Scheduled(
            every = "${atelier.gateway.webhooks.poll}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        List<WebhookStore.DueMarker> due;
        try {
            due = store.earliestDue(concurrency * 4);
        } catch (RuntimeException e) {
            LOG.warnf("cannot list due webhook deliveries: %s", e.getMessage());
            return;
        }
        Instant now = clock.instant();
        for (WebhookStore.DueMarker marker : due) {
            if (marker.at().isAfter(now)) {
                break;
            }
            if (inFlight.size() < concurrency && inFlight.add(marker.deliveryId())) {
                pool.execute(() -> {
                    try {
                        attempt(marker);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (RuntimeException e) {
                        LOG.warnf("webhook delivery %s: %s; it stays due", marker.deliveryId(), e.getMessage());
                    } finally {
                        inFlight.remove(marker.deliveryId());
                    }
                });
            }
        }
    }

    private void attempt(WebhookStore.DueMarker marker) throws InterruptedException {
        if (!claims.acquire(marker.deliveryId())) {
            return;
        }
        try {
            Optional<WebhookDelivery> found = store.delivery(marker.tenant(), marker.endpointId(), marker.deliveryId());
            if (found.isEmpty()
                    || found.get().status() != WebhookDelivery.Status.PENDING
                    || found.get().nextAttemptAt().toEpochMilli() > marker.at().toEpochMilli()) {
                store.remove(marker); // ended, or rescheduled by an attempt whose marker removal did not happen
                return;
            }
            WebhookDelivery delivery = found.get();
            Optional<WebhookEndpoint> endpoint = store.endpoint(delivery.tenant(), delivery.endpointId());
            WebhookDelivery.Attempt attempt = endpoint.isPresent()
                    ? sender.send(delivery, endpoint.get().secret())
                    : new WebhookDelivery.Attempt(clock.instant(), null, "the endpoint was deleted", 0);
            boolean retry = !attempt.succeeded()
                    && endpoint.isPresent()
                    && !Integer.valueOf(410).equals(attempt.statusCode());
            Instant next =
                    retry ? schedule.next(delivery.attempts().size() + 1, attempt.at(), delivery.createdAt()) : null;
            WebhookDelivery after = delivery.after(attempt, next);
            if (next != null) {
                store.due(after, next); // the new marker before the record, so that a crash in between loses no retry
            }
            store.save(after);
            store.remove(marker);
            meters.counter(
                            "atelier.webhooks.attempts",
                            "outcome",
                            attempt.succeeded() ? "delivered" : "failed",
                            "final",
                            Boolean.toString(after.status() != WebhookDelivery.Status.PENDING))
                    .increment();
            if (after.status() == WebhookDelivery.Status.FAILED) {
                LOG.infof(
                        "webhook delivery %s (%s to endpoint %s of %s) given up after %d attempts: %s",
                        delivery.id(),
                        delivery.eventType(),
                        delivery.endpointId(),
                        delivery.tenant(),
                        after.attempts().size(),
                        attempt.error());
            }
        } finally {
            claims.release(marker.deliveryId());
        }
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        pool.shutdown();
        pool.awaitTermination(5, TimeUnit.SECONDS);
    }
}
