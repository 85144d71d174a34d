package dev.atelier.platform.storage;

import dev.atelier.contracts.Json;
import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.Http;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.messages.Item;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import okhttp3.OkHttpClient;

/**
 * Atelier's view of its S3 bucket: whole objects in and out, JSON records, listings and presigned
 * URLs, over the MinIO client. Missing objects are {@link Optional#empty()}; every other failure is
 * a {@link StorageException} naming the key.
 */
public final class ObjectStore implements AutoCloseable {
    private static final Set<String> MISSING = Set.of("NoSuchKey", "NoSuchObject", "NotFound");
    private static final long PART_SIZE = 16L * 1024 * 1024;

    private final MinioClient client;
    private final MinioClient presigner;
    private final String bucket;

    private ObjectStore(MinioClient client, MinioClient presigner, String bucket) {
        this.client = client;
        this.presigner = presigner;
        this.bucket = bucket;
    }

    public static ObjectStore connect(S3Settings settings) {
        return connect(settings, null);
    }

    /**
     * @param publicEndpoint the S3 base URL clients reach, for presigned URLs, when it is not the one this
     *     process uses (a cluster-internal MinIO behind an ingress); null for the same. A presigned URL signs
     *     its host, so it must be made for the host the client will call.
     */
    public static ObjectStore connect(S3Settings settings, String publicEndpoint) {
        MinioClient client = client(settings, settings.endpoint());
        MinioClient presigner =
                publicEndpoint == null || publicEndpoint.isBlank() ? client : client(settings, publicEndpoint);
        return new ObjectStore(client, presigner, settings.bucket());
    }

    private static MinioClient client(S3Settings settings, String endpoint) {
        // The region is given, so presigning never asks the server for it. MinIO's own HTTP client, with Nagle's
        // algorithm off (NoDelaySocketFactory); the MinIO client closes it.
        OkHttpClient http = Http.newDefaultClient()
                .newBuilder()
                .socketFactory(new NoDelaySocketFactory())
                .build();
        return MinioClient.builder()
                .endpoint(endpoint)
                .region(settings.region())
                .credentials(settings.accessKey(), settings.secretKey())
                .httpClient(http, true)
                .build();
    }

    public String bucket() {
        return bucket;
    }

