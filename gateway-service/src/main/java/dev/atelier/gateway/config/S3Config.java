package dev.atelier.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Where the object store is, under {@code atelier.s3}. Defaults fit the local stack; Kubernetes
 * overrides them with {@code ATELIER_S3_*} variables (the keys from a secret).
 */
@ConfigMapping(prefix = "atelier.s3")
public interface S3Config {

    /** The S3 API's base URL. */
    @WithDefault("http://127.0.0.1:9000")
    String endpoint();

    /** Access key id (a development default; production takes it from a secret). */
    @WithDefault("atelier")
    String accessKey();

    /** Secret access key (a development default; production takes it from a secret). */
    @WithDefault("atelier-secret")
    String secretKey();

    /** Signing region; S3Proxy and MinIO accept {@code us-east-1}. */
    @WithDefault("us-east-1")
    String region();

    /** The one bucket Atelier keeps inputs, outputs, job records and models in. */
    @WithDefault("atelier")
    String bucket();
}
