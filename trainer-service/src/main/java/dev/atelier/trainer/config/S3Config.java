package dev.atelier.trainer.config;

import dev.atelier.platform.storage.S3Settings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Where the object store is ({@code atelier.s3.*}). The defaults fit the local stack only; in
 * Kubernetes they come from the environment ({@code ATELIER_S3_ENDPOINT}, {@code ATELIER_S3_SECRET_KEY} ...).
 */
@ConfigMapping(prefix = "atelier.s3")
public interface S3Config {

    /** The S3 API endpoint. */
    @WithDefault("http://127.0.0.1:9000")
    String endpoint();

    /** Access key (dev default). */
    @WithDefault("atelier")
    String accessKey();

    /** Secret key (dev default). */
    @WithDefault("atelier-secret")
    String secretKey();

    /** Signing region. */
    @WithDefault("us-east-1")
    String region();

    /** The one bucket Atelier keeps everything in. */
    @WithDefault("atelier")
    String bucket();

    default S3Settings settings() {
        return new S3Settings(endpoint(), accessKey(), secretKey(), region(), bucket());
    }
}
