package dev.atelier.gateway.webhooks;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atelier.contracts.jobs.JobIds;
import dev.atelier.contracts.jobs.JobStatus;
import dev.atelier.contracts.storage.StorageKeys;
import dev.atelier.gateway.Catalogs;
import dev.atelier.gateway.FakeWorker;
import dev.atelier.gateway.TestImages;
import dev.atelier.gateway.TestTenants;
import dev.atelier.local.LocalStackTestResource;
import dev.atelier.platform.storage.ObjectStore;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Webhooks end to end against a real broker, a real S3 server and a local HTTP receiver: jobs run by a fake
 * worker make events, the gateway fans them out, signs and retries them, and lists what happened; the
 * signatures are checked by the Standard Webhooks reference library under Node. The receiver's host name,
 * {@code localhost}, is the only exemption from the address rules, and plain http is allowed for it.
 */
@QuarkusTest
@TestProfile(WebhookDeliveryIT.Profile.class)
@QuarkusTestResource(value = LocalStackTestResource.class, restrictToAnnotatedClass = false)
class WebhookDeliveryIT {
    static final Duration FIRST_BACKOFF = Duration.ofMillis(400);
    static final Duration GIVE_UP_AFTER = Duration.ofSeconds(5);
    static final Duration WAIT = Duration.ofSeconds(40);
    static WebhookReceiver receiver;

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "atelier.gateway.webhooks.allow-http", "true",
                    "atelier.gateway.webhooks.allowed-hosts", "localhost",
                    "atelier.gateway.webhooks.poll", "200ms",
                    "atelier.gateway.webhooks.timeout", "3s",
                    "atelier.gateway.webhooks.first-backoff", FIRST_BACKOFF.toMillis() + "ms",
                    "atelier.gateway.webhooks.max-backoff", "1s",
                    "atelier.gateway.webhooks.give-up-after", GIVE_UP_AFTER.toSeconds() + "s");
        }
    }

    @Inject
    ObjectStore store;

    @Inject
    WebhookStore webhooks;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private FakeWorker worker;
    private String tenant;
    private String key;

    @BeforeAll
    static void startReceiver() throws Exception {
        receiver = new WebhookReceiver();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @BeforeEach
    void freshTenant() {
        Catalogs.ensureCandy(store, bootstrapServers);
        RestAssured.requestSpecification = null;
        tenant = "hooks-" + UUID.randomUUID().toString().substring(0, 8);
        key = TestTenants.issue(store, tenant);
        worker = new FakeWorker(store, bootstrapServers);
    }

    @AfterEach
    void closeWorker() {
        worker.close();
    }

    @Test
    void deliveriesAreSignedRetriedWithBackoffAndListedWithTheirOutcomes() throws Exception {
        String path = "/" + tenant + "/flaky";
        receiver.script(path, 503, 500, 204);
        JsonPath endpoint = api().contentType("application/json")
                .body(Map.of("url", receiver.url(path), "eventTypes", List.of("job.succeeded"), "description", "flaky"))
                .post("/v1/webhooks")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        String endpointId = endpoint.getString("id");
        String secret = endpoint.getString("secret");
        assertThat(secret).startsWith("whsec_");
        api().get("/v1/webhooks")
                .then()
                .statusCode(200)
                .body("endpoints.id", hasItem(endpointId))
                .body("endpoints.find { it.id == '" + endpointId + "' }.secret", nullValue());
        assertThat(api().get("/v1/webhooks").asString()).doesNotContain(secret);
        String callbackSecret = api().get("/v1/webhooks/callbacks/secret")
                .then()
                .statusCode(200)
                .extract()
                .path("secret");
        String callbackPath = "/" + tenant + "/callback";

        String jobId = submit(callbackPath);
        worker.run(tenant, jobId, JobStatus.SUCCEEDED);

        JsonPath delivered = awaitDelivery(endpointId, "SUCCEEDED");
        assertThat(delivered.getList("deliveries[0].attempts.statusCode")).containsExactly(503, 500, 204);
        assertThat(delivered.getString("deliveries[0].attempts[0].error")).contains("503");
        assertThat(delivered.getString("deliveries[0].attempts[2].error")).isNull();
        assertThat(delivered.getString("deliveries[0].jobId")).isEqualTo(jobId);
        assertThat(delivered.getString("deliveries[0].eventType")).isEqualTo("job.succeeded");
        assertThat(delivered.getString("deliveries[0].nextAttemptAt")).isNull();
        JsonPath callback = awaitDelivery("callbacks", "SUCCEEDED");
        assertThat(callback.getList("deliveries[0].attempts.statusCode")).containsExactly(204);

        List<WebhookReceiver.Received> attempts = receiver.at(path);
        assertThat(attempts).hasSize(3);
        assertThat(attempts)
                .extracting(r -> r.headers().get("webhook-id"))
                .containsOnly(delivered.getString("deliveries[0].id"));
        assertThat(attempts)
                .extracting(WebhookReceiver.Received::body)
                .containsOnly(attempts.get(0).body());
        for (int i = 1; i < attempts.size(); i++) {
            // Equal jitter: at least half the backoff, which doubles after each attempt.
            Duration gap =
                    Duration.between(attempts.get(i - 1).at(), attempts.get(i).at());
            assertThat(gap)
                    .as("wait before retry " + i)
                    .isGreaterThanOrEqualTo(
                            FIRST_BACKOFF.multipliedBy(1L << (i - 1)).dividedBy(2));
        }
        JsonNode body = new ObjectMapper().readTree(attempts.get(0).body());
        assertThat(body.path("type").asText()).isEqualTo("job.succeeded");
        assertThat(body.path("data").path("id").asText()).isEqualTo(jobId);
        assertThat(body.path("data").path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(body.path("data").path("resultUrl").asText()).isEqualTo("/v1/jobs/" + jobId + "/result");
        WebhookReceiver.Received toCallback = receiver.at(callbackPath).get(0);
        assertThat(new ObjectMapper()
                        .readTree(toCallback.body())
                        .path("data")
                        .path("id")
                        .asText())
                .isEqualTo(jobId);

        List<StandardWebhooksVerifier.Signed> genuine = List.of(
                new StandardWebhooksVerifier.Signed(secret, attempts.get(0)),
                new StandardWebhooksVerifier.Signed(secret, attempts.get(1)),
                new StandardWebhooksVerifier.Signed(secret, attempts.get(2)),
                new StandardWebhooksVerifier.Signed(callbackSecret, toCallback));
        assertThat(StandardWebhooksVerifier.verify(genuine)).containsOnly(true);
        // The same check refuses a body changed in transit and the right body under another endpoint's secret.
        WebhookReceiver.Received tampered = new WebhookReceiver.Received(
                path,
                attempts.get(0).headers(),
                attempts.get(0).body().replace("SUCCEEDED", "FAILED"),
                attempts.get(0).at());
        assertThat(StandardWebhooksVerifier.verify(List.of(
                        new StandardWebhooksVerifier.Signed(secret, tampered),
                        new StandardWebhooksVerifier.Signed(callbackSecret, attempts.get(0)))))
                .containsOnly(false);
    }

    @Test
    void aDeliveryTheEndpointNeverAcceptsEndsFailedWhenTheRetryPeriodEnds() {
        String path = "/" + tenant + "/down";
        receiver.script(path, 500);
        String endpointId = register(path, "job.failed");

        String jobId = submit(null);
        worker.run(tenant, jobId, JobStatus.FAILED);

        JsonPath failed = awaitDelivery(endpointId, "FAILED");
        List<Integer> statuses = failed.getList("deliveries[0].attempts.statusCode");
        assertThat(statuses).hasSizeGreaterThanOrEqualTo(3).containsOnly(500);
        assertThat(failed.getString("deliveries[0].nextAttemptAt")).isNull();
        Instant created = Instant.parse(failed.getString("deliveries[0].createdAt"));
        Instant last = Instant.parse(failed.getString("deliveries[0].attempts[" + (statuses.size() - 1) + "].at"));
        assertThat(last)
                .as("the last attempt is made when the retry period ends, not after")
                .isBetween(
                        created.plus(GIVE_UP_AFTER).minusMillis(1100),
                        created.plus(GIVE_UP_AFTER).plusSeconds(3));
        assertThat(receiver.at(path)).hasSize(statuses.size());
    }

    @Test
    void aDeliveryThatAStoppedGatewayLeftDueIsMadeByThisOne() {
        String path = "/" + tenant + "/later";
        String endpointId = register(path, "job.succeeded");
        // What a replica that stopped before its attempt leaves in S3: the delivery and its due marker.
        String id = JobIds.newId();
        String payload =
                "{\"type\":\"job.succeeded\",\"timestamp\":\"2026-11-23T10:00:00Z\",\"data\":{\"id\":\"" + id + "\"}}";
        WebhookDelivery left = WebhookDelivery.pending(
                id,
                tenant,
                endpointId,
                receiver.url(path),
                "job.succeeded",
                id,
                payload,
                Instant.now().minusSeconds(2));
        webhooks.save(left);
        webhooks.due(left, left.nextAttemptAt());

        awaitDelivery(endpointId, "SUCCEEDED");
        assertThat(receiver.at(path)).hasSize(1).first().satisfies(r -> {
            assertThat(r.body()).isEqualTo(payload);
            assertThat(r.headers().get("webhook-id")).isEqualTo(id);
        });
    }

    @Test
    void anEndpointHearsOnlyTheEventTypesItChose() {
        String startedPath = "/" + tenant + "/started";
        String startedId = register(startedPath, "job.started");
        String succeededId = register("/" + tenant + "/succeeded", "job.succeeded");
        String cancelledId = register("/" + tenant + "/cancelled", "job.cancelled");

        String jobId = submit(null);
        worker.run(tenant, jobId, JobStatus.SUCCEEDED);

        JsonPath started = awaitDelivery(startedId, "SUCCEEDED");
        awaitDelivery(succeededId, "SUCCEEDED"); // the job's last event was fanned out: nothing more is coming
        assertThat(started.getString("deliveries[0].eventType")).isEqualTo("job.started");
        assertThat(receiver.at(startedPath)).hasSize(1);
        assertThat(receiver.at(startedPath).get(0).body()).contains("\"status\":\"RUNNING\"");
        api().get("/v1/webhooks/" + cancelledId + "/deliveries")
                .then()
                .statusCode(200)
                .body("deliveries.size()", equalTo(0));
    }

    @Test
    void anEventWhoseDeliveriesCannotBeMadeIsGivenUpAndCountedAndTheNextIsDelivered() {
        String startedId = register("/" + tenant + "/started", "job.started");
        // A record without a status (written by a broken tool, say): announcing it fails the same way on every try.
        String broken = submit(null);
        Map<String, Object> record = new HashMap<>(
                store.getJson(StorageKeys.job(tenant, broken), Map.class).orElseThrow());
        record.remove("status");
        store.putJson(StorageKeys.job(tenant, broken), record);
        double before = fanOutFailures();
        worker.announceStarted(tenant, broken);

        await().atMost(WAIT).until(() -> fanOutFailures() > before);
        String jobId = submit(null);
        worker.run(tenant, jobId, JobStatus.SUCCEEDED);
        JsonPath started = awaitDelivery(startedId, "SUCCEEDED");
        assertThat(started.getList("deliveries.jobId")).containsExactly(jobId);
    }

    private static double fanOutFailures() {
        String metrics =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines()
                .filter(line -> line.startsWith("atelier_webhooks_fanout_failures_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    @Test
    void urlsThatBreakTheSsrfRulesAreRefusedWhenGiven() {
        for (String url : List.of(
                "http://127.0.0.1:" + receiver.port() + "/hook",
                "http://169.254.169.254/latest/meta-data",
                "http://10.1.2.3/hook",
                "ftp://localhost/hook",
                "http://user:secret@localhost:" + receiver.port() + "/hook",
                "not a url")) {
            api().contentType("application/json")
                    .body(Map.of("url", url, "eventTypes", List.of("job.succeeded")))
                    .post("/v1/webhooks")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:atelier:problem:webhook-url-not-allowed"))
                    .body("field", equalTo("url"));
        }
        api().contentType("application/json")
                .body(Map.of("url", receiver.url("/x"), "eventTypes", List.of("job.exploded")))
                .post("/v1/webhooks")
                .then()
                .statusCode(400)
                .body("type", equalTo("urn:atelier:problem:invalid-option"))
                .body("field", equalTo("eventTypes"));
        api().multiPart("image", "a.jpg", TestImages.jpeg(32, 24), "image/jpeg")
                .multiPart("style", "candy")
                .multiPart("callbackUrl", "http://192.168.1.20/callback")
                .post("/v1/jobs")
                .then()
                .statusCode(400)
                .body("type", equalTo("urn:atelier:problem:webhook-url-not-allowed"))
                .body("field", equalTo("callbackUrl"));
        api().get("/v1/jobs")
                .then()
                .statusCode(200)
                .body("jobs.size()", equalTo(0)); // refused before anything was stored
        api().get("/v1/webhooks/ep_" + "0".repeat(32))
                .then()
                .statusCode(404)
                .body("type", equalTo("urn:atelier:problem:webhook-not-found"));
    }

    private String register(String path, String eventType) {
        return api().contentType("application/json")
                .body(Map.of("url", receiver.url(path), "eventTypes", List.of(eventType)))
                .post("/v1/webhooks")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private String submit(String callbackPath) {
        RequestSpecification form = api().multiPart("image", "a.jpg", TestImages.jpeg(32, 24), "image/jpeg")
                .multiPart("style", "candy");
        if (callbackPath != null) {
            form.multiPart("callbackUrl", receiver.url(callbackPath));
        }
        return form.post("/v1/jobs").then().statusCode(202).extract().path("id");
    }

    private JsonPath awaitDelivery(String endpointId, String status) {
        return await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(300))
                .until(
                        () -> api().get("/v1/webhooks/" + endpointId + "/deliveries")
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath(),
                        page -> status.equals(page.getString("deliveries[0].status")));
    }

    private RequestSpecification api() {
        return given().header("Authorization", TestTenants.bearer(key));
    }
}
