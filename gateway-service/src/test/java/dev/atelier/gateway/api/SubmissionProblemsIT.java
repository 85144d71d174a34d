package dev.atelier.gateway.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atelier.contracts.Json;
import dev.atelier.gateway.Catalogs;
import dev.atelier.gateway.TestImages;
import dev.atelier.local.LocalStackTestResource;
import dev.atelier.platform.storage.ObjectStore;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every refusal of {@code POST /v1/jobs}: its status and stable problem type. The test profile caps
 * images at 1 MiB and HTTP bodies at 2 MiB (see {@code application.properties}).
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, restrictToAnnotatedClass = false)
class SubmissionProblemsIT {
    private static final String PROBLEM = "urn:atelier:problem:";

    @Inject
    ObjectStore store;

    @TestHTTPResource
    URL baseUri;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @BeforeEach
    void catalogKnowsCandy() {
        Catalogs.ensureCandy(store, bootstrapServers);
    }

    @Test
    void refusesFormatsOtherThanJpegAndPng() {
        submit(image("anim.gif", TestImages.gif(16, 16)), 415, "unsupported-media-type")
                .body("detected", equalTo("image/gif"));
        submit(image("notes.txt", "hello".getBytes(StandardCharsets.UTF_8)), 415, "unsupported-media-type");
    }

    @Test
    void refusesAFileOverTheByteCap() {
        byte[] big = new byte[1_500_000];
        System.arraycopy(TestImages.pngHeader(100, 100), 0, big, 0, 33);
        submit(image("big.png", big), 413, "image-too-large").body("maxBytes", equalTo(1_048_576));
    }

    @Test
    void refusesABodyOverTheHttpLimitWithAProblemToo() throws IOException {
        // Over a raw socket: the request announces 3 MB with Content-Length, as browsers send forms, and the
        // gateway must answer from the headers alone, so no body is sent (an HTTP client would fail writing
        // a body the server does not read). A chunked upload over the limit gets the HTTP layer's bare 413.
        String response;
        try (Socket socket = new Socket(baseUri.getHost(), baseUri.getPort())) {
            socket.setSoTimeout(10_000);
            String head = "POST /v1/jobs HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: 3000000\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            // The gateway closes the connection after its answer, so reading to the end is bounded.
            response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(response).startsWith("HTTP/1.1 413").containsIgnoringCase("content-type: application/problem+json");
        JsonNode problem = Json.mapper().readTree(response.substring(response.indexOf("\r\n\r\n") + 4));
        assertThat(problem.get("type").asText()).isEqualTo(PROBLEM + "image-too-large");
        assertThat(problem.get("maxRequestBytes").asLong()).isEqualTo(2_097_152);
    }

    @Test
    void refusesTooManyPixelsFromTheHeaderAlone() {
        submit(image("huge.png", TestImages.pngHeader(50_000, 50_000)), 413, "image-too-many-pixels")
                .body("width", equalTo(50_000))
                .body("height", equalTo(50_000));
    }

    @Test
    void refusesUnknownStylesListingTheKnownOnes() {
        submit(
                        given().multiPart("image", "a.jpg", TestImages.jpeg(16, 16), "image/jpeg")
                                .multiPart("style", "kandy"),
                        422,
                        "unknown-style")
                .body("availableStyles", hasItem("candy"));
        submit(
                        given().multiPart("image", "a.jpg", TestImages.jpeg(16, 16), "image/jpeg")
                                .multiPart("style", "candy@99"),
                        422,
                        "unknown-style")
                .body("currentVersion", notNullValue());
    }

    @Test
    void refusesATruncatedJpeg() {
        submit(image("cut.jpg", TestImages.truncated(TestImages.jpeg(256, 256), 0.6)), 422, "image-corrupt");
    }

    @Test
    void refusesBadOptions() {
        byte[] jpeg = TestImages.jpeg(16, 16);
        submit(image("a.jpg", jpeg).multiPart("strength", "2"), 400, "invalid-option")
                .body("field", equalTo("strength"));
        submit(image("a.jpg", jpeg).multiPart("strength", "abc"), 400, "invalid-option")
                .body("field", equalTo("strength"));
        submit(image("a.jpg", jpeg).multiPart("outputFormat", "bmp"), 400, "invalid-option")
                .body("field", equalTo("outputFormat"));
        submit(image("a.jpg", jpeg).multiPart("styleScale", "3"), 400, "invalid-option")
                .body("field", equalTo("styleScale"))
                .body("maximum", equalTo(2.0f));
        submit(image("a.jpg", jpeg).multiPart("preserveColors", "yes"), 400, "invalid-option")
                .body("field", equalTo("preserveColors"));
        submit(given().multiPart("style", "candy"), 400, "invalid-option").body("field", equalTo("image"));
        submit(given().multiPart("image", "a.jpg", jpeg, "image/jpeg"), 400, "invalid-option")
                .body("field", equalTo("style"));
    }

    @Test
    void refusesRequestsThatAreNeitherMultipartNorJson() {
        given().contentType("text/plain")
                .body("candy, please")
                .post("/v1/jobs")
                .then()
                .statusCode(415)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEM + "unsupported-request-format"));
        given().contentType("application/json")
                .body("{}")
                .post("/v1/jobs")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEM + "invalid-option"));
        given().contentType("application/json")
                .body("{not json")
                .post("/v1/jobs")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    private static RequestSpecification image(String name, byte[] content) {
        return given().multiPart("image", name, content, "application/octet-stream")
                .multiPart("style", "candy");
    }

    private static ValidatableResponse submit(RequestSpecification request, int status, String slug) {
        return request.post("/v1/jobs")
                .then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEM + slug))
                .body("status", equalTo(status))
                .body("title", notNullValue())
                .body("detail", notNullValue())
                .body("instance", equalTo("/v1/jobs"));
    }
}
