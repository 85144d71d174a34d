package dev.atelier.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atelier.contracts.events.EventTypes;
import dev.atelier.contracts.events.JobRequested;
import dev.atelier.contracts.jobs.ImageInfo;
import dev.atelier.contracts.jobs.JobIds;
import dev.atelier.contracts.jobs.JobOptions;
import dev.atelier.contracts.jobs.JobRecord;
import dev.atelier.contracts.jobs.JobStatus;
import dev.atelier.contracts.jobs.Optimisation;
import dev.atelier.contracts.jobs.OutputFormat;
import dev.atelier.contracts.models.ModelManifest;
import dev.atelier.contracts.models.StyleRef;
import dev.atelier.contracts.storage.StorageKeys;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContractsTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:15:30Z");

    @Test
    void eventJsonCarriesItsVersionedTypeAndReadsBack() throws Exception {
        JobRequested event = new JobRequested(
                JobIds.newId(),
                "acme",
                "candy",
                3,
                "inputs/acme/x",
                new ImageInfo("image/jpeg", 640, 480, 1234),
                new JobOptions(0.5, OutputFormat.JPEG),
                NOW,
                new Optimisation("inputs/acme/x.style", new ImageInfo("image/png", 800, 600, 4321), 200, 512, null));

        byte[] json = Json.toBytes(event);
        JsonNode tree = Json.mapper().readTree(json);

        assertThat(tree.get("type").asText()).isEqualTo(EventTypes.JOB_REQUESTED);
        assertThat(tree.get("requestedAt").asText()).isEqualTo("2026-11-23T10:15:30Z");
        assertThat(tree.get("options").get("outputFormat").asText()).isEqualTo("jpeg");
        assertThat(Json.fromBytes(json, JobRequested.class)).isEqualTo(event);
    }

    @Test
    void jobRecordWalksItsLifecycle() {
        JobRecord queued = JobRecord.queued(
                "id",
                "t",
                "candy",
                null,
                JobOptions.defaults(),
                new ImageInfo("image/png", 2, 2, 10),
                "inputs/t/id",
                NOW);
        JobRecord running = queued.running(2, "cpu", NOW.plusSeconds(1));
        JobRecord done = running.succeeded("outputs/t/id.png", 2, 2, NOW.plusSeconds(2));

        assertThat(queued.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(running.attempts()).isEqualTo(1);
        assertThat(done.status().isFinal()).isTrue();
        assertThat(done.modelVersion()).isEqualTo(2);
        assertThat(Json.fromBytes(Json.toBytes(done), JobRecord.class)).isEqualTo(done);
        assertThat(done.whileRunning()).contains(running);
        assertThat(queued.cancelled(NOW).whileRunning()).as("never started").isEmpty();
    }

    @Test
    void aJobWithADeadlineEndsExpiredOrCancelledKeepingIt() {
        JobRecord queued = JobRecord.queued(
                        "id",
                        "t",
                        "candy",
                        null,
                        JobOptions.defaults(),
                        new ImageInfo("image/png", 2, 2, 10),
                        "inputs/t/id",
                        NOW)
                .withDeadline(NOW.plusSeconds(30));

        assertThat(queued.isPastDeadline(NOW.plusSeconds(30))).isFalse();
        assertThat(queued.isPastDeadline(NOW.plusSeconds(31))).isTrue();
        JobRecord expired = queued.expired(NOW.plusSeconds(31));
        assertThat(expired.status()).isEqualTo(JobStatus.EXPIRED);
        assertThat(expired.finishedAt()).isEqualTo(NOW.plusSeconds(31));
        assertThat(expired.deadline()).isEqualTo(NOW.plusSeconds(30));
        assertThat(queued.cancelled(NOW.plusSeconds(1)).status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(Json.fromBytes(Json.toBytes(expired), JobRecord.class)).isEqualTo(expired);
        assertThat(queued.running(1, "cpu", NOW).deadline())
                .as("kept through RUNNING")
                .isEqualTo(NOW.plusSeconds(30));
    }

    @Test
    void aJobKeepsItsCallbackUrlInEveryState() {
        JobRecord queued = JobRecord.queued(
                        "id",
                        "t",
                        "candy",
                        null,
                        JobOptions.defaults(),
                        new ImageInfo("image/png", 2, 2, 10),
                        "inputs/t/id",
                        NOW)
                .withCallbackUrl("https://example.com/cb");
        JobRecord running = queued.running(1, "cpu", NOW.plusSeconds(1));

        assertThat(List.of(
                        running,
                        running.succeeded("outputs/t/id.png", 2, 2, NOW),
                        running.failed(null, NOW),
                        queued.cancelled(NOW),
                        queued.expired(NOW),
                        queued.withDeadline(NOW).withTraceId("trace"),
                        running.succeeded("outputs/t/id.png", 2, 2, NOW)
                                .whileRunning()
                                .orElseThrow()))
                .extracting(JobRecord::callbackUrl)
                .containsOnly("https://example.com/cb");
        assertThat(Json.fromBytes(Json.toBytes(running), JobRecord.class)).isEqualTo(running);
        assertThat(JobRecord.queued("id", "t", "candy", null, JobOptions.defaults(), null, "k", NOW)
                        .callbackUrl())
                .isNull();
    }

    @Test
    void listingKeysOrderJobsNewestFirst() {
        String older = JobIds.newId();
        String newer = JobIds.newId();

        assertThat(JobIds.newestFirst(newer).compareTo(JobIds.newestFirst(older)))
                .isNegative();
        assertThat(JobIds.newestFirst(JobIds.newestFirst(older))).isEqualTo(older);
        assertThat(StorageKeys.jobListing("t", older)).startsWith(StorageKeys.jobListingPrefix("t"));
    }

    @Test
    void jobIdsAreTimeOrderedUuidV7() {
        String first = JobIds.newId();
        String second = JobIds.newId();

        assertThat(JobIds.isValid(first)).isTrue();
        assertThat(first.compareTo(second)).isNegative();
        assertThat(JobIds.isValid("../../etc/passwd")).isFalse();
        assertThat(JobIds.isValid("6f1c1b9e-0d0b-4c4e-9f67-1a2b3c4d5e6f"))
                .as("a v4 uuid")
                .isFalse();
    }

    @Test
    void styleRefsParseIdAndOptionalVersion() {
        assertThat(StyleRef.parse("candy")).contains(new StyleRef("candy", null));
        assertThat(StyleRef.parse("starry_night@3")).contains(new StyleRef("starry_night", 3));
        assertThat(StyleRef.parse("Candy")).isEmpty();
        assertThat(StyleRef.parse("candy@0")).isEmpty();
        assertThat(StyleRef.parse("candy@x")).isEmpty();
        assertThat(StyleRef.parse("../x")).isEmpty();
    }

    @Test
    void manifestKnowsFixedAndDynamicShapes() {
        ModelManifest fixed = manifest(List.of(1L, 3L, 480L, 640L));
        ModelManifest dynamic = manifest(List.of(-1L, 3L, -1L, -1L));

        assertThat(fixed.hasFixedSize()).isTrue();
        assertThat(fixed.fixedHeight()).hasValue(480);
        assertThat(fixed.fixedWidth()).hasValue(640);
        assertThat(dynamic.hasFixedSize()).isFalse();
        assertThat(Json.fromBytes(Json.toBytes(fixed), ModelManifest.class)).isEqualTo(fixed);
    }

    @Test
    void optionsRejectStrengthOutsideTheUnitInterval() {
        assertThatThrownBy(() -> new JobOptions(1.5, OutputFormat.PNG)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JobOptions(Double.NaN, OutputFormat.PNG))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(OutputFormat.parse("JPG")).contains(OutputFormat.JPEG);
        assertThat(OutputFormat.parse("bmp")).isEmpty();
    }

    @Test
    void optionsRejectAStyleScaleOutsideItsBoundsAndReadOlderRecordsAsScaleOne() {
        assertThatThrownBy(() -> new JobOptions(1.0, OutputFormat.PNG, false, 0.25))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0.5..2.0");
        assertThatThrownBy(() -> new JobOptions(1.0, OutputFormat.PNG, false, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
        JobOptions colours = new JobOptions(1.0, OutputFormat.PNG, true, 2.0);
        assertThat(Json.fromBytes(Json.toBytes(colours), JobOptions.class)).isEqualTo(colours);
        // A job queued before the options existed.
        JobOptions older = Json.fromBytes("{\"strength\":0.5,\"outputFormat\":\"jpeg\"}".getBytes(), JobOptions.class);
        assertThat(older).isEqualTo(new JobOptions(0.5, OutputFormat.JPEG, false, 1.0));
    }

    private static ModelManifest manifest(List<Long> shape) {
        return new ModelManifest(
                "starry-night",
                "Starry Night",
                1,
                "ab",
                10,
                "models/starry-night/1/model.onnx",
                null,
                "in",
                "out",
                shape,
                "test",
                NOW);
    }
}
