package dev.atelier.worker.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.contracts.events.JobFailed;
import dev.atelier.contracts.events.JobRequested;
import dev.atelier.contracts.jobs.JobError;
import dev.atelier.contracts.jobs.JobIds;
import dev.atelier.contracts.jobs.JobOptions;
import dev.atelier.platform.events.CloudEventCodec;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RequestReaderTest {
    private final CloudEventCodec codec = new CloudEventCodec("/test");

    @Test
    void readsAJobRequest() {
        JobRequested request = request(JobIds.newId(), "acme");

        assertThat(RequestReader.read(codec.encode(request))).isEqualTo(request);
    }

    @Test
    void refusesWhatIsNoJobRequest() {
        assertThatThrownBy(() -> RequestReader.read(null))
                .isInstanceOf(PoisonMessageException.class)
                .hasMessage("request.invalid: the record is not a CloudEvent");
        JobFailed other = new JobFailed("j", "t", "s", new JobError("x", "y"), 1, Instant.EPOCH);
        assertThatThrownBy(() -> RequestReader.read(codec.encode(other)))
                .hasMessageContaining("expected atelier.stylize.job.requested.v1");
        var garbage = CloudEventBuilder.v1()
                .withId("1")
                .withType("atelier.stylize.job.requested.v1")
                .withSource(URI.create("/x"))
                .withData("{not json".getBytes(StandardCharsets.UTF_8))
                .build();
        assertThatThrownBy(() -> RequestReader.read(garbage)).isInstanceOf(PoisonMessageException.class);
    }

    @Test
    void refusesRequestsThatCannotNameTheirObjects() {
        assertThatThrownBy(() -> RequestReader.read(codec.encode(request("not-an-id", "acme"))))
                .hasMessageContaining("incomplete");
        assertThatThrownBy(() -> RequestReader.read(codec.encode(request(JobIds.newId(), "../etc"))))
                .hasMessageContaining("incomplete");
    }

    private static JobRequested request(String jobId, String tenant) {
        return new JobRequested(
                jobId,
                tenant,
                "candy",
                null,
                "inputs/" + tenant + "/" + jobId,
                null,
                JobOptions.defaults(),
                Instant.parse("2026-11-23T08:00:00Z"),
                null);
    }
}
