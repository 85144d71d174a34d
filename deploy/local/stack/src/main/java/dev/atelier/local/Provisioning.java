package dev.atelier.local;

import dev.atelier.contracts.Topics;
import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.errors.ErrorResponseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.InvalidReplicationFactorException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates what Atelier expects to find, idempotently: its Kafka topics and its S3 bucket. */
final class Provisioning {
    private Provisioning() {}

    /** The Atelier topics: {@code partitions} each, but {@code atelier.models}: 1 partition, compacted. */
    static List<NewTopic> topics(int partitions) {
        List<NewTopic> topics = new ArrayList<>();
        for (String name : List.of(
                Topics.STYLIZE_REQUESTS,
                Topics.STYLIZE_EVENTS,
                Topics.STYLIZE_REQUESTS_DLQ,
                Topics.OPTIMISE_REQUESTS,
                Topics.TRAINING_REQUESTS,
                Topics.TRAINING_EVENTS)) {
            topics.add(new NewTopic(name, partitions, (short) 1));
        }
        topics.add(new NewTopic(Topics.MODELS, 1, (short) 1)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
        return topics;
    }

    /** Creates the missing ones of {@link #topics(int)}; retries while the broker is still coming up. */
    static void createTopics(String bootstrapServers, int partitions, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            while (true) {
                try {
                    Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
                    List<NewTopic> missing = topics(partitions).stream()
                            .filter(t -> !existing.contains(t.name()))
                            .toList();
                    if (!missing.isEmpty()) {
                        admin.createTopics(missing).all().get(10, TimeUnit.SECONDS);
                    }
                    return;
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof TopicExistsException) {
                        continue; // created concurrently: list again
                    }
                    boolean transientError = cause instanceof RetriableException
                            || cause instanceof InvalidReplicationFactorException; // broker not registered yet
                    if (!transientError || System.nanoTime() > deadline) {
                        throw new IllegalStateException(
                                "cannot create the Atelier topics on " + bootstrapServers + ": " + cause, cause);
                    }
                    Thread.sleep(200);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(
                    "Kafka at " + bootstrapServers + " did not answer while creating topics", e);
        }
    }

    /** Creates the stack's bucket unless it exists. */
    static void createBucket(Stack stack) {
        try (MinioClient s3 = stack.newS3Client()) {
            if (!s3.bucketExists(
                    BucketExistsArgs.builder().bucket(stack.bucket()).build())) {
                try {
                    s3.makeBucket(
                            MakeBucketArgs.builder().bucket(stack.bucket()).build());
                } catch (ErrorResponseException e) {
                    String code = e.errorResponse().code();
                    if (!"BucketAlreadyOwnedByYou".equals(code) && !"BucketAlreadyExists".equals(code)) {
                        throw e;
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(
                    "cannot create bucket " + stack.bucket() + " at " + stack.s3Endpoint() + ": " + e.getMessage(), e);
        }
    }
}
