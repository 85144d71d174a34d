package dev.atelier.gateway.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.atelier.contracts.Topics;
import dev.atelier.contracts.events.JobStarted;
import dev.atelier.contracts.jobs.JobIds;
import dev.atelier.contracts.jobs.JobRecord;
import dev.atelier.contracts.jobs.JobStatus;
import dev.atelier.contracts.storage.StorageKeys;
import dev.atelier.gateway.Catalogs;
import dev.atelier.gateway.FakeWorker;
import dev.atelier.gateway.TestImages;
import dev.atelier.gateway.TestTenants;
import dev.atelier.gateway.events.JobEventsFeed;
import dev.atelier.local.LocalStackTestResource;
import dev.atelier.platform.events.CloudEventCodec;
import dev.atelier.platform.events.EventPublisher;
import dev.atelier.platform.events.KafkaSettings;
import dev.atelier.platform.events.TraceContext;
import dev.atelier.platform.storage.ObjectStore;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Server-Sent Events and the synchronous call, with this test playing the worker: it writes the job record
 * and publishes the worker's events on the real broker, as an inference worker would.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, restrictToAnnotatedClass = false)
class JobStreamingIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    ObjectStore store;

    @Inject
    JobEventsFeed feed;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @TestHTTPResource("/")
    URL base;

    private EventPublisher events;
    private String tenant;
    private String key;

    @BeforeEach
    void freshTenant() {
        Catalogs.ensureCandy(store, bootstrapServers);
        RestAssured.requestSpecification = null;
        tenant = "stream-" + UUID.randomUUID().toString().substring(0, 8);
        key = TestTenants.issue(store, tenant);
        events = new EventPublisher(new KafkaSettings(bootstrapServers), new CloudEventCodec("/atelier/test-worker"));
    }

    @AfterEach
    void close() {
        events.close();
    }

    @Test
    void theFeedHearsEventsAboutAWatchedJobFromTheBroker() {
        String id = JobIds.newId();
        AtomicInteger heard = new AtomicInteger();
        Runnable unwatch = feed.watch(id, heard::incrementAndGet);
        try {
            // The feed's consumer starts at the latest offset: publish until one lands after it joined.
            await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
                events.publish(
                        Topics.STYLIZE_EVENTS,
                        new JobStarted(id, tenant, "candy", 1, "cpu", 1, Instant.now()),
                        TraceContext.none());
                return heard.get() > 0;
            });
        } finally {
            unwatch.run();
        }
    }

    @Test
    void theEventStreamSendsEachStateOnceAndEndsAfterTheFinalOne() throws Exception {
        String id = submit();
        CompletableFuture<HttpResponse<java.util.stream.Stream<String>>> stream = openStream(id, null);
        HttpResponse<java.util.stream.Stream<String>> response = stream.get(30, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        List<String> received = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> ended =
                CompletableFuture.runAsync(() -> response.body().forEach(received::add));
        // The stream starts with the state its first read finds: act only once it has shown QUEUED.
        await().atMost(WAIT).until(() -> received.contains("event:queued"));

        actAsWorker(id, JobStatus.SUCCEEDED);

        ended.get(60, TimeUnit.SECONDS); // the stream ended by itself
        assertThat(ids(received)).containsExactly("1.0", "2.1", "3.1");
        assertThat(names(received)).containsExactly("queued", "running", "succeeded");
        assertThat(String.join("\n", received)).contains("\"resultUrl\":\"/v1/jobs/" + id + "/result\"");

        // A client that saw RUNNING and lost the connection gets only what came after.
        List<String> resumed =
                openStream(id, "2.1").get(30, TimeUnit.SECONDS).body().toList();
        assertThat(names(resumed)).containsExactly("succeeded");
    }

    @Test
    void anotherTenantsOrAnUnknownJobsStreamIs404() {
        String id = submit();
        String other = TestTenants.issue(store, "stream-other");
        given().header("Authorization", TestTenants.bearer(other))
                .get("/v1/jobs/" + id + "/events")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:atelier:problem:job-not-found"));
        api().get("/v1/jobs/" + JobIds.newId() + "/events").then().statusCode(404);
    }

    @Test
    void theSynchronousCallAnswersWithTheImageWhenTheJobFinishesInTime() throws Exception {
        CompletableFuture<Void> worker =
                CompletableFuture.runAsync(() -> actAsWorker(awaitNewJob(), JobStatus.SUCCEEDED));

        io.restassured.response.Response response =
                form().queryParam("wait", 25).post("/v1/stylize");
        worker.get(30, TimeUnit.SECONDS);

        response.then().statusCode(200).contentType("image/png");
        String id = response.header("Atelier-Job-Id");
        assertThat(response.header("Content-Location")).isEqualTo("/v1/jobs/" + id + "/result");
        assertThat(response.asByteArray()).isEqualTo(OUTPUT);
    }

    @Test
    void theSynchronousCallAnswers202WithTheJobWhenTheWaitRunsOut() {
        String id = form().queryParam("wait", 1)
                .post("/v1/stylize")
                .then()
                .statusCode(202)
                .body("status", equalTo("QUEUED"))
                .extract()
                .path("id");
        api().get("/v1/jobs/" + id).then().statusCode(200);
        form().queryParam("wait", 3600)
                .post("/v1/stylize")
                .then()
                .statusCode(400)
                .body("field", equalTo("wait"));
    }

    @Test
    void theSynchronousCallAnswersAFailedJobWithItsReason() throws Exception {
        CompletableFuture<Void> worker = CompletableFuture.runAsync(() -> actAsWorker(awaitNewJob(), JobStatus.FAILED));

        io.restassured.response.Response response =
                form().queryParam("wait", 25).post("/v1/stylize");
        worker.get(30, TimeUnit.SECONDS);

        response.then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:atelier:problem:job-failed"))
                .body("error.code", equalTo("input.undecodable"));
    }

    private static final byte[] OUTPUT = FakeWorker.OUTPUT;

    /** What an inference worker does: RUNNING (and JobStarted), then the final record (and its event). */
    private void actAsWorker(String id, JobStatus outcome) {
        try (FakeWorker worker = new FakeWorker(store, bootstrapServers)) {
            worker.run(tenant, id, outcome);
        }
    }

    private String awaitNewJob() {
        String prefix = StorageKeys.jobListingPrefix(tenant);
        return await().atMost(WAIT)
                .until(
                        () -> store.list(prefix).stream()
                                .map(k -> JobIds.newestFirst(k.substring(prefix.length())))
                                .filter(id -> store.getJson(StorageKeys.job(tenant, id), JobRecord.class)
                                        .isPresent())
                                .findFirst()
                                .orElse(null),
                        id -> id != null);
    }

    private CompletableFuture<HttpResponse<java.util.stream.Stream<String>>> openStream(String id, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "v1/jobs/" + id + "/events"))
                .header("Authorization", TestTenants.bearer(key))
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        return HttpClient.newHttpClient().sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines());
    }

    private static List<String> ids(List<String> lines) {
        return field(lines, "id:");
    }

    private static List<String> names(List<String> lines) {
        return field(lines, "event:");
    }

    private static List<String> field(List<String> lines, String prefix) {
        List<String> values = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith(prefix)) {
                values.add(line.substring(prefix.length()).trim());
            }
        }
        return values;
    }

    private String submit() {
        return form().post("/v1/jobs").then().statusCode(202).extract().path("id");
    }

    private RequestSpecification form() {
        return api().multiPart("image", "a.jpg", TestImages.jpeg(32, 24), "image/jpeg")
                .multiPart("style", "candy");
    }

    private RequestSpecification api() {
        return given().header("Authorization", TestTenants.bearer(key));
    }

    private JobRecord record(String id) {
        return store.getJson(StorageKeys.job(tenant, id), JobRecord.class).orElseThrow();
    }
}
