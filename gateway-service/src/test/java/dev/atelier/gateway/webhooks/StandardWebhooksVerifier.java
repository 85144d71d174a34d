package dev.atelier.gateway.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Verifies deliveries with the Standard Webhooks reference library for JavaScript (npm {@code standardwebhooks},
 * run by Node from {@code src/test/node}), so that the gateway's signatures are checked by code that is not its
 * own. Without Node or the package the test is skipped, saying so; CI installs both and sets
 * {@code atelier.web.required}, so there it cannot skip.
 */
final class StandardWebhooksVerifier {
    private static final Path NODE_DIR = Path.of("src/test/node").toAbsolutePath();

    record Signed(String secret, WebhookReceiver.Received request) {}

    private StandardWebhooksVerifier() {}

    /** @return per delivery, in order: whether the reference library accepted it */
    static List<Boolean> verify(List<Signed> deliveries) throws Exception {
        boolean ready = Files.isDirectory(NODE_DIR.resolve("node_modules/standardwebhooks"));
        String why = "needs node and " + NODE_DIR.resolve("node_modules/standardwebhooks")
                + " (npm ci in gateway-service/src/test/node)";
        if (Boolean.getBoolean("atelier.web.required")) {
            assertThat(ready).as(why).isTrue();
        }
        assumeTrue(ready, "skipped: " + why);
        List<Map<String, Object>> input = new ArrayList<>();
        for (Signed signed : deliveries) {
            input.add(Map.of(
                    "secret",
                    signed.secret(),
                    "headers",
                    signed.request().headers(),
                    "body",
                    signed.request().body()));
        }
        ObjectMapper json = new ObjectMapper();
        Process node = new ProcessBuilder(
                        "node", NODE_DIR.resolve("verify-webhooks.mjs").toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        node.getOutputStream().write(json.writeValueAsBytes(input));
        node.getOutputStream().close();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(60, TimeUnit.SECONDS)).as("node ended").isTrue();
        List<Boolean> verified = new ArrayList<>();
        for (JsonNode result : json.readTree(output)) {
            verified.add(result.path("verified").asBoolean());
        }
        assertThat(verified).as("one result per delivery: " + output).hasSize(deliveries.size());
        return verified;
    }
}
