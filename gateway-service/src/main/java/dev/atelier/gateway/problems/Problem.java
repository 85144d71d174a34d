package dev.atelier.gateway.problems;

import dev.atelier.contracts.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem details document. Extension members (e.g. {@code availableStyles},
 * {@code maxBytes}) are written next to the standard ones.
 *
 * @param type stable URI of the problem type, {@code urn:atelier:problem:<slug>}
 * @param title short summary of the type
 * @param status the HTTP status
 * @param detail what went wrong with this request
 * @param instance the request path the problem occurred on
 * @param extensions extra members, written at the top level
 */
@Schema(name = "Problem", description = "RFC 9457 problem details; extension members may appear at the top level.")
public record Problem(
        @Schema(example = "urn:atelier:problem:unknown-style")
        String type,

        @Schema(example = "Unknown style") String title,
        @Schema(example = "422") int status,

        @Schema(example = "no style 'kandy'; available: [candy]")
        String detail,

        @Schema(example = "/v1/jobs") String instance,
        @Schema(hidden = true) Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    public static Problem of(
            ProblemType type, int status, String detail, String instance, Map<String, Object> extensions) {
        return new Problem(type.uri(), type.title(), status, detail, instance, extensions);
    }

    /** The JSON document: standard members first, then the extensions. */
    public byte[] toJson() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", instance);
        extensions.forEach(body::putIfAbsent);
        return Json.toBytes(body);
    }
}
