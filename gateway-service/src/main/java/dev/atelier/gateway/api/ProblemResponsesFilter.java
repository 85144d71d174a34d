package dev.atelier.gateway.api;

import static java.util.Map.entry;

import dev.atelier.gateway.problems.Problem;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;

/**
 * Adds the {@code application/problem+json} responses to the OpenAPI document (registered as
 * {@code mp.openapi.filter}, so it runs when the document is built, the stored copy included). Which problems each
 * operation answers with is listed here, once, instead of in an annotation per status on every resource method;
 * the success responses stay with their methods. An operation named here that the document lacks fails the build.
 */
public class ProblemResponsesFilter implements OASFilter {
    private static final String IMAGE_TOO_LARGE = "image-too-large or image-too-many-pixels";
    private static final String NOT_JPEG_OR_PNG = "unsupported-media-type: not a JPEG or PNG";
    private static final String JOB_NOT_FOUND = "job-not-found";
    private static final String WEBHOOK_NOT_FOUND = "webhook-not-found";
    private static final String WRONG_ADMIN_KEY = "unauthorized: missing or wrong admin key";

    /** Per operation ({@code METHOD path}), its problem responses: each status and what it means. */
    private static final Map<String, Map<Integer, String>> BY_OPERATION = Map.ofEntries(
            entry(
                    "POST /v1/jobs",
                    Map.of(
                            400,
                            "invalid-option: missing image or style, bad strength, outputFormat, preserveColors, styleScale or deadline, "
                                    + "neither or both "
                                    + "of uploadId and imageUrl; image-url-not-allowed; webhook-url-not-allowed (callbackUrl)",
                            413,
                            IMAGE_TOO_LARGE,
                            415,
                            NOT_JPEG_OR_PNG,
                            422,
                            "upload-not-found, image-url-unreachable, unknown-style, image-corrupt, or idempotency-key-reused "
                                    + "(same Idempotency-Key, different request)",
                            429,
                            "rate-limited or too-many-jobs-in-flight, with Retry-After",
                            503,
                            "catalog-not-ready, storage-unavailable or queue-unavailable")),
            entry("GET /v1/jobs", Map.of(400, "invalid-option: bad cursor, limit or status")),
            entry("GET /v1/jobs/{id}", Map.of(404, JOB_NOT_FOUND)),
            entry("DELETE /v1/jobs/{id}", Map.of(404, JOB_NOT_FOUND, 409, "job-not-cancellable: RUNNING or finished")),
            entry("GET /v1/jobs/{id}/events", Map.of(404, JOB_NOT_FOUND)),
            entry(
                    "GET /v1/jobs/{id}/result",
                    Map.of(
                            404, JOB_NOT_FOUND,
                            409, "job-not-finished (still QUEUED or RUNNING) or job-failed (with the reason)",
                            410, "job-gone: cancelled or expired")),
            entry(
                    "POST /v1/stylize",
                    Map.of(
                            400, "invalid-option",
                            409, "job-failed, with the reason",
                            410, "job-gone: cancelled or expired meanwhile",
                            413, IMAGE_TOO_LARGE,
                            429, "rate-limited or too-many-jobs-in-flight")),
            entry("POST /v1/uploads", Map.of(503, "storage-unavailable")),
            entry(
                    "POST /v1/styles",
                    Map.of(
                            400, "invalid-option: missing image or styleId, an option out of bounds",
                            413, IMAGE_TOO_LARGE,
                            415, NOT_JPEG_OR_PNG,
                            422, "unknown-dataset or image-corrupt",
                            503, "storage-unavailable or queue-unavailable")),
            entry("GET /v1/styles", Map.of(503, "catalog-not-ready")),
            entry("GET /v1/styles/{id}/preview", Map.of(404, "not-found: no such style, or it has no preview")),
            entry("GET /v1/trainings/{id}", Map.of(404, "training-not-found")),
            entry(
                    "GET /v1/trainings/{id}/preview",
                    Map.of(404, "training-not-found, or not-found before the first preview")),
            entry(
                    "POST /v1/webhooks",
                    Map.of(
                            400,
                            "invalid-option (unknown event type, no event types), webhook-url-not-allowed "
                                    + "(not https, or a private, loopback or link-local address)")),
            entry("GET /v1/webhooks/{id}", Map.of(404, WEBHOOK_NOT_FOUND)),
            entry("GET /v1/webhooks/{id}/secret", Map.of(404, WEBHOOK_NOT_FOUND)),
            entry("DELETE /v1/webhooks/{id}", Map.of(404, WEBHOOK_NOT_FOUND)),
            entry(
                    "GET /v1/webhooks/{id}/deliveries",
                    Map.of(400, "invalid-option: bad cursor or limit", 404, WEBHOOK_NOT_FOUND)),
            entry(
                    "POST /admin/v1/tenants/{tenant}/keys",
                    Map.of(400, "invalid-option: not a tenant id", 401, WRONG_ADMIN_KEY)),
            entry("GET /admin/v1/tenants/{tenant}/keys", Map.of(401, WRONG_ADMIN_KEY)),
            entry("DELETE /admin/v1/tenants/{tenant}/keys/{id}", Map.of(404, "api-key-not-found")));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        BY_OPERATION.forEach((name, problems) -> {
            Operation operation = operation(openAPI, name)
                    .orElseThrow(() -> new IllegalStateException(
                            "the OpenAPI document has no operation " + name + " to add problem responses to"));
            // In status order, after the success responses the methods' annotations gave.
            new TreeMap<>(problems)
                    .forEach((status, description) -> operation
                            .getResponses()
                            .addAPIResponse(
                                    status.toString(),
                                    OASFactory.createAPIResponse()
                                            .description(description)
                                            .content(problemContent())));
        });
    }

    private static Optional<Operation> operation(OpenAPI openAPI, String name) {
        String[] methodAndPath = name.split(" ", 2);
        return Optional.ofNullable(openAPI.getPaths())
                .map(paths -> paths.getPathItem(methodAndPath[1]))
                .map(PathItem::getOperations)
                .map(operations -> operations.get(PathItem.HttpMethod.valueOf(methodAndPath[0])));
    }

    private static Content problemContent() {
        return OASFactory.createContent()
                .addMediaType(
                        Problem.MEDIA_TYPE,
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref("Problem")));
    }
}
