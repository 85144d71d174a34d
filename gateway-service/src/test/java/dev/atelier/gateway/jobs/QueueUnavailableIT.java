package dev.atelier.gateway.jobs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;

import dev.atelier.contracts.jobs.JobRecord;
import dev.atelier.contracts.jobs.JobStatus;
import dev.atelier.contracts.storage.StorageKeys;
import dev.atelier.gateway.Catalogs;
import dev.atelier.gateway.TestImages;
import dev.atelier.gateway.TestTenants;
import dev.atelier.gateway.queue.QueueException;
import dev.atelier.local.LocalStackTestResource;
import dev.atelier.platform.storage.ObjectStore;
import io.quarkus.test.InjectMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** When Kafka does not acknowledge in time the client gets 503 and no QUEUED job is left behind. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, restrictToAnnotatedClass = false)
class QueueUnavailableIT {

    @InjectMock
    JobRequestPublisher publisher;

    @Inject
    ObjectStore store;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    String tenant = TestTenants.TENANT;

    @Test
    void marksTheJobFailedAndAnswers503() {
        Catalogs.ensureCandy(store, bootstrapServers);
        doThrow(new QueueException("Kafka did not acknowledge within PT20S", new TimeoutException()))
                .when(publisher)
                .publish(any(), any());

        String id = given().multiPart("image", "a.jpg", TestImages.jpeg(16, 16), "image/jpeg")
                .multiPart("style", "candy")
                .post("/v1/jobs")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("type", equalTo("urn:atelier:problem:queue-unavailable"))
                .extract()
                .path("jobId");

        JobRecord record =
                store.getJson(StorageKeys.job(tenant, id), JobRecord.class).orElseThrow();
        assertThat(record.status()).isEqualTo(JobStatus.FAILED);
        assertThat(record.error().code()).isEqualTo("queue.unavailable");
        given().get("/v1/jobs/" + id).then().statusCode(200).body("status", equalTo("FAILED"));
    }
}
