package dev.atelier.contracts.storage;

import dev.atelier.contracts.jobs.JobIds;
import dev.atelier.contracts.jobs.OutputFormat;

/**
 * The S3 key layout (one bucket). Artefacts are written first, the record or manifest that points
 * at them last, so a reader never sees a record whose objects are missing.
 */
public final class StorageKeys {
    private StorageKeys() {}

    public static String input(String tenant, String jobId) {
        return "inputs/" + tenant + "/" + jobId;
    }

    /** The client's painting of an optimisation job. */
    public static String styleInput(String tenant, String jobId) {
        return "inputs/" + tenant + "/" + jobId + ".style";
    }

    /** The picture of a running optimisation job as it last stood (JPEG), replaced every few steps. */
    public static String jobPreview(String tenant, String jobId) {
        return "previews/" + tenant + "/" + jobId + ".jpg";
    }

    public static String output(String tenant, String jobId, OutputFormat format) {
        return "outputs/" + tenant + "/" + jobId + "." + format.extension();
    }

    /** The job record: the single source of truth for a job's status. */
    public static String job(String tenant, String jobId) {
        return jobPrefix(tenant) + jobId + ".json";
    }

    /** Prefix under which a tenant's job records list in time order (job ids are time-ordered). */
    /**
     * A tenant's jobs newest first: an empty object per job whose name orders the ids backwards
     * ({@link JobIds#newestFirst}), since S3 lists keys only in ascending order.
     * Written before the job record, so an entry may name a job that was never accepted; readers skip those.
     */
    public static String jobListing(String tenant, String jobId) {
        return jobListingPrefix(tenant) + JobIds.newestFirst(jobId);
    }

    public static String jobListingPrefix(String tenant) {
        return "joblist/" + tenant + "/";
    }

    /** The owner's request to cancel a job, which the worker checks after recording RUNNING, before inference. */
    public static String jobCancellation(String tenant, String jobId) {
        return "cancellations/" + tenant + "/" + jobId;
    }

    /** An image a client PUT with a presigned URL ({@code POST /v1/uploads}), until a job is submitted with it. */
    public static String upload(String tenant, String uploadId) {
        return "uploads/" + tenant + "/" + uploadId;
    }

    public static String jobPrefix(String tenant) {
        return "jobs/" + tenant + "/";
    }

    /**
     * A marker that a tenant's job may still be QUEUED or RUNNING, so that any gateway replica counts
     * a tenant's jobs in flight with one listing; markers of finished jobs are removed when counted.
     */
    public static String jobInFlight(String tenant, String jobId) {
        return jobsInFlightPrefix(tenant) + jobId;
    }

    public static String jobsInFlightPrefix(String tenant) {
        return "inflight/" + tenant + "/";
    }

    /** A tenant's webhook endpoint: its URL, event types and signing secret. */
    public static String webhookEndpoint(String tenant, String endpointId) {
        return webhookEndpointsPrefix(tenant) + endpointId + ".json";
    }

    public static String webhookEndpointsPrefix(String tenant) {
        return "webhooks/" + tenant + "/endpoints/";
    }

    /** One message to one endpoint with its attempts, listed newest first per endpoint (delivery ids are UUIDv7). */
    public static String webhookDelivery(String tenant, String endpointId, String deliveryId) {
        return webhookDeliveriesPrefix(tenant, endpointId) + JobIds.newestFirst(deliveryId) + ".json";
    }

    public static String webhookDeliveriesPrefix(String tenant, String endpointId) {
        return "webhooks/" + tenant + "/deliveries/" + endpointId + "/";
    }

    /**
     * A delivery's next attempt, due at {@code epochMillis}: an empty object whose names list in time order,
     * so that any gateway replica finds what is due with one listing after a restart.
     */
    public static String webhookDue(long epochMillis, String tenant, String endpointId, String deliveryId) {
        return WEBHOOKS_DUE_PREFIX + String.format("%013d", epochMillis) + "/" + tenant + "/" + endpointId + "/"
                + deliveryId;
    }

    public static final String WEBHOOKS_DUE_PREFIX = "webhooks-due/";

    /** Which replica is attempting a delivery, so that two replicas do not both send it. */
    public static String webhookClaim(String deliveryId) {
        return "webhooks-claims/" + deliveryId;
    }

    /** Which job an {@code Idempotency-Key} created, by the SHA-256 (hex) of the key, per tenant. */
    public static String idempotencyKey(String tenant, String keyHash) {
        return "idempotency/" + tenant + "/" + keyHash + ".json";
    }

    public static String modelVersionPrefix(String styleId, int version) {
        return "models/" + styleId + "/" + version + "/";
    }

    public static String model(String styleId, int version) {
        return modelVersionPrefix(styleId, version) + "model.onnx";
    }

    public static String manifest(String styleId, int version) {
        return modelVersionPrefix(styleId, version) + "manifest.json";
    }

    public static String preview(String styleId, int version) {
        return modelVersionPrefix(styleId, version) + "preview.jpg";
    }

    public static String modelsPrefix(String styleId) {
        return "models/" + styleId + "/";
    }

    /**
     * The style image a training learns from. One per training, not per style, so that a resumed
     * training still finds its own image when the style has been trained again since.
     */
    public static String styleImage(String styleId, String trainingId, String extension) {
        return "styles/" + styleId + "/" + trainingId + "." + extension;
    }

    /** The training record: the single source of truth for a training's status. */
    public static String training(String trainingId) {
        return "trainings/" + trainingId + ".json";
    }

    /** Where a training keeps its working files (checkpoint, previews). */
    public static String trainingPrefix(String trainingId) {
        return "trainings/" + trainingId + "/";
    }

    /**
     * A checkpoint's bytes, one key per step: a crash between writing them and {@link #checkpointInfo}
     * leaves the info pointing at the previous, complete checkpoint.
     */
    public static String checkpoint(String trainingId, int step) {
        return trainingPrefix(trainingId) + "checkpoints/" + String.format("%08d", step) + ".bin";
    }

    /** Which checkpoint is the latest (step, key, digest), written after its bytes. */
    public static String checkpointInfo(String trainingId) {
        return trainingPrefix(trainingId) + "checkpoint.json";
    }

    /** A preview image rendered at a step; zero-padded so previews list in step order. */
    public static String trainingPreview(String trainingId, int step) {
        return trainingPrefix(trainingId) + "previews/" + String.format("%08d", step) + ".jpg";
    }

    public static String dataset(String name) {
        return "datasets/" + name + "/";
    }

    /** The dataset manifest, written after every photo it lists. */
    public static String datasetManifest(String name) {
        return dataset(name) + "manifest.json";
    }

    public static String datasetPhoto(String name, String fileName) {
        return dataset(name) + "photos/" + fileName;
    }

    /** An API key's record, found by the SHA-256 (hex) of the key: the only way in from a request. */
    public static String apiKey(String keyHash) {
        return "tenants/keys/" + keyHash + ".json";
    }

    /**
     * When an API key was last used. Kept apart from {@link #apiKey} so that a gateway noting a use
     * can never bring back a record that a revocation has just deleted.
     */
    public static String apiKeyLastUsed(String keyHash) {
        return "tenants/keys/" + keyHash + ".used";
    }

    /** Where a tenant's keys are listed: one empty object per key, named by the key's hash. */
    public static String tenantKeysPrefix(String tenant) {
        return "tenants/" + tenant + "/keys/";
    }
}
