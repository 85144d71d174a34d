package dev.atelier.gateway.quotas;

import dev.atelier.contracts.jobs.JobRecord;
import dev.atelier.contracts.jobs.JobStatus;
import dev.atelier.contracts.storage.StorageKeys;
import dev.atelier.gateway.config.GatewayConfig;
import dev.atelier.gateway.problems.ProblemException;
import dev.atelier.gateway.problems.ProblemType;
import dev.atelier.platform.storage.ObjectStore;
import jakarta.inject.Singleton;

/**
 * Jobs in flight per tenant, across every replica: each accepted job leaves a marker in S3 (the one
 * store replicas share), and a submission counts the tenant's markers whose job is still QUEUED or
 * RUNNING, deleting the others as it goes, so a count costs one listing plus one read per job about
 * in flight. Chosen over a per-replica count because a tenant's jobs outlive the replica that took
 * them, and over a Kafka-backed count because the job records already say which jobs are done.
 */
@Singleton
public class JobsInFlight {
    /** Jobs take seconds to minutes; a client told to come back sooner would only be refused again. */
    static final String RETRY_AFTER_SECONDS = "5";

    private final ObjectStore store;
    private final GatewayConfig.Quota config;

    JobsInFlight(ObjectStore store, GatewayConfig config) {
        this.store = store;
        this.config = config.quota();
    }

    public int limit(String tenant) {
        GatewayConfig.TenantQuota own = config.tenants().get(tenant);
        return own == null ? config.jobsInFlight() : own.jobsInFlight().orElse(config.jobsInFlight());
    }

    /** @throws ProblemException {@code too-many-jobs-in-flight} (429) when the tenant is at its limit */
    public void admit(String tenant) {
        int limit = limit(tenant);
        int inFlight = 0;
        for (String marker : store.list(StorageKeys.jobsInFlightPrefix(tenant))) {
            String jobId = marker.substring(marker.lastIndexOf('/') + 1);
            JobStatus status = store.getJson(StorageKeys.job(tenant, jobId), JobRecord.class)
                    .map(JobRecord::status)
                    .orElse(null);
            if (status == JobStatus.QUEUED || status == JobStatus.RUNNING) {
                inFlight++;
            } else {
                store.delete(marker);
            }
        }
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

    /** Records an accepted job; written after its record, so a marker always has a record to check. */
    public void started(String tenant, String jobId) {
        store.put(StorageKeys.jobInFlight(tenant, jobId), new byte[0], "application/octet-stream");
    }
}
