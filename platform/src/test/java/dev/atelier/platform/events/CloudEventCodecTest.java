package dev.atelier.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.contracts.events.EventTypes;
import dev.atelier.contracts.events.JobFailed;
import dev.atelier.contracts.jobs.JobError;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.cloudevents.kafka.CloudEventSerializer;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class CloudEventCodecTest {
    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    private final CloudEventCodec codec =
            new CloudEventCodec(URI.create("/atelier/test"), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void writesBinaryModeHeadersThroughTheSdkSerializer() {
        JobFailed event =
                new JobFailed("job-1", "acme", "candy", new JobError("input.undecodable", "not an image"), 2, NOW);
        RecordHeaders headers = new RecordHeaders();

        byte[] value;
        try (CloudEventSerializer serializer = new CloudEventSerializer()) {
            serializer.configure(Map.of(), false);
            value = serializer.serialize("topic", headers, codec.encode(event));
        }

        assertThat(header(headers, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(headers, "ce_type")).isEqualTo(EventTypes.JOB_FAILED);
        assertThat(header(headers, "ce_source")).isEqualTo("/atelier/test");
        assertThat(header(headers, "ce_subject")).isEqualTo("job-1");
        assertThat(header(headers, "ce_time")).startsWith("2026-11-23T08:00");
        assertThat(header(headers, "ce_id")).isNotBlank();
        try (CloudEventDeserializer deserializer = new CloudEventDeserializer()) {
            CloudEvent read = deserializer.deserialize("topic", headers, value);
            assertThat(CloudEventCodec.decode(read)).isEqualTo(event);
        }
    }

    @Test
    void refusesTypesItDoesNotKnow() {
        CloudEvent unknown = CloudEventBuilder.v1()
                .withId("1")
                .withType("com.example.other")
                .withSource(URI.create("/x"))
                .build();

        assertThatThrownBy(() -> CloudEventCodec.decode(unknown))
                .isInstanceOf(UnknownEventTypeException.class)
                .hasMessageContaining("com.example.other");
    }

    private static String header(RecordHeaders headers, String name) {
        return new String(headers.lastHeader(name).value(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
