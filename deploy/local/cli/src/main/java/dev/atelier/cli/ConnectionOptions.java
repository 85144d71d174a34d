package dev.atelier.cli;

import dev.atelier.platform.events.CloudEventCodec;
import dev.atelier.platform.events.EventPublisher;
import dev.atelier.platform.events.KafkaSettings;
import dev.atelier.platform.storage.ObjectStore;
import dev.atelier.platform.storage.S3Settings;
import picocli.CommandLine.Option;

/** Where a running system's Kafka and S3 server are; the defaults are the local stack's. */
public final class ConnectionOptions {
    @Option(
            names = "--kafka",
            defaultValue = "${env:KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:9092}",
            description = "Kafka bootstrap servers.")
    String kafka;

    @Option(names = "--s3-endpoint", defaultValue = "${env:ATELIER_S3_ENDPOINT:-http://127.0.0.1:9000}")
    String s3Endpoint;

    @Option(names = "--s3-access-key", defaultValue = "${env:ATELIER_S3_ACCESS_KEY:-atelier}")
    String accessKey;

    @Option(names = "--s3-secret-key", defaultValue = "${env:ATELIER_S3_SECRET_KEY:-atelier-secret}")
    String secretKey;

    @Option(names = "--s3-bucket", defaultValue = "${env:ATELIER_S3_BUCKET:-atelier}")
    String bucket;

    @Option(names = "--s3-region", defaultValue = "${env:ATELIER_S3_REGION:-us-east-1}")
    String region;

    /** A new object store client; the caller closes it. */
    public S3Settings s3() {
        return new S3Settings(s3Endpoint, accessKey, secretKey, region, bucket);
    }

    public KafkaSettings kafka() {
        return new KafkaSettings(kafka);
    }

    public ObjectStore objectStore() {
        return ObjectStore.connect(s3());
    }

    /** A new durable event publisher; the caller closes it. */
    public EventPublisher events() {
        return new EventPublisher(kafka(), new CloudEventCodec("/atelier/cli"));
    }
}