    /** Creates the bucket unless it exists. */
    public void ensureBucket() {
        call("create bucket " + bucket, () -> {
            if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
                client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
            }
            return null;
        });
    }

    /** Whether the store answers and the bucket exists; never throws (for health checks). */
    public boolean isReachable() {
        try {
            return client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build());
        } catch (Exception e) {
            return false;
        }
    }

    public void put(String key, byte[] content, String contentType) {
        put(key, new ByteArrayInputStream(content), content.length, contentType);
    }

    /** Stores a stream of known length (use -1 for unknown; it is then sent in parts). */
    public void put(String key, InputStream content, long length, String contentType) {
        call(
                "put " + key,
                () -> client.putObject(PutObjectArgs.builder().bucket(bucket).object(key).stream(
                                content, length, length < 0 ? PART_SIZE : -1)
                        .contentType(contentType)
                        .build()));
    }

    public void putJson(String key, Object record) {
        put(key, Json.toBytes(record), "application/json");
    }

    /** The object's bytes, or empty when there is no such object. */
    public Optional<byte[]> get(String key) {
        return call("get " + key, () -> {
            try (InputStream in = client.getObject(
                    GetObjectArgs.builder().bucket(bucket).object(key).build())) {
                return Optional.of(in.readAllBytes());
            } catch (ErrorResponseException e) {
                if (isMissing(e)) {
                    return Optional.empty();
                }
                throw e;
            }
        });
    }

    public <T> Optional<T> getJson(String key, Class<T> type) {
        return get(key).map(bytes -> Json.fromBytes(bytes, type));
    }

    public boolean exists(String key) {
        return call("stat " + key, () -> {
            try {
                client.statObject(
                        StatObjectArgs.builder().bucket(bucket).object(key).build());
                return true;
            } catch (ErrorResponseException e) {
                if (isMissing(e)) {
                    return false;
                }
                throw e;
            }
        });
    }

    public void delete(String key) {
        call("delete " + key, () -> {
            client.removeObject(
                    RemoveObjectArgs.builder().bucket(bucket).object(key).build());
            return null;
        });
    }

    /** Keys under a prefix, recursively, in key order. */
    public List<String> list(String prefix) {
        return call("list " + prefix, () -> {
            List<String> keys = new ArrayList<>();
            for (Result<Item> result : client.listObjects(ListObjectsArgs.builder()
                    .bucket(bucket)
                    .prefix(prefix)
                    .recursive(true)
                    .build())) {
                keys.add(result.get().objectName());
            }
            return keys;
        });
    }

    /**
     * Up to {@code max} keys under a prefix, recursively, in key order, starting after {@code startAfter}
     * (null: from the first). One listing request: for pagination.
     */
    public List<String> list(String prefix, String startAfter, int max) {
        return call("list " + prefix, () -> {
            ListObjectsArgs.Builder args = ListObjectsArgs.builder()
                    .bucket(bucket)
                    .prefix(prefix)
                    .recursive(true)
                    .maxKeys(max);
            if (startAfter != null) {
                args.startAfter(startAfter);
            }
            List<String> keys = new ArrayList<>();
            for (Result<Item> result : client.listObjects(args.build())) {
                keys.add(result.get().objectName());
                if (keys.size() == max) {
                    break; // the iterator would fetch the next page
                }
            }
            return keys;
        });
    }

    /** A URL that lets its holder GET the object without credentials until it expires. */
    public String presignedGet(String key, Duration ttl) {
        return presign(Http.Method.GET, key, ttl);
    }

    /** A URL that lets its holder PUT (create or replace) the object without credentials until it expires. */
    public String presignedPut(String key, Duration ttl) {
        return presign(Http.Method.PUT, key, ttl);
    }

    private String presign(Http.Method method, String key, Duration ttl) {
        return call(
                "presign " + key,
                () -> presigner.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder()
                        .method(method)
                        .bucket(bucket)
                        .object(key)
                        .expiry((int) ttl.toSeconds())
                        .build()));
    }

    /** The object's size in bytes, or empty when it does not exist. */
    public Optional<Long> size(String key) {
        return call("stat " + key, () -> {
            try {
                return Optional.of(client.statObject(StatObjectArgs.builder()
                                .bucket(bucket)
                                .object(key)
                                .build())
                        .size());
            } catch (ErrorResponseException e) {
                if (isMissing(e)) {
                    return Optional.<Long>empty();
                }
                throw e;
            }
        });
    }

    /** Streams the object to a file (replacing it); false when the object does not exist. */
    public boolean download(String key, Path file) {
        return call("get " + key, () -> {
            try (InputStream in = client.getObject(
                    GetObjectArgs.builder().bucket(bucket).object(key).build())) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                return true;
            } catch (ErrorResponseException e) {
                if (isMissing(e)) {
                    return false;
                }
                throw e;
            }
        });
    }

    private static boolean isMissing(ErrorResponseException e) {
        return e.errorResponse() != null && MISSING.contains(e.errorResponse().code());
    }

    private <T> T call(String what, StorageCall<T> call) {
        try {
            return call.run();
        } catch (StorageException e) {
            throw e;
        } catch (Exception e) {
            throw new StorageException(
                    "object store: cannot " + what + " in bucket " + bucket + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            if (presigner != client) {
                presigner.close();
            }
            client.close();
        } catch (Exception e) {
            // Closing releases OkHttp's pools; nothing is lost if it fails.
        }
    }

    @FunctionalInterface
    private interface StorageCall<T> {
        T run() throws Exception;
    }
}
