package dev.atelier.local;

import io.minio.MinioClient;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A running Kafka broker and S3 server with the Atelier topics and bucket in place: what a test or the demo
 * connects to. {@link LocalStack} runs them as local processes; {@link ContainerStack} in Docker.
 */
public interface Stack extends AutoCloseable {
    /** System property (or env {@code ATELIER_STACK}) choosing the kind: {@code process} (default) or {@code testcontainers}. */
    String KIND_PROPERTY = "atelier.stack";

    /** Kafka bootstrap address, {@code host:port}. */
    String bootstrapServers();

    /** S3 endpoint URL, {@code http://host:port}. */
    String s3Endpoint();

    /** What the stack was started with. */
    StackSettings settings();

    /** S3 access key. */
    default String accessKey() {
        return settings().accessKey();
    }

    /** S3 secret key. */
    default String secretKey() {
        return settings().secretKey();
    }

    /** The bucket the stack created. */
    default String bucket() {
        return settings().bucket();
    }

    /** The region S3 clients sign for. */
    default String region() {
        return settings().region();
    }

    /** Stops the servers (their data stays where the settings put it). */
    @Override
    void close();

    /**
     * The Quarkus configuration that points a service at this stack: {@code kafka.bootstrap.servers},
     * {@code atelier.s3.endpoint}, {@code atelier.s3.access-key}, {@code atelier.s3.secret-key},
     * {@code atelier.s3.bucket}, {@code atelier.s3.region}.
     */
    default Map<String, String> quarkusConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("kafka.bootstrap.servers", bootstrapServers());
        config.put("atelier.s3.endpoint", s3Endpoint());
        config.put("atelier.s3.access-key", accessKey());
        config.put("atelier.s3.secret-key", secretKey());
        config.put("atelier.s3.bucket", bucket());
        config.put("atelier.s3.region", region());
        return config;
    }

    /** A new MinIO client for this stack's S3 server. The caller closes it (its threads keep a JVM alive). */
    default MinioClient newS3Client() {
        return MinioClient.builder()
                .endpoint(s3Endpoint())
                .credentials(accessKey(), secretKey())
                .region(region())
                .build();
    }

    /**
     * Starts the kind of stack {@link #KIND_PROPERTY} names: local processes ({@link LocalStack}, the default)
     * or Testcontainers ({@link ContainerStack}, needs Docker and the two Testcontainers modules on the classpath).
     */
    static Stack start(StackSettings settings) {
        String kind = kind();
        switch (kind) {
            case "process":
                return LocalStack.start(settings);
            case "testcontainers":
                try {
                    return ContainerStack.start(settings);
                } catch (NoClassDefFoundError e) {
                    throw new IllegalStateException(
                            KIND_PROPERTY + "=testcontainers needs "
                                    + "org.testcontainers:testcontainers-kafka and testcontainers-minio on the classpath "
                                    + "(missing: " + e.getMessage() + ")",
                            e);
                }
            default:
                throw new IllegalArgumentException(
                        "unknown " + KIND_PROPERTY + "=" + kind + ": use process or testcontainers");
        }
    }

    /** The kind {@link #start(StackSettings)} will start: {@code process} or {@code testcontainers}. */
    static String kind() {
        String kind = System.getProperty(KIND_PROPERTY);
        if (kind == null || kind.isBlank()) {
            kind = System.getenv("ATELIER_STACK");
        }
        return kind == null || kind.isBlank() ? "process" : kind.trim().toLowerCase(Locale.ROOT);
    }
}
