/**
 * Events on Kafka: CloudEvents encoding of the contracts' events, the publisher that waits for the broker's
 * acknowledgement, the shared client settings, and the trace context that travels in the record headers.
 */
package dev.atelier.platform.events;
