package dev.atelier.gateway.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.sun.net.httpserver.HttpServer;
import dev.atelier.contracts.jobs.JobRecord;
import dev.atelier.contracts.storage.StorageKeys;
import dev.atelier.gateway.Catalogs;
import dev.atelier.gateway.TestImages;
import dev.atelier.gateway.TestTenants;
import dev.atelier.local.LocalStackTestResource;
import dev.atelier.platform.storage.ObjectStore;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Fetching from a real local HTTP server (exempted by name, plain http allowed: the only relaxations) and
 * results delivered as redirects to presigned S3 URLs.
 */
@QuarkusTest
@TestProfile(FetchAndRedirectIT.Profile.class)
@QuarkusTestResource(value = LocalStackTestResource.class, restrictToAnnotatedClass = false)
class FetchAndRedirectIT {
    static final byte[] PHOTO = TestImages.jpeg(80, 60);
    static final int MAX_BYTES = 200_000;
    static HttpServer server;

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "atelier.gateway.fetch.allow-http", "true",
                    "atelier.gateway.fetch.allowed-hosts", "127.0.0.1",
                    "atelier.gateway.input.max-bytes", Integer.toString(MAX_BYTES),
                    "atelier.gateway.results.delivery", "redirect",
                    "atelier.gateway.results.url-ttl", "2m");
        }
    }

    @Inject
    ObjectStore store;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @BeforeAll
    static void imageServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/photo.jpg", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "image/jpeg");
            exchange.sendResponseHeaders(200, PHOTO.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(PHOTO);
            }
        });
        server.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", "/photo.jpg");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/to-localhost", exchange -> {
            // The same machine under a name that is not exempt: the redirect must be checked again.
            exchange.getResponseHeaders()
                    .add("Location", "http://localhost:" + server.getAddress().getPort() + "/photo.jpg");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/endless", exchange -> {
            exchange.sendResponseHeaders(200, 0); // chunked, no Content-Length: only the byte cap stops it
            try (OutputStream out = exchange.getResponseBody()) {
                byte[] chunk = new byte[64 * 1024];
                for (int i = 0; i < 1000; i++) {
                    out.write(chunk);
                }
            } catch (java.io.IOException e) {
                // the gateway hung up once it had enough
            }
        });
        server.createContext("/missing", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @BeforeEach
    void signIn() {
        Catalogs.ensureCandy(store, bootstrapServers); // also signs the requests in
    }

    @Test
    void anImageUrlIsFetchedFollowingRedirectsAndTheResultIsARedirectToS3() throws Exception {
        String id = submit("/moved").then().statusCode(202).extract().path("id");
        JobRecord record = store.getJson(StorageKeys.job(TestTenants.TENANT, id), JobRecord.class)
                .orElseThrow();
        assertThat(store.get(record.inputKey()).orElseThrow()).isEqualTo(PHOTO);

        byte[] output = TestImages.png(8, 8);
        String outputKey =
                StorageKeys.output(TestTenants.TENANT, id, record.options().outputFormat());
        store.put(outputKey, output, "image/png");
        store.putJson(
                StorageKeys.job(TestTenants.TENANT, id),
                record.running(1, "cpu", Instant.now()).succeeded(outputKey, 8, 8, Instant.now()));

        String location = given().redirects()
                .follow(false)
                .get("/v1/jobs/" + id + "/result")
                .then()
                .statusCode(302)
                .header("Cache-Control", "no-store")
                .extract()
                .header("Location");
        HttpResponse<byte[]> fetched = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(location)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(fetched.statusCode()).isEqualTo(200);
        assertThat(fetched.body()).isEqualTo(output);
    }

    @Test
    void aRedirectToANameThatIsNotExemptIsRefused() {
        submit("/to-localhost")
                .then()
                .statusCode(400)
                .body("type", equalTo("urn:atelier:problem:image-url-not-allowed"))
                .body("detail", org.hamcrest.Matchers.containsString("loopback"));
    }

    @Test
    void anEndlessAnswerIsCutAtTheByteCap() {
        submit("/endless")
                .then()
                .statusCode(413)
                .body("type", equalTo("urn:atelier:problem:image-too-large"))
                .body("maxBytes", equalTo(MAX_BYTES));
    }

    @Test
    void anAnswerOtherThan200Is422() {
        submit("/missing")
                .then()
                .statusCode(422)
                .body("type", equalTo("urn:atelier:problem:image-url-unreachable"))
                .body("detail", org.hamcrest.Matchers.containsString("404"));
    }

    private static io.restassured.response.Response submit(String path) {
        RequestSpecification request = given().contentType("application/json")
                .body(Map.of(
                        "style",
                        "candy",
                        "imageUrl",
                        "http://127.0.0.1:" + server.getAddress().getPort() + path));
        return request.post("/v1/jobs");
    }
}
