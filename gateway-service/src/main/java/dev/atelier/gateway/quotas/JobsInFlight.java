package dev.atelier.gateway.quotas;

import dev.atelier.contracts.jobs.JobRecord;
import dev.atelier.contracts.jobs.JobStatus;
import dev.atelier.contracts.storage.StorageKeys;
import dev.atelier.gateway.config.GatewayConfig;
import dev.atelier.gateway.problems.ProblemException;
import dev.atelier.gateway.problems.ProblemType;
import dev.atelier.platform.concurrent.Parallel;
import dev.atelier.platform.storage.ObjectStore;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * Jobs in flight per tenant, across every replica: each accepted job leaves a marker in S3 (the one
 * store replicas share), and a submission counts the tenant's markers whose job is still QUEUED or
 * RUNNING, deleting the others as it goes, so a count costs one listing plus one read per job about
 * in flight. Chosen over a per-replica count because a tenant's jobs outlive the replica that took
 * them, and over a Kafka-backed count because the job records already say which jobs are done.
 */
@Singleton
public class JobsInFlight {
    private static final Logger LOG = Logger.getLogger(JobsInFlight.class);
    /** Jobs take seconds to minutes; a client told to come back sooner would only be refused again. */
    static final String RETRY_AFTER_SECONDS = "5";

    private final ObjectStore store;
    private final GatewayConfig.Quota config;
    private final Executor executor;

    JobsInFlight(ObjectStore store, GatewayConfig config, ManagedExecutor executor) {
        this.store = store;
        this.config = config.quota();
        this.executor = executor;
    }

    public int limit(String tenant) {
        GatewayConfig.TenantQuota own = config.tenants().get(tenant);
        return own == null ? config.jobsInFlight() : own.jobsInFlight().orElse(config.jobsInFlight());
    }

    /** @throws ProblemException {@code too-many-jobs-in-flight} (429) when the tenant is at its limit */
    public void admit(String tenant) {
        int limit = limit(tenant);
        // The count is on every submission's path: the markers' records are read side by side, and the markers of
        // finished jobs are removed in the background (a marker left by a failed removal is found again next time).
        List<String> markers = store.list(StorageKeys.jobsInFlightPrefix(tenant));
        AtomicInteger live = new AtomicInteger();
        Runnable[] checks = markers.stream()
                .map(marker -> (Runnable) () -> {
                    if (stillInFlight(tenant, marker)) {
                        live.incrementAndGet();
                    } else {
                        executor.execute(() -> removeQuietly(marker));
                    }
                })
                .toArray(Runnable[]::new);
        if (checks.length > 0) {
            Parallel.run(executor, checks[0], Arrays.copyOfRange(checks, 1, checks.length));
        }
        int inFlight = live.get();
        if (inFlight >= limit) {
            throw new ProblemException(
                            ProblemType.TOO_MANY_JOBS_IN_FLIGHT,
                            "this tenant has " + inFlight + " jobs queued or running, its limit is " + limit
                                    + "; submit again once one has finished")
                    .with("jobsInFlight", inFlight)
                    .with("limit", limit)
                    .with("retryAfterSeconds", Integer.parseInt(RETRY_AFTER_SECONDS));
        }
    }

    private boolean stillInFlight(String tenant, String marker) {
        String jobId = marker.substring(marker.lastIndexOf('/') + 1);
        JobStatus status = store.getJson(StorageKeys.job(tenant, jobId), JobRecord.class)
                .map(JobRecord::status)
                .orElse(null);
        return status == JobStatus.QUEUED || status == JobStatus.RUNNING;
    }

    private void removeQuietly(String marker) {
        try {
            store.delete(marker);
        } catch (RuntimeException e) {
            LOG.debugf("the marker %s of a finished job stays until the next count: %s", marker, e.getMessage());
        }
    }

    /** Records an accepted job; written after its record, so a marker always has a record to check. */
    public void started(String tenant, String jobId) {
        store.put(StorageKeys.jobInFlight(tenant, jobId), new byte[0], "application/octet-stream");
    }
}
