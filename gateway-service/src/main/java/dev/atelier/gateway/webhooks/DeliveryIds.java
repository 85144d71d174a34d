package dev.atelier.gateway.webhooks;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.UUID;

/**
 * Delivery ids are UUIDv7-shaped, so that an endpoint's deliveries list newest first like jobs, but derived
 * from the event and the endpoint instead of drawn at random: the same event read twice from Kafka (after a
 * crash before its offset was committed) makes the same delivery, not a second one.
 */
final class DeliveryIds {
    private DeliveryIds() {}

    static String of(Instant eventTime, String eventId, String endpointId) {
        byte[] hash;
        try {
            hash = MessageDigest.getInstance("SHA-256")
                    .digest((eventId + "\n" + endpointId).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
        ByteBuffer bits = ByteBuffer.wrap(hash);
        long millis = eventTime.toEpochMilli() & 0xFFFF_FFFF_FFFFL;
        long high = (millis << 16) | 0x7000L | (bits.getShort() & 0x0FFFL);
        long low = (bits.getLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
    }
}
