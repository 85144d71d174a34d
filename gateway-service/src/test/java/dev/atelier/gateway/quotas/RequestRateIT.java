package dev.atelier.gateway.quotas;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.atelier.gateway.Catalogs;
import dev.atelier.gateway.TestTenants;
import dev.atelier.gateway.config.GatewayConfig;
import dev.atelier.local.LocalStackTestResource;
import dev.atelier.platform.storage.ObjectStore;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Requests per second: tenant "throttled" is configured for 3/s, everyone else far more. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, restrictToAnnotatedClass = false)
class RequestRateIT {
    @Inject
    ObjectStore store;

    @Inject
    GatewayConfig config;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void overTheRateIs429WithRetryAfterAndEveryAnswerCarriesTheHeaders() {
        Catalogs.ensureCandy(store, bootstrapServers);
        RestAssured.requestSpecification = null;
        String key = TestTenants.bearer(TestTenants.issue(store, "throttled"));

        Response first = given().header("Authorization", key).get("/v1/styles");
        first.then()
                .statusCode(200)
                .header("RateLimit-Policy", "\"requests\";q=3;w=1")
                .header("RateLimit", equalTo("\"requests\";r=2;t=1"));
        Response limited = null;
        for (int i = 0; i < 50 && limited == null; i++) {
            Response next = given().header("Authorization", key).get("/v1/styles");
            if (next.statusCode() == 429) {
                limited = next;
            } else {
                next.then().statusCode(200).header("RateLimit-Policy", "\"requests\";q=3;w=1");
            }
        }
        assertThat(limited)
                .as("50 requests in a row at 3/s must meet the limit")
                .isNotNull();
        limited.then()
                .contentType("application/problem+json")
                .body("type", equalTo("urn:atelier:problem:rate-limited"))
                .header("Retry-After", "1")
                .header("RateLimit-Policy", "\"requests\";q=3;w=1")
                .header("RateLimit", equalTo("\"requests\";r=0;t=1"));
        // Another tenant's bucket is its own: the tests' tenant is not slowed down.
        TestTenants.signIn(store);
        given().get("/v1/styles").then().statusCode(200).header("RateLimit-Policy", "\"requests\";q=1000;w=1");
    }

    @Test
    void theRateIsCountedPerReplica() {
        // Two limiters with the same configuration stand for two gateway replicas: each admits the full rate.
        RequestRate replicaA = new RequestRate(config);
        RequestRate replicaB = new RequestRate(config);
        for (int i = 0; i < 3; i++) {
            assertThat(replicaA.take("throttled").allowed()).isTrue();
        }
        assertThat(replicaA.take("throttled").allowed()).isFalse();
        assertThat(replicaB.take("throttled").allowed()).isTrue();
    }
}
