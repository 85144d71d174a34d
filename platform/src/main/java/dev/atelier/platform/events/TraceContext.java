package dev.atelier.platform.events;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The OpenTelemetry context a job's or a training's work runs in, handed from step to step where the work changes
 * threads. Within a service it parents spans and outgoing messages; across Kafka it travels as the W3C
 * {@code traceparent} header, written by the messaging connector's tracing or, for the plain producer of
 * {@link EventPublisher}, by {@link #writeTo}. Parsing and formatting are OpenTelemetry's propagator.
 */
public final class TraceContext {
    public static final String HEADER = "traceparent";

    private static final W3CTraceContextPropagator PROPAGATOR = W3CTraceContextPropagator.getInstance();
    private static final TraceContext NONE = new TraceContext(Context.root());

    private final Context context;

    private TraceContext(Context context) {
        this.context = context;
    }

    /** The context of the calling thread (an HTTP request's server span, say). */
    public static TraceContext current() {
        return new TraceContext(Context.current());
    }

    public static TraceContext of(Context context) {
        return new TraceContext(context);
    }

    /** No trace: events sent with it carry no {@code traceparent} (a model publication belongs to no job). */
    public static TraceContext none() {
        return NONE;
    }

    /** The trace found in Kafka headers (a record sent by a plain producer), or none. */
    public static TraceContext continueFrom(Headers headers) {
        if (headers == null) {
            return NONE;
        }
        return new TraceContext(PROPAGATOR.extract(Context.root(), headers, HeadersGetter.INSTANCE));
    }

    /** The trace of a W3C {@code traceparent} value (a client's, say), or none when it is malformed. */
    public static TraceContext parse(String traceparent) {
        return new TraceContext(PROPAGATOR.extract(Context.root(), traceparent, ValueGetter.INSTANCE));
    }

    /** Starts a span of this service as a child of this context; the caller ends it. */
    public Span startSpan(Tracer tracer, String name) {
        return tracer.spanBuilder(name).setParent(context).startSpan();
    }

    /** This context with the span in it (the one {@link #startSpan} gave). */
    public TraceContext with(Span span) {
        return new TraceContext(context.with(span));
    }

    public Context context() {
        return context;
    }

    /** The trace id (32 hex digits), or an empty string when there is no trace. */
    public String traceId() {
        SpanContext span = Span.fromContext(context).getSpanContext();
        return span.isValid() ? span.getTraceId() : "";
    }

    public Scope makeCurrent() {
        return context.makeCurrent();
    }

    /** Writes (replaces) the {@code traceparent} header; writes nothing when there is no trace. */
    public void writeTo(Headers headers) {
        headers.remove(HEADER);
        PROPAGATOR.inject(context, headers, (carrier, key, value) -> {
            if (HEADER.equals(key)) {
                carrier.add(key, value.getBytes(StandardCharsets.UTF_8));
            }
        });
    }

    /** Reads a bare {@code traceparent} value as the only header there is. */
    private enum ValueGetter implements TextMapGetter<String> {
        INSTANCE;

        @Override
        public Iterable<String> keys(String carrier) {
            return List.of(HEADER);
        }

        @Override
        public String get(String carrier, String key) {
            return HEADER.equals(key) ? carrier : null;
        }
    }

    private enum HeadersGetter implements TextMapGetter<Headers> {
        INSTANCE;

        @Override
        public Iterable<String> keys(Headers carrier) {
            List<String> keys = new ArrayList<>();
            carrier.forEach(header -> keys.add(header.key()));
            return keys;
        }

        @Override
        public String get(Headers carrier, String key) {
            Header header = carrier == null ? null : carrier.lastHeader(key);
            return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    }
}
