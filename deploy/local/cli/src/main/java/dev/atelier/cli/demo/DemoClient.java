package dev.atelier.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atelier.contracts.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.message.BasicHeader;

/**
 * Stylizes one photo the way any API client would: {@code POST /v1/jobs}, poll
 * {@code GET /v1/jobs/{id}} until the job is final, then fetch the result.
 */
public final class DemoClient implements AutoCloseable {
    private final String gateway;
    private final CloseableHttpClient http;

    /** @param apiKey the tenant's key, sent as {@code Authorization: Bearer} with every call */
    public DemoClient(String gateway, String apiKey) {
        this.gateway = gateway;
        this.http = HttpClients.custom()
                .setDefaultHeaders(List.of(new BasicHeader(HttpHeaders.AUTHORIZATION, "Bearer " + apiKey)))
                .build();
    }

    /** What came back: the job id, its final record and the result bytes. */
    public record Outcome(String jobId, JsonNode record, byte[] image) {}

    public Outcome stylize(Path image, String style, String outputFormat, Duration timeout)
            throws IOException, InterruptedException {
        String jobId = submit(image, style, outputFormat);
        JsonNode record = awaitFinal(jobId, timeout);
        if (!"SUCCEEDED".equals(record.path("status").asText())) {
            throw new IllegalStateException(
                    "job " + jobId + " ended " + record.path("status").asText() + ": " + record.path("error"));
        }
        return new Outcome(jobId, record, result(jobId));
    }

    /** {@code GET /v1/jobs/{id}/result}: the stylized image's bytes. */
    public byte[] result(String jobId) throws IOException {
        return http.execute(new HttpGet(gateway + "/v1/jobs/" + jobId + "/result"), response -> {
            if (response.getCode() != 200) {
                throw new IOException("GET result answered " + response.getCode() + ": "
                        + EntityUtils.toString(response.getEntity()));
            }
            return EntityUtils.toByteArray(response.getEntity());
        });
    }

    /** {@code GET /v1/jobs/{id}}: the job record as it is now. */
    public JsonNode job(String jobId) throws IOException {
        return http.execute(
                new HttpGet(gateway + "/v1/jobs/" + jobId),
                response -> Json.mapper().readTree(EntityUtils.toString(response.getEntity())));
    }

    /** Waits until the gateway's catalog lists the style (publication reaches it asynchronously). */
    public void awaitStyle(String styleId, Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            JsonNode styles = http.execute(
                    new HttpGet(gateway + "/v1/styles"),
                    response -> Json.mapper().readTree(EntityUtils.toString(response.getEntity())));
            for (JsonNode style : styles.isArray() ? styles : styles.path("styles")) {
                if (styleId.equals(style.path("id").asText())) {
                    return;
                }
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(
                "the gateway did not list style " + styleId + " within " + timeout.toSeconds() + " s");
    }

    /** {@code POST /v1/jobs}; returns the id of the accepted job. */
    public String submit(Path image, String style, String outputFormat) throws IOException {
        HttpPost post = new HttpPost(gateway + "/v1/jobs");
        post.setEntity(MultipartEntityBuilder.create()
                .addBinaryBody(
                        "image",
                        Files.readAllBytes(image),
                        ContentType.APPLICATION_OCTET_STREAM,
                        image.getFileName().toString())
                .addTextBody("style", style)
                .addTextBody("outputFormat", outputFormat)
                .build());
        return http.execute(post, response -> {
            String body = EntityUtils.toString(response.getEntity());
            if (response.getCode() != 202) {
                throw new IOException("POST /v1/jobs answered " + response.getCode() + ": " + body);
            }
            return Json.mapper().readTree(body).path("id").asText();
        });
    }

    /**
     * {@code POST /v1/jobs} with {@code mode=optimise}: the photo optimised against a painting of the client's own.
     *
     * @param fields the other form fields (steps, maxSide, contentWeight, preserveColors ...)
     * @return the id of the accepted job
     */
    public String optimise(Path image, Path painting, Map<String, String> fields) throws IOException {
        MultipartEntityBuilder form = MultipartEntityBuilder.create()
                .addBinaryBody(
                        "image",
                        Files.readAllBytes(image),
                        ContentType.APPLICATION_OCTET_STREAM,
                        image.getFileName().toString())
                .addBinaryBody(
                        "styleImage",
                        Files.readAllBytes(painting),
                        ContentType.APPLICATION_OCTET_STREAM,
                        painting.getFileName().toString())
                .addTextBody("mode", "optimise");
        fields.forEach(form::addTextBody);
        HttpPost post = new HttpPost(gateway + "/v1/jobs");
        post.setEntity(form.build());
        return http.execute(post, response -> {
            String body = EntityUtils.toString(response.getEntity());
            if (response.getCode() != 202) {
                throw new IOException("POST /v1/jobs answered " + response.getCode() + ": " + body);
            }
            return Json.mapper().readTree(body).path("id").asText();
        });
    }

    /** Polls the job until it is no longer QUEUED or RUNNING; returns its final record. */
    public JsonNode awaitFinal(String jobId, Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            JsonNode record = job(jobId);
            String status = record.path("status").asText();
            if (!status.equals("QUEUED") && !status.equals("RUNNING")) {
                return record;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("job " + jobId + " did not finish within " + timeout.toSeconds() + " s");
    }

    /**
     * {@code POST /v1/styles}: uploads a style image to train a style model.
     *
     * @param fields the other form fields (title, width, steps, batchSize, imageSize, dataset ...)
     * @return the accepted training as the gateway shows it (its {@code id} is what {@link #training} takes)
     */
    public JsonNode trainStyle(Path image, String styleId, Map<String, String> fields) throws IOException {
        MultipartEntityBuilder form = MultipartEntityBuilder.create()
                .addBinaryBody(
                        "image",
                        Files.readAllBytes(image),
                        ContentType.APPLICATION_OCTET_STREAM,
                        image.getFileName().toString())
                .addTextBody("styleId", styleId);
        fields.forEach(form::addTextBody);
        HttpPost post = new HttpPost(gateway + "/v1/styles");
        post.setEntity(form.build());
        return http.execute(post, response -> {
            String body = EntityUtils.toString(response.getEntity());
            if (response.getCode() != 202) {
                throw new IOException("POST /v1/styles answered " + response.getCode() + ": " + body);
            }
            return Json.mapper().readTree(body);
        });
    }

    /** {@code GET /v1/trainings/{id}}: the training as it is now. */
    public JsonNode training(String trainingId) throws IOException {
        return http.execute(
                new HttpGet(gateway + "/v1/trainings/" + trainingId),
                response -> Json.mapper().readTree(EntityUtils.toString(response.getEntity())));
    }

    /** Polls the training until it is no longer QUEUED or RUNNING; returns it as it ended. */
    public JsonNode awaitTraining(String trainingId, Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            JsonNode training = training(trainingId);
            String status = training.path("status").asText();
            if (!status.equals("QUEUED") && !status.equals("RUNNING")) {
                return training;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("training " + trainingId + " did not finish within " + timeout.toSeconds()
                + " s: " + training(trainingId));
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
