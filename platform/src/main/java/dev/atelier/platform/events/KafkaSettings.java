package dev.atelier.platform.events;

import java.util.HashMap;
import java.util.Map;

/**
 * Connection settings for plain Kafka clients (command-line tools, the catalog reader).
 *
 * @param bootstrapServers e.g. {@code 127.0.0.1:9092}
 * @param extra any other client properties (security, timeouts)
 */
public record KafkaSettings(String bootstrapServers, Map<String, String> extra) {
    public KafkaSettings {
        extra = Map.copyOf(extra == null ? Map.of() : extra);
    }

    public KafkaSettings(String bootstrapServers) {
        this(bootstrapServers, Map.of());
    }

    Map<String, Object> clientProperties() {
        Map<String, Object> properties = new HashMap<>(extra);
        properties.put("bootstrap.servers", bootstrapServers);
        return properties;
    }
}
