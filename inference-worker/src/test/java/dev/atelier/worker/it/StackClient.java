package dev.atelier.worker.it;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.atelier.contracts.Topics;
import dev.atelier.contracts.events.JobRequested;
import dev.atelier.contracts.jobs.ImageInfo;
import dev.atelier.contracts.jobs.JobIds;
import dev.atelier.contracts.jobs.JobOptions;
import dev.atelier.contracts.jobs.JobRecord;
import dev.atelier.contracts.models.ModelManifest;
import dev.atelier.contracts.storage.StorageKeys;
import dev.atelier.platform.events.CloudEventCodec;
import dev.atelier.platform.events.EventPublisher;
import dev.atelier.platform.events.KafkaSettings;
import dev.atelier.platform.events.TraceContext;
import dev.atelier.platform.models.ModelFile;
import dev.atelier.platform.models.ModelPublisher;
import dev.atelier.platform.storage.ObjectStore;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plays gateway and trainer against the real stack: registers models, submits jobs the way the gateway does. */
final class StackClient implements AutoCloseable {
    static final String TENANT = "acme";

    private final ObjectStore store;
    private final EventPublisher events;
    private final ModelPublisher models;
    private final KafkaProducer<String, CloudEvent> rawEvents;
    private final KafkaProducer<String, byte[]> rawBytes;
    private final CloudEventCodec codec = new CloudEventCodec("/atelier/test-gateway");

    StackClient(String bootstrapServers, ObjectStore store) {
        this.store = store;
        this.events = new EventPublisher(new KafkaSettings(bootstrapServers), codec);
        this.models = new ModelPublisher(store, events, Clock.systemUTC());
        Map<String, Object> producer = Map.of("bootstrap.servers", bootstrapServers, "acks", "all");
        this.rawEvents = new KafkaProducer<>(producer, new StringSerializer(), new CloudEventSerializer());
        this.rawBytes = new KafkaProducer<>(producer, new StringSerializer(), new ByteArraySerializer());
    }

    /** A job as submitted, with the trace it was submitted under. */
    record Submitted(JobRequested request, TraceContext trace) {
        String jobId() {
            return request.jobId();
        }
    }

