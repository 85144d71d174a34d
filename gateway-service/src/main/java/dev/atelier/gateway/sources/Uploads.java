package dev.atelier.gateway.sources;

import dev.atelier.contracts.jobs.JobIds;
import dev.atelier.contracts.storage.StorageKeys;
import dev.atelier.gateway.config.GatewayConfig;
import dev.atelier.gateway.problems.ProblemException;
import dev.atelier.gateway.problems.ProblemType;
import dev.atelier.platform.storage.ObjectStore;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;

/**
 * Direct uploads: a presigned PUT URL for {@code uploads/{tenant}/{id}}, so that a large image goes from
 * the client to S3 without passing through a gateway, and then the image under that id for a job. A job
 * takes its own copy; uploads are left to the bucket's lifecycle rule (expire {@code uploads/} after a day).
 */
@Singleton
public class Uploads {
    private final ObjectStore store;
    private final GatewayConfig config;
    private final Clock clock;

    Uploads(ObjectStore store, GatewayConfig config, Clock clock) {
        this.store = store;
        this.config = config;
        this.clock = clock;
    }

    /** @param url where to PUT the image, until {@code expiresAt} */
    public record Created(String id, String url, Instant expiresAt) {}

    public Created create(String tenant) {
        String id = JobIds.newId();
        String url = store.presignedPut(
                StorageKeys.upload(tenant, id), config.uploads().urlTtl());
        return new Created(id, url, clock.instant().plus(config.uploads().urlTtl()));
    }

    /**
     * @return a temporary copy of the uploaded image (the caller deletes it)
     * @throws ProblemException {@code upload-not-found} (also for another tenant's id) or {@code image-too-large}
     */
    public Path fetch(String tenant, String id) {
        if (!JobIds.isValid(id)) {
            throw notFound(id);
        }
        String key = StorageKeys.upload(tenant, id);
        long size = store.size(key).orElseThrow(() -> notFound(id));
        long max = config.input().maxBytes().asLongValue();
        if (size > max) {
            throw new ProblemException(
                            ProblemType.IMAGE_TOO_LARGE,
                            "the uploaded image has " + size + " bytes; at most " + max + " are accepted")
                    .with("bytes", size)
                    .with("maxBytes", max);
        }
        try {
            Path file = Files.createTempFile("atelier-upload-", ".img");
            if (!store.download(key, file)) {
                Files.deleteIfExists(file);
                throw notFound(id);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot spool upload " + id, e);
        }
    }

    private static ProblemException notFound(String id) {
        return new ProblemException(
                        ProblemType.UPLOAD_NOT_FOUND,
                        "nothing was uploaded under '" + id
                                + "': PUT the image to the URL that POST /v1/uploads gave, then submit")
                .with("field", "uploadId");
    }
}
