package dev.atelier.gateway;

import dev.atelier.platform.storage.ObjectStore;
import dev.atelier.platform.tenants.ApiKeys;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import java.time.Clock;

/**
 * Signs the tests' requests in: issues a key for {@link #TENANT} once per test JVM (in the real S3
 * server) and makes RestAssured send it with every request.
 */
public final class TestTenants {
    public static final String TENANT = "gateway-tests";
    private static String key;

    private TestTenants() {}

    public static synchronized String signIn(ObjectStore store) {
        if (key == null) {
            key = issue(store, TENANT);
        }
        RestAssured.requestSpecification =
                new RequestSpecBuilder().addHeader("Authorization", bearer(key)).build();
        return key;
    }

    /** A fresh key for any tenant, issued as the admin API does. */
    public static String issue(ObjectStore store, String tenant) {
        return new ApiKeys(store, Clock.systemUTC()).issue(tenant).key();
    }

    public static String bearer(String key) {
        return "Bearer " + key;
    }
}
