package dev.atelier.platform.events;

import dev.atelier.contracts.AtelierEvent;
import dev.atelier.contracts.Json;
import dev.atelier.contracts.events.EventTypes;
import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Wraps Atelier's event records in CloudEvents (id, type, source, subject, time; JSON data) and
 * unwraps them. On Kafka the CloudEvents SDK's serializer writes them in binary mode: the
 * attributes become {@code ce_*} headers and the record's JSON is the value.
 */
public final class CloudEventCodec {
    public static final String JSON = "application/json";

    private final URI source;
    private final Clock clock;

    /** @param source who emits, e.g. {@code /atelier/gateway} */
    public CloudEventCodec(URI source, Clock clock) {
        this.source = source;
        this.clock = clock;
    }

    public CloudEventCodec(String source) {
        this(URI.create(source), Clock.systemUTC());
    }

    /** The CloudEvents extension attribute naming the tenant (Kafka header {@code ce_tenant}). */
    public static final String TENANT_EXTENSION = "tenant";

    public CloudEvent encode(AtelierEvent event) {
        CloudEventBuilder builder = CloudEventBuilder.v1();
        if (event.tenant() != null) {
            builder.withExtension(TENANT_EXTENSION, event.tenant());
        }
        return builder.withId(UUID.randomUUID().toString())
                .withType(event.eventType())
                .withSource(source)
                .withSubject(event.subject())
                .withTime(OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .withDataContentType(JSON)
                .withData(Json.toBytes(event))
                .build();
    }

    /**
     * The record inside a CloudEvent, typed by its {@code ce_type}.
     *
     * @throws UnknownEventTypeException for a type this version does not know (a newer producer's)
     * @throws IllegalArgumentException when the event has no data or the data is not the record's JSON
     */
    public static AtelierEvent decode(CloudEvent event) {
        Class<? extends AtelierEvent> type = EventTypes.recordFor(event.getType());
        if (type == null) {
            throw new UnknownEventTypeException(event.getType());
        }
        return decode(event, type);
    }

    /** The record inside a CloudEvent that must be of the given type. */
    public static <T extends AtelierEvent> T decode(CloudEvent event, Class<T> type) {
        CloudEventData data = event.getData();
        if (data == null) {
            throw new IllegalArgumentException(
                    "CloudEvent " + event.getId() + " of type " + event.getType() + " has no data");
        }
        try {
            return Json.fromBytes(data.toBytes(), type);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("CloudEvent " + event.getId() + ": " + e.getMessage(), e);
        }
    }
}
