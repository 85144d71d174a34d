package dev.atelier.gateway.problems;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atelier.contracts.Json;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemTest {

    @Test
    void writesTheStandardMembersThenTheExtensions() throws IOException {
        Problem problem = new ProblemException(ProblemType.UNKNOWN_STYLE, "no style 'kandy'")
                .with("availableStyles", List.of("candy"))
                .toProblem("/v1/jobs");

        JsonNode json = Json.mapper().readTree(problem.toJson());

        assertThat(json.get("type").asText()).isEqualTo("urn:atelier:problem:unknown-style");
        assertThat(json.get("title").asText()).isEqualTo("Unknown style");
        assertThat(json.get("status").asInt()).isEqualTo(422);
        assertThat(json.get("detail").asText()).isEqualTo("no style 'kandy'");
        assertThat(json.get("instance").asText()).isEqualTo("/v1/jobs");
        assertThat(json.get("availableStyles").get(0).asText()).isEqualTo("candy");
        assertThat(json.has("extensions")).isFalse();
    }

    @Test
    void extensionsCannotOverrideStandardMembers() throws IOException {
        Problem problem = new ProblemException(ProblemType.JOB_NOT_FOUND, "gone")
                .with("status", 200)
                .toProblem("/x");
        assertThat(Json.mapper().readTree(problem.toJson()).get("status").asInt())
                .isEqualTo(404);
    }

    @Test
    void everyTypeHasItsOwnStableUrn() {
        assertThat(Arrays.stream(ProblemType.values()).map(ProblemType::uri).distinct())
                .hasSize(ProblemType.values().length)
                .allMatch(uri -> uri.matches("urn:atelier:problem:[a-z-]+"));
    }

    @Test
    void mapsFrameworkStatusesToTypes() {
        assertThat(ProblemType.forHttpStatus(404)).isEqualTo(ProblemType.NOT_FOUND);
        assertThat(ProblemType.forHttpStatus(415)).isEqualTo(ProblemType.UNSUPPORTED_REQUEST_FORMAT);
        assertThat(ProblemType.forHttpStatus(400)).isEqualTo(ProblemType.BAD_REQUEST);
        assertThat(ProblemType.forHttpStatus(502)).isEqualTo(ProblemType.INTERNAL_ERROR);
    }
}
