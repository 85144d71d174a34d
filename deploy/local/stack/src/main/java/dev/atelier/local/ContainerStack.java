package dev.atelier.local;

import org.testcontainers.containers.MinIOContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.utility.DockerImageName;

/**
 * The stack in Docker through Testcontainers, for machines that have Docker: the official {@code apache/kafka} and
 * {@code minio/minio} images, with the same topics, bucket and credentials as {@link LocalStack}. Chosen by
 * {@code atelier.stack=testcontainers}; needs {@code org.testcontainers:testcontainers-kafka} and
 * {@code testcontainers-minio} on the classpath (optional dependencies of this module). The data lives in the
 * containers and goes with them; images can be overridden with {@code atelier.stack.kafka-image} and
 * {@code atelier.stack.minio-image}.
 */
public final class ContainerStack implements Stack {
    /** In step with {@code kafka.broker.version} in the root pom. */
    public static final String DEFAULT_KAFKA_IMAGE = "apache/kafka:4.4.0";
    /** The last MinIO release published on Docker Hub. */
    public static final String DEFAULT_MINIO_IMAGE = "minio/minio:RELEASE.2025-09-07T16-13-09Z";

    private final StackSettings settings;
    private final KafkaContainer kafka;
    private final MinIOContainer minio;

    private ContainerStack(StackSettings settings, KafkaContainer kafka, MinIOContainer minio) {
        this.settings = settings;
        this.kafka = kafka;
        this.minio = minio;
    }

    /** Starts both containers, then creates the topics and the bucket. Ports and data dir of the settings are unused. */
    public static ContainerStack start(StackSettings settings) {
        KafkaContainer kafka =
                new KafkaContainer(image("atelier.stack.kafka-image", DEFAULT_KAFKA_IMAGE, "apache/kafka"));
        MinIOContainer minio = new MinIOContainer(
                        image("atelier.stack.minio-image", DEFAULT_MINIO_IMAGE, "minio/minio"))
                .withUserName(settings.accessKey())
                .withPassword(settings.secretKey())
                .withEnv("MINIO_REGION", settings.region());
        ContainerStack stack = new ContainerStack(settings, kafka, minio);
        try {
            Startables.deepStart(kafka, minio).join();
            Provisioning.createTopics(stack.bootstrapServers(), settings.partitions(), settings.startTimeout());
            Provisioning.createBucket(stack);
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    @Override
    public String bootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public StackSettings settings() {
        return settings;
    }

    @Override
    public String s3Endpoint() {
        return minio.getS3URL();
    }

    @Override
    public void close() {
        try {
            kafka.stop();
        } finally {
            minio.stop();
        }
    }

    private static DockerImageName image(String property, String fallback, String official) {
        String name = System.getProperty(property, fallback);
        return DockerImageName.parse(name).asCompatibleSubstituteFor(official);
    }
}
