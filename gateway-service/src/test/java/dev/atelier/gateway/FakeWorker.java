package dev.atelier.gateway;

import dev.atelier.contracts.Topics;
import dev.atelier.contracts.events.JobCompleted;
import dev.atelier.contracts.events.JobFailed;
import dev.atelier.contracts.events.JobStarted;
import dev.atelier.contracts.jobs.JobError;
import dev.atelier.contracts.jobs.JobRecord;
import dev.atelier.contracts.jobs.JobStatus;
import dev.atelier.contracts.jobs.OutputFormat;
import dev.atelier.contracts.storage.StorageKeys;
import dev.atelier.platform.events.CloudEventCodec;
import dev.atelier.platform.events.EventPublisher;
import dev.atelier.platform.events.KafkaSettings;
import dev.atelier.platform.events.TraceContext;
import dev.atelier.platform.storage.ObjectStore;
import java.time.Instant;

/**
 * What an inference worker does to a job, without one: the RUNNING record and {@code JobStarted}, then the
 * final record and its event, on the real broker and object store.
 */
public final class FakeWorker implements AutoCloseable {
    public static final byte[] OUTPUT = TestImages.png(12, 9);

    private final ObjectStore store;
    private final EventPublisher events;

    public FakeWorker(ObjectStore store, String bootstrapServers) {
        this.store = store;
        this.events =
                new EventPublisher(new KafkaSettings(bootstrapServers), new CloudEventCodec("/atelier/test-worker"));
    }

    /** Runs the QUEUED job of a tenant to SUCCEEDED or FAILED. */
    public void run(String tenant, String id, JobStatus outcome) {
        JobRecord queued =
                store.getJson(StorageKeys.job(tenant, id), JobRecord.class).orElseThrow();
        JobRecord running = queued.running(1, "cpu", Instant.now());
        store.putJson(StorageKeys.job(tenant, id), running);
        events.publish(
                Topics.STYLIZE_EVENTS,
                new JobStarted(id, tenant, queued.styleId(), 1, "cpu", 1, Instant.now()),
                TraceContext.none());
        if (outcome == JobStatus.SUCCEEDED) {
            String outputKey = StorageKeys.output(tenant, id, OutputFormat.PNG);
            store.put(outputKey, OUTPUT, "image/png");
            store.putJson(StorageKeys.job(tenant, id), running.succeeded(outputKey, 12, 9, Instant.now()));
            events.publish(
                    Topics.STYLIZE_EVENTS,
                    new JobCompleted(
                            id,
                            tenant,
                            queued.styleId(),
                            1,
                            outputKey,
                            OutputFormat.PNG,
                            12,
                            9,
                            "cpu",
                            0,
                            1,
                            Instant.now()),
                    TraceContext.none());
        } else {
            JobError error = new JobError("input.undecodable", "the image is truncated");
            store.putJson(StorageKeys.job(tenant, id), running.failed(error, Instant.now()));
            events.publish(
                    Topics.STYLIZE_EVENTS,
                    new JobFailed(id, tenant, queued.styleId(), error, 1, Instant.now()),
                    TraceContext.none());
        }
    }

    /** Announces the job as started, with whatever its record says, as a worker that read it would. */
    public void announceStarted(String tenant, String id) {
        events.publish(
                Topics.STYLIZE_EVENTS,
                new JobStarted(id, tenant, "candy", 1, "cpu", 1, Instant.now()),
                TraceContext.none());
    }

    @Override
    public void close() {
        events.close();
    }
}
