package dev.atelier.gateway.problems;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request the gateway refuses for a known reason. Thrown anywhere below the resources and turned
 * into a problem document by {@link ProblemMappers}; cheap (no stack trace) since it is expected.
 */
public class ProblemException extends RuntimeException {
    private final ProblemType type;
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, null);
    }

    public ProblemException(ProblemType type, String detail, Throwable cause) {
        super(detail, cause, false, false);
        this.type = type;
    }

    /** {@code invalid-option} naming the request field at fault. */
    public static ProblemException invalidField(String field, String detail) {
        return new ProblemException(ProblemType.INVALID_OPTION, detail).with("field", field);
    }

    /** Adds an extension member (e.g. the limit that was exceeded); returns this for chaining. */
    public ProblemException with(String name, Object value) {
        extensions.put(name, value);
        return this;
    }

    public ProblemType type() {
        return type;
    }

    public Map<String, Object> extensions() {
        return Map.copyOf(extensions);
    }

    public Problem toProblem(String instance) {
        return Problem.of(type, type.status(), getMessage(), instance, extensions);
    }
}
