package dev.atelier.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class TraceContextTest {
    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String PARENT = "00-" + TRACE + "-00f067aa0ba902b7-01";

    private static TraceContext aSpan() {
        SpanContext span =
                SpanContext.create(TRACE, "00f067aa0ba902b7", TraceFlags.getSampled(), TraceState.getDefault());
        return TraceContext.of(Context.root().with(Span.wrap(span)));
    }

    @Test
    void travelsThroughKafkaHeadersAsOneTraceparent() {
        RecordHeaders headers = new RecordHeaders();
        aSpan().writeTo(headers);
        aSpan().writeTo(headers);

        assertThat(headers.headers(TraceContext.HEADER)).hasSize(1);
        assertThat(new String(headers.lastHeader(TraceContext.HEADER).value(), StandardCharsets.UTF_8))
                .isEqualTo(PARENT);
        assertThat(TraceContext.continueFrom(headers).traceId()).isEqualTo(TRACE);
    }

    @Test
    void noTraceWritesNoHeaderAndHasNoId() {
        RecordHeaders headers = new RecordHeaders();
        TraceContext.none().writeTo(headers);

        assertThat(headers.toArray()).isEmpty();
        assertThat(TraceContext.none().traceId()).isEmpty();
        assertThat(TraceContext.continueFrom(headers).traceId()).isEmpty();
        assertThat(TraceContext.continueFrom(null).traceId()).isEmpty();
    }

    @Test
    void parsesAClientsTraceparent() {
        assertThat(TraceContext.parse(PARENT).traceId()).isEqualTo(TRACE);
        assertThat(TraceContext.parse("00-zz-yy-01").traceId()).isEmpty();
    }

    @Test
    void aMalformedHeaderIsNoTrace() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(TraceContext.HEADER, "00-zz-yy-01".getBytes(StandardCharsets.UTF_8));

        assertThat(TraceContext.continueFrom(headers).traceId()).isEmpty();
    }
}
