package dev.atelier.gateway.jobs;

import dev.atelier.contracts.jobs.JobRecord;
import dev.atelier.contracts.storage.StorageKeys;
import dev.atelier.gateway.problems.ProblemException;
import dev.atelier.gateway.problems.ProblemType;
import dev.atelier.platform.storage.ObjectStore;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code Idempotency-Key} on {@code POST /v1/jobs}: the first request with a key creates the job and
 * records {key -> job, fingerprint of the request} in S3, so the same key from the same tenant gets
 * that job back from any replica and after restarts; the same key with another request is refused
 * (422). Two requests with one key at the very same instant may both create a job (S3 has no
 * compare-and-set here); the later mapping wins and later retries get that job.
 */
@Singleton
public class Idempotency {
    /** Longest accepted key (the IETF draft leaves it open; this keeps S3 keys and logs tidy). */
    static final int MAX_KEY_LENGTH = 255;

    private final ObjectStore store;
    private final JobStore jobs;

    public Idempotency(ObjectStore store, JobStore jobs) {
        this.store = store;
        this.jobs = jobs;
    }

    /** What a key was used for: the job, and the fingerprint of the request that created it. */
    public record Entry(String jobId, String fingerprint) {}

    /** The job for this key, created by {@code submit} on first use; the found job's record otherwise. */
    public JobRecord submitOnce(String tenant, String key, JobUpload upload, Supplier<JobRecord> submit) {
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw new ProblemException(
                            ProblemType.INVALID_OPTION,
                            "Idempotency-Key must be 1 to " + MAX_KEY_LENGTH + " characters")
                    .with("field", "Idempotency-Key");
        }
        String storageKey = StorageKeys.idempotencyKey(tenant, sha256(key.getBytes(StandardCharsets.UTF_8)));
        String fingerprint = fingerprint(upload);
        Optional<Entry> earlier = store.getJson(storageKey, Entry.class);
        if (earlier.isPresent()) {
            if (!earlier.get().fingerprint().equals(fingerprint)) {
                throw new ProblemException(
                                ProblemType.IDEMPOTENCY_KEY_REUSED,
                                "this Idempotency-Key was used for job "
                                        + earlier.get().jobId()
                                        + " with a different request; use a new key for a new job")
                        .with("jobId", earlier.get().jobId());
            }
            Optional<JobRecord> job = jobs.find(tenant, earlier.get().jobId());
            if (job.isPresent()) {
                return job.get();
            }
        }
        JobRecord created = submit.get();
        store.putJson(storageKey, new Entry(created.id(), fingerprint));
        return created;
    }

    /** SHA-256 over the fields and the image bytes, each length-prefixed so that fields cannot run together. */
    static String fingerprint(JobUpload upload) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            // Fields added later count only when given, so that fingerprints stored before they existed still match;
            // the newer ones carry their name, so that one cannot pass for another.
            List<String> fields = new ArrayList<>(
                    Arrays.asList(upload.style(), upload.strength(), upload.outputFormat(), upload.deadline()));
            if (upload.callbackUrl() != null) {
                fields.add(upload.callbackUrl());
            }
            if (upload.preserveColors() != null) {
                fields.add("preserveColors=" + upload.preserveColors());
            }
            if (upload.styleScale() != null) {
                fields.add("styleScale=" + upload.styleScale());
            }
            for (String[] named : new String[][] {
                {"mode", upload.mode()},
                {"steps", upload.steps()},
                {"maxSide", upload.maxSide()},
                {"contentWeight", upload.contentWeight()}
            }) {
                if (named[1] != null) {
                    fields.add(named[0] + "=" + named[1]);
                }
            }
            for (String field : fields) {
                byte[] bytes = field == null ? new byte[0] : field.getBytes(StandardCharsets.UTF_8);
                digest.update(
                        Integer.toString(field == null ? -1 : bytes.length).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) ':');
                digest.update(bytes);
            }
            update(digest, upload.image());
            if (upload.styleImage() != null) {
                digest.update("styleImage:".getBytes(StandardCharsets.UTF_8));
                update(digest, upload.styleImage());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the uploaded file", e);
        }
    }

    private static void update(MessageDigest digest, Path file) throws IOException {
        if (file == null) {
            return;
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
