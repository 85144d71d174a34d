package dev.atelier.contracts.datasets;

/**
 * One photo of a {@link DatasetManifest}.
 *
 * @param key its S3 key, under {@code datasets/{name}/photos/}
 * @param mediaType {@code image/jpeg} or {@code image/png}
 * @param width pixels, as stored
 * @param height pixels, as stored
 * @param bytes size of the stored file
 * @param sha256 hex digest of the stored file
 * @param origin where it came from (file or package path), for people
 * @param heldOut whether it is kept out of training for the quality gate
 */
public record DatasetPhoto(
        String key,
        String mediaType,
        int width,
        int height,
        long bytes,
        String sha256,
        String origin,
        boolean heldOut) {}
