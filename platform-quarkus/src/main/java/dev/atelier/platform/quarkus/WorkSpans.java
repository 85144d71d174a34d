package dev.atelier.platform.quarkus;

import dev.atelier.platform.events.TraceContext;
import dev.atelier.platform.logging.LogFields;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.smallrye.reactive.messaging.TracingMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Starts the span of the work a Kafka message asks for (a job, a training) as a child of the messaging connector's
 * receive span, so the work joins the trace of the HTTP request that submitted it, and puts the trace id in the MDC
 * for every log line written meanwhile ({@link LogFields#TRACE}).
 */
@ApplicationScoped
public class WorkSpans {
    private final Tracer tracer;

    public WorkSpans(Tracer tracer) {
        this.tracer = tracer;
    }

    /**
     * Starts the span named {@code name} (a low-cardinality name: what is done, not to what) with the given
     * attributes (the ids); close the returned work.
     */
    public Work start(String name, Message<?> message, Map<String, String> attributes) {
        TraceContext received = received(message);
        Span span = received.startSpan(tracer, name);
        attributes.forEach(span::setAttribute);
        TraceContext trace = received.with(span);
        Scope scope = trace.makeCurrent();
        return new Work(span, trace, scope, LogFields.put(LogFields.TRACE, trace.traceId()));
    }

    /**
     * The trace a message arrived in: the messaging connector's receive span (a child of the sender's), or the
     * calling thread's context when the channel does not trace.
     */
    public static TraceContext received(Message<?> message) {
        return TraceContext.of(TracingMetadata.fromMessage(message)
                .map(TracingMetadata::getCurrentContext)
                .orElseGet(Context::current));
    }

    /** A started span, current on the thread that started it until closed. */
    public static final class Work implements AutoCloseable {
        private final Span span;
        private final TraceContext trace;
        private final Scope scope;
        private final LogFields.Scope log;

        private Work(Span span, TraceContext trace, Scope scope, LogFields.Scope log) {
            this.span = span;
            this.trace = trace;
            this.scope = scope;
            this.log = log;
        }

        /** The context to hand to other threads and to parent the work's outgoing events. */
        public TraceContext trace() {
            return trace;
        }

        /** Marks the span as failed, with the reason a client reads. */
        public void failed(String reason) {
            span.setStatus(StatusCode.ERROR, reason);
        }

        @Override
        public void close() {
            log.close();
            scope.close();
            span.end();
        }
    }
}
