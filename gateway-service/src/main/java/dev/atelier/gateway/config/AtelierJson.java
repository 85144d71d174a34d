package dev.atelier.gateway.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atelier.contracts.Json;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/** Makes the REST layer write JSON the way the records are stored: ISO instants, no nulls. */
@Singleton
public class AtelierJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        Json.configure(mapper);
    }
}
