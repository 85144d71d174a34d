package dev.atelier.gateway.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.atelier.gateway.TestTenants;
import dev.atelier.local.LocalStackTestResource;
import dev.atelier.platform.storage.ObjectStore;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Random keys from one address: each unknown key would cost an S3 read, so past 3 per second the address gets 429
 * before any lookup, while a client whose key is known carries on.
 */
@QuarkusTest
@TestProfile(KeyLookupLimitIT.Profile.class)
@QuarkusTestResource(value = LocalStackTestResource.class, restrictToAnnotatedClass = false)
class KeyLookupLimitIT {
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("atelier.gateway.auth.lookups-per-second-per-address", "3");
        }
    }

    @Inject
    ObjectStore store;

    @Test
    void unknownKeysFromOneAddressAreLimitedBeforeTheyAreLookedUpAndKnownKeysCarryOn() {
        RestAssured.requestSpecification = null;
        String known = TestTenants.bearer(TestTenants.issue(store, "lookups"));
        given().header("Authorization", known).get("/v1/styles").then().statusCode(200);

        Response limited = null;
        for (int i = 0; i < 50 && limited == null; i++) {
            Response next = given().header("Authorization", "Bearer atl_" + UUID.randomUUID())
                    .get("/v1/styles");
            if (next.statusCode() == 429) {
                limited = next;
            } else {
                next.then().statusCode(401);
            }
        }
        assertThat(limited)
                .as("50 random keys in a row at 3 lookups/s must meet the limit")
                .isNotNull();
        limited.then()
                .contentType("application/problem+json")
                .header("Retry-After", "1")
                .body("type", equalTo("urn:atelier:problem:rate-limited"))
                .body("limit", equalTo(3));
        // A key the replica knows costs no lookup: it is not held up by the flood from its address.
        given().header("Authorization", known).get("/v1/styles").then().statusCode(200);
    }
}
