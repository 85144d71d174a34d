package dev.atelier.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class TraceContextTest {
    private static final String INCOMING = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void continuesTheIncomingTraceWithASpanOfItsOwn() {
        TraceContext hop = TraceContext.continueFrom(INCOMING);

        assertThat(hop.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(hop.traceparent()).matches("00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-01")
                .isNotEqualTo(INCOMING);
    }

    @Test
    void startsANewTraceWhenTheIncomingOneIsMissingOrMalformed() {
        assertThat(TraceContext.continueFrom((String) null).traceparent()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        assertThat(TraceContext.continueFrom("00-zz-yy-01").traceId()).hasSize(32).isNotEqualTo("zz");
    }

    @Test
    void travelsThroughKafkaHeaders() {
        RecordHeaders headers = new RecordHeaders();
        TraceContext sent = TraceContext.newTrace();
        sent.writeTo(headers);
        sent.writeTo(headers);

        assertThat(headers.headers(TraceContext.HEADER)).hasSize(1);
        assertThat(new String(headers.lastHeader(TraceContext.HEADER).value(), StandardCharsets.UTF_8)).isEqualTo(sent.traceparent());
        assertThat(TraceContext.continueFrom(headers).traceId()).isEqualTo(sent.traceId());
    }
}
