package dev.atelier.contracts;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An event record. Its JSON carries its versioned {@code type}, and on Kafka the same type is the
 * CloudEvents {@code ce_type}, so integrations can route without parsing the body.
 */
public interface AtelierEvent {

    /** The versioned event type, e.g. {@code atelier.stylize.job.requested.v1}. */
    @JsonProperty(value = "type", access = JsonProperty.Access.READ_ONLY)
    String eventType();

    /** What the event is about (job id, style id): the CloudEvents subject and the Kafka key. */
    String subject();

    /**
     * The tenant the event concerns, also sent as the CloudEvents extension {@code tenant} (Kafka header
     * {@code ce_tenant}) so that consumers can route by it without reading the data; null for events about
     * no one tenant (a model published for everyone). Records with a {@code tenant} component implement it.
     */
    default String tenant() {
        return null;
    }
}
