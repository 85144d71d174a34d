package dev.atelier.gateway.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.atelier.contracts.jobs.JobRecord;
import dev.atelier.contracts.jobs.JobStatus;
import dev.atelier.contracts.storage.StorageKeys;
import dev.atelier.gateway.Catalogs;
import dev.atelier.gateway.TestImages;
import dev.atelier.gateway.TestTenants;
import dev.atelier.local.LocalStackTestResource;
import dev.atelier.platform.storage.ObjectStore;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Listing, cancelling and deadlines, against the real S3 server and broker. No worker runs here, so a
 * submitted job stays QUEUED until a test writes its record on the worker's behalf. Each test has a
 * tenant of its own, so that listings hold only its jobs.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, restrictToAnnotatedClass = false)
class JobManagementIT {
    @Inject
    ObjectStore store;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private String key;
    private String tenant;

    @BeforeEach
    void freshTenant() {
        Catalogs.ensureCandy(store, bootstrapServers);
        RestAssured.requestSpecification = null;
        tenant = "list-" + UUID.randomUUID().toString().substring(0, 8);
        key = TestTenants.issue(store, tenant);
    }

    @Test
    void jobsAreListedNewestFirstACursorPageAtATime() {
        List<String> submitted = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            submitted.add(submit(null));
        }
        List<String> newestFirst = new ArrayList<>(submitted);
        java.util.Collections.reverse(newestFirst);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 3; page++) {
            RequestSpecification request = api().queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            io.restassured.response.Response response = request.get("/v1/jobs");
            response.then().statusCode(200);
            seen.addAll(response.jsonPath().getList("jobs.id"));
            cursor = response.jsonPath().getString("nextCursor");
            if (page < 2) {
                assertThat(cursor).as("page %d of 3 has a next", page + 1).isNotNull();
                assertThat(response.header("Link")).contains("cursor=" + cursor).contains("rel=\"next\"");
            }
        }
        assertThat(cursor).as("the last page has no next").isNull();
        assertThat(seen).containsExactlyElementsOf(newestFirst);
        api().get("/v1/jobs")
                .then()
                .statusCode(200)
                .body("jobs.size()", equalTo(5))
                .body("nextCursor", nullValue());
    }

    @Test
    void aStatusFilterSkipsOtherJobs() {
        String first = submit(null);
        String second = submit(null);
        String third = submit(null);
        finishOnTheWorkersBehalf(second);

        api().queryParam("status", "succeeded")
                .get("/v1/jobs")
                .then()
                .statusCode(200)
                .body("jobs.id", equalTo(List.of(second)));
        api().queryParam("status", "QUEUED")
                .get("/v1/jobs")
                .then()
                .statusCode(200)
                .body("jobs.id", equalTo(List.of(third, first)));
        api().queryParam("status", "QUEUED")
                .queryParam("limit", 1)
                .get("/v1/jobs")
                .then()
                .statusCode(200)
                .body("jobs.id", equalTo(List.of(third)))
                .body("nextCursor", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void badListingParametersAre400ProblemsNamingTheField() {
        for (String[] bad :
                new String[][] {{"limit", "0"}, {"limit", "101"}, {"status", "DONE"}, {"cursor", "not-ours"}}) {
            api().queryParam(bad[0], bad[1])
                    .get("/v1/jobs")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:atelier:problem:invalid-option"))
                    .body("field", equalTo(bad[0]));
        }
    }

    @Test
    void aQueuedJobIsCancelledOnceAndTheWorkerIsToldWhy() {
        String id = submit(null);

        api().delete("/v1/jobs/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("finishedAt", org.hamcrest.Matchers.notNullValue());
        assertThat(record(id).status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(store.exists(StorageKeys.jobCancellation(tenant, id)))
                .as("left for a worker that already read QUEUED")
                .isTrue();
        api().delete("/v1/jobs/" + id).then().statusCode(200).body("status", equalTo("CANCELLED"));
        api().get("/v1/jobs/" + id + "/result")
                .then()
                .statusCode(410)
                .body("type", equalTo("urn:atelier:problem:job-gone"));
    }

    @Test
    void aRunningOrFinishedJobCannotBeCancelled() {
        String running = submit(null);
        store.putJson(StorageKeys.job(tenant, running), record(running).running(1, "cpu", Instant.now()));
        String done = submit(null);
        finishOnTheWorkersBehalf(done);

        for (String id : List.of(running, done)) {
            api().delete("/v1/jobs/" + id)
                    .then()
                    .statusCode(409)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:atelier:problem:job-not-cancellable"))
                    .body("jobId", equalTo(id));
            assertThat(store.exists(StorageKeys.jobCancellation(tenant, id)))
                    .as("withdrawn or never written")
                    .isFalse();
        }
        assertThat(record(running).status()).isEqualTo(JobStatus.RUNNING);
        api().delete("/v1/jobs/0190a5b2-7c1e-7d3f-8a2b-1c2d3e4f5a6b")
                .then()
                .statusCode(404)
                .body("type", equalTo("urn:atelier:problem:job-not-found"));
    }

    @Test
    void aDeadlineIsKeptOnTheJobAndOneInThePastIsRefused() {
        Instant deadline = Instant.now().plus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        String id = submit(deadline.toString());

        assertThat(record(id).deadline()).isEqualTo(deadline);
        api().get("/v1/jobs/" + id).then().statusCode(200).body("deadline", equalTo(deadline.toString()));
        for (String bad : List.of("2020-01-01T00:00:00Z", "tomorrow", "2030-01-01T00:00:00")) {
            jobForm()
                    .multiPart("deadline", bad)
                    .post("/v1/jobs")
                    .then()
                    .statusCode(400)
                    .body("type", equalTo("urn:atelier:problem:invalid-option"))
                    .body("field", equalTo("deadline"));
        }
    }

    private String submit(String deadline) {
        RequestSpecification form = jobForm();
        if (deadline != null) {
            form.multiPart("deadline", deadline);
        }
        return form.post("/v1/jobs").then().statusCode(202).extract().path("id");
    }

    private RequestSpecification jobForm() {
        return api().multiPart("image", "a.jpg", TestImages.jpeg(32, 24), "image/jpeg")
                .multiPart("style", "candy");
    }

    private void finishOnTheWorkersBehalf(String id) {
        String outputKey = StorageKeys.output(tenant, id, record(id).options().outputFormat());
        store.put(outputKey, TestImages.png(8, 8), "image/png");
        store.putJson(
                StorageKeys.job(tenant, id),
                record(id).running(1, "cpu", Instant.now()).succeeded(outputKey, 8, 8, Instant.now()));
    }

    private JobRecord record(String id) {
        return store.getJson(StorageKeys.job(tenant, id), JobRecord.class).orElseThrow();
    }

    private RequestSpecification api() {
        return given().header("Authorization", TestTenants.bearer(key));
    }
}