    /** Publishes an ONNX file as a new version of a style; names and input shape come from the graph. */
    ModelManifest register(String styleId, Path onnx) throws Exception {
        byte[] bytes = Files.readAllBytes(onnx);
        OrtSession session;
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            session = OrtEnvironment.getEnvironment().createSession(bytes, options);
        }
        try (session) {
            String input = session.getInputNames().iterator().next();
            String output = session.getOutputNames().iterator().next();
            long[] shape = ((TensorInfo) session.getInputInfo().get(input).getInfo()).getShape();
            return models.publish(
                    styleId,
                    styleId,
                    new ModelFile(
                            bytes,
                            input,
                            output,
                            Arrays.stream(shape).boxed().toList(),
                            null,
                            onnx.getFileName().toString()));
        }
    }

    /** Makes a stored version current again, as {@code ./atelier models rollback} does. */
    ModelManifest rollback(String styleId, int version) {
        return models.announce(styleId, version);
    }

    /** Publishes bytes that are no model under a valid manifest (the checksum matches). */
    ModelManifest registerGarbage(String styleId) {
        byte[] garbage = "this is not an ONNX model".repeat(20).getBytes();
        return models.publish(
                styleId,
                styleId,
                new ModelFile(garbage, "input1", "output1", List.of(-1L, 3L, -1L, -1L), null, "garbage"));
    }

    /** Stores input and QUEUED record, then publishes the request with the platform publisher. */
    Submitted submit(String styleId, Integer version, byte[] image, JobOptions options) {
        Submitted job = prepare(styleId, version, image, options);
        events.publish(Topics.STYLIZE_REQUESTS, job.request(), job.trace());
        return job;
    }

    /** Like {@link #submit}, for a job that must start before {@code deadline}. */
    Submitted submitWithDeadline(String styleId, byte[] image, Instant deadline) {
        Submitted job = prepare(styleId, null, image, JobOptions.defaults(), deadline);
        events.publish(Topics.STYLIZE_REQUESTS, job.request(), job.trace());
        return job;
    }

    /** Like {@link #submit}, with the owner's cancellation already stored, as the gateway's DELETE leaves it. */
    Submitted submitCancelled(String styleId, byte[] image) {
        Submitted job = prepare(styleId, null, image, JobOptions.defaults(), null);
        store.put(StorageKeys.jobCancellation(TENANT, job.jobId()), new byte[0], "application/octet-stream");
        events.publish(Topics.STYLIZE_REQUESTS, job.request(), job.trace());
        return job;
    }

    boolean exists(String key) {
        return store.exists(key);
    }

    /** Like {@link #submit} but onto one partition, to put jobs behind each other. */
    Submitted submitToPartition(int partition, String styleId, byte[] image) throws Exception {
        Submitted job = prepare(styleId, null, image, JobOptions.defaults());
        ProducerRecord<String, CloudEvent> record =
                new ProducerRecord<>(Topics.STYLIZE_REQUESTS, partition, job.jobId(), codec.encode(job.request()));
        job.trace().writeTo(record.headers());
        rawEvents.send(record).get();
        return job;
    }

    /**
     * Like {@link #submitToPartition}, with the record a worker leaves behind each time it dies mid-job: RUNNING, started
     * {@code starts} times.
     */
    Submitted submitStartedToPartition(int partition, String styleId, byte[] image, int starts) throws Exception {
        Submitted job = prepare(styleId, null, image, JobOptions.defaults());
        JobRecord record = record(job.jobId());
        for (int i = 0; i < starts; i++) {
            record = record.running(1, "cpu", Instant.now());
        }
        store.putJson(StorageKeys.job(TENANT, job.jobId()), record);
        ProducerRecord<String, CloudEvent> message =
                new ProducerRecord<>(Topics.STYLIZE_REQUESTS, partition, job.jobId(), codec.encode(job.request()));
        job.trace().writeTo(message.headers());
        rawEvents.send(message).get();
        return job;
    }

    /** Delivers a request again, as Kafka does after a rebalance or a crash. */
    void redeliver(Submitted job) {
        events.publish(Topics.STYLIZE_REQUESTS, job.request(), job.trace());
    }

    void sendRaw(String key, byte[] value) throws Exception {
        rawBytes.send(new ProducerRecord<>(Topics.STYLIZE_REQUESTS, key, value)).get();
    }

    JobRecord record(String jobId) {
        return store.getJson(StorageKeys.job(TENANT, jobId), JobRecord.class).orElseThrow();
    }

    private Submitted prepare(String styleId, Integer version, byte[] image, JobOptions options) {
        return prepare(styleId, version, image, options, null);
    }

    private Submitted prepare(String styleId, Integer version, byte[] image, JobOptions options, Instant deadline) {
        String jobId = JobIds.newId();
        String inputKey = StorageKeys.input(TENANT, jobId);
        Instant now = Instant.now();
        ImageInfo info = new ImageInfo("image/jpeg", 0, 0, image.length);
        store.put(inputKey, image, info.mediaType());
        store.putJson(
                StorageKeys.job(TENANT, jobId),
                JobRecord.queued(jobId, TENANT, styleId, version, options, info, inputKey, now)
                        .withDeadline(deadline));
        JobRequested request = new JobRequested(jobId, TENANT, styleId, version, inputKey, info, options, now, null);
        return new Submitted(request, newTrace());
    }

    @Override
    public void close() {
        rawEvents.close();
        rawBytes.close();
        events.close();
    }

    /** A trace of its own for each request, as a client's traceparent would start one. */
    private static TraceContext newTrace() {
        return TraceContext.parse(
                "00-" + java.util.UUID.randomUUID().toString().replace("-", "") + "-00f067aa0ba902b7-01");
    }
}
