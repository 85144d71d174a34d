package dev.atelier.gateway.sources;

import dev.atelier.gateway.problems.ProblemException;
import dev.atelier.gateway.problems.ProblemType;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/** Turns a JSON submission's {@code uploadId} or {@code imageUrl} (exactly one) into a local image file. */
@Singleton
public class JobSources {
    private final Uploads uploads;
    private final ImageFetcher fetcher;

    JobSources(Uploads uploads, ImageFetcher fetcher) {
        this.uploads = uploads;
        this.fetcher = fetcher;
    }

    /**
     * Runs {@code submit} with the image as a local file, deleted afterwards. An upload stays in S3 (until the
     * bucket's lifecycle rule removes it), so that a retried submission with the same Idempotency-Key finds it.
     */
    public <T> T withImage(String tenant, String uploadId, String imageUrl, Function<Path, T> submit) {
        boolean hasUpload = uploadId != null && !uploadId.isBlank();
        boolean hasUrl = imageUrl != null && !imageUrl.isBlank();
        if (hasUpload == hasUrl) {
            throw new ProblemException(
                            ProblemType.INVALID_OPTION,
                            "give exactly one of 'uploadId' (from POST /v1/uploads)" + " and 'imageUrl' (https)")
                    .with("field", hasUpload ? "imageUrl" : "uploadId");
        }
        Path file = hasUpload ? uploads.fetch(tenant, uploadId.trim()) : fetcher.fetch(imageUrl);
        return applyAndDelete(file, submit);
    }

    /**
     * Runs {@code submit} with the upload as a local file, deleted afterwards; with null when {@code uploadId} is
     * null or blank (an optional second image, the painting of an optimisation job).
     */
    public <T> T withUpload(String tenant, String uploadId, Function<Path, T> submit) {
        if (uploadId == null || uploadId.isBlank()) {
            return submit.apply(null);
        }
        return applyAndDelete(uploads.fetch(tenant, uploadId.trim()), submit);
    }

    private static <T> T applyAndDelete(Path file, Function<Path, T> submit) {
        try {
            return submit.apply(file);
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                file.toFile().deleteOnExit();
            }
        }
    }
}
