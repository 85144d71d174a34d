package dev.atelier.platform.storage;

/**
 * Where the object store is and how to sign requests to it.
 *
 * @param endpoint e.g. {@code http://127.0.0.1:9000}
 * @param region signing region; S3Proxy and MinIO accept {@code us-east-1}
 * @param bucket the one bucket Atelier keeps everything in
 */
public record S3Settings(String endpoint, String accessKey, String secretKey, String region, String bucket) {}
