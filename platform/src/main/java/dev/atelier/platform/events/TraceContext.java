package dev.atelier.platform.events;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanId;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceId;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * W3C trace context ({@code traceparent}) carried from the HTTP request that submitted a job through
 * every event about it: each hop continues the trace with a span id of its own. Parsing and
 * formatting are OpenTelemetry's propagator; this class only picks the ids.
 */
public final class TraceContext {
    public static final String HEADER = "traceparent";

    private static final W3CTraceContextPropagator PROPAGATOR = W3CTraceContextPropagator.getInstance();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SpanContext span;

    private TraceContext(SpanContext span) {
        this.span = span;
    }

    /** A new trace. */
    public static TraceContext newTrace() {
        return new TraceContext(SpanContext.create(randomHex(16), randomHex(8), TraceFlags.getSampled(), TraceState.getDefault()));
    }

    /** Continues the trace of a {@code traceparent} value (from HTTP), or starts one if absent or malformed. */
    public static TraceContext continueFrom(String traceparent) {
        return parse(traceparent).map(TraceContext::child).orElseGet(TraceContext::newTrace);
    }

    /** Continues the trace found in Kafka headers, or starts one. */
    public static TraceContext continueFrom(Headers headers) {
        Header header = headers == null ? null : headers.lastHeader(HEADER);
        return continueFrom(header == null ? null : new String(header.value(), StandardCharsets.UTF_8));
    }

    private static Optional<SpanContext> parse(String traceparent) {
        if (traceparent == null || traceparent.isBlank()) {
            return Optional.empty();
        }
        Context context = PROPAGATOR.extract(Context.root(), Map.of(HEADER, traceparent), MapGetter.INSTANCE);
        SpanContext span = Span.fromContext(context).getSpanContext();
        return span.isValid() ? Optional.of(span) : Optional.empty();
    }

    private static TraceContext child(SpanContext parent) {
        return new TraceContext(SpanContext.create(parent.getTraceId(), randomHex(8), parent.getTraceFlags(), parent.getTraceState()));
    }

    public String traceId() {
        return span.getTraceId();
    }

    /** The {@code traceparent} header value of this hop. */
    public String traceparent() {
        StringBuilder value = new StringBuilder();
        PROPAGATOR.inject(Context.root().with(Span.wrap(span)), value, (carrier, key, v) -> {
            if (HEADER.equals(key)) {
                carrier.append(v);
            }
        });
        return value.toString();
    }

    /** Writes (replaces) the {@code traceparent} header. */
    public void writeTo(Headers headers) {
        headers.remove(HEADER);
        headers.add(HEADER, traceparent().getBytes(StandardCharsets.UTF_8));
    }

    private static String randomHex(int bytes) {
        while (true) {
            byte[] id = new byte[bytes];
            RANDOM.nextBytes(id);
            String hex = HexFormat.of().formatHex(id);
            boolean valid = bytes == 16 ? TraceId.isValid(hex) : SpanId.isValid(hex);
            if (valid) {
                return hex;
            }
        }
    }

    private enum MapGetter implements TextMapGetter<Map<String, String>> {
        INSTANCE;

        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return List.copyOf(carrier.keySet());
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    }
}
