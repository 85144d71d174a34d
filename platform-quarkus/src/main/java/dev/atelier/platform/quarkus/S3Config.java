package dev.atelier.platform.quarkus;

import dev.atelier.platform.storage.S3Settings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * Where the object store is, under {@code atelier.s3}. The defaults fit the local stack only; Kubernetes
 * sets {@code ATELIER_S3_ENDPOINT}, {@code ATELIER_S3_ACCESS_KEY}, {@code ATELIER_S3_SECRET_KEY} ... (keys from a Secret).
 */
@ConfigMapping(prefix = "atelier.s3")
public interface S3Config {

    /** The S3 API's base URL. */
    @WithDefault("http://127.0.0.1:9000")
    String endpoint();

    /** Access key id (a development default). */
    @WithDefault("atelier")
    String accessKey();

    /** Secret access key (a development default). */
    @WithDefault("atelier-secret")
    String secretKey();

    /** Signing region; S3Proxy and MinIO accept {@code us-east-1}. */
    @WithDefault("us-east-1")
    String region();

    /** The one bucket Atelier keeps inputs, outputs, records, datasets and models in. */
    @WithDefault("atelier")
    String bucket();

    /**
     * The S3 base URL clients reach, when it differs from {@link #endpoint()} (a cluster-internal MinIO
     * behind an ingress): presigned URLs are made for it, since a signature covers the host.
     */
    Optional<String> publicEndpoint();

    default S3Settings settings() {
        return new S3Settings(endpoint(), accessKey(), secretKey(), region(), bucket());
    }
}
