package dev.atelier.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atelier.contracts.datasets.DatasetManifest;
import dev.atelier.contracts.datasets.DatasetPhoto;
import dev.atelier.contracts.events.EventTypes;
import dev.atelier.contracts.events.TrainingProgress;
import dev.atelier.contracts.events.TrainingRequested;
import dev.atelier.contracts.jobs.JobError;
import dev.atelier.contracts.jobs.JobIds;
import dev.atelier.contracts.models.ModelManifest;
import dev.atelier.contracts.storage.StorageKeys;
import dev.atelier.contracts.training.InvalidTrainingOptionException;
import dev.atelier.contracts.training.ProgressSnapshot;
import dev.atelier.contracts.training.TrainingOptions;
import dev.atelier.contracts.training.TrainingRecord;
import dev.atelier.contracts.training.TrainingStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainingContractsTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:15:30Z");

    @Test
    void trainingRecordWalksItsLifecycleAndReadsBack() {
        String id = JobIds.newId();
        TrainingRecord queued = TrainingRecord.queued(
                id,
                "acme",
                "wave",
                "The Wave",
                StorageKeys.styleImage("wave", id, "jpg"),
                TrainingOptions.defaults(),
                NOW);
        TrainingRecord running = queued.running("cpu", "trainer-1", 0, NOW.plusSeconds(1));
        ProgressSnapshot progress = new ProgressSnapshot(
                10,
                4000,
                Map.of("style", 2.5, "content", 1.0),
                3.2,
                1200L,
                StorageKeys.trainingPreview(id, 10),
                NOW.plusSeconds(5));
        TrainingRecord resumed =
                running.progressed(progress, NOW.plusSeconds(5)).running("cuda:0", "trainer-2", 10, NOW.plusSeconds(9));
        TrainingRecord done = resumed.succeeded(3, Map.of("heldOutStyleLoss", 1.5), NOW.plusSeconds(20));

        assertThat(queued.status()).isEqualTo(TrainingStatus.QUEUED);
        assertThat(resumed.attempts()).isEqualTo(2);
        assertThat(resumed.resumedFromStep()).isEqualTo(10);
        assertThat(resumed.progress()).isEqualTo(progress);
        assertThat(done.status().isFinal()).isTrue();
        assertThat(done.owner()).isNull();
        assertThat(done.modelVersion()).isEqualTo(3);
        assertThat(Json.fromBytes(Json.toBytes(done), TrainingRecord.class)).isEqualTo(done);
        assertThat(running.failed(new JobError("x", "y"), NOW).status()).isEqualTo(TrainingStatus.FAILED);
    }

    @Test
    void trainingEventsCarryTheirTypes() throws Exception {
        TrainingRequested requested = new TrainingRequested(
                JobIds.newId(),
                "acme",
                "wave",
                "The Wave",
                "styles/wave/x.jpg",
                new TrainingOptions(8, 10, 2, 128, null, 1e5, 0.0, "photos"),
                NOW);
        JsonNode tree = Json.mapper().readTree(Json.toBytes(requested));

        assertThat(tree.get("type").asText()).isEqualTo(EventTypes.TRAINING_REQUESTED);
        assertThat(tree.get("options").has("contentWeight"))
                .as("null weights are left out")
                .isFalse();
        assertThat(Json.fromBytes(Json.toBytes(requested), TrainingRequested.class))
                .isEqualTo(requested);
        assertThat(EventTypes.recordFor(EventTypes.TRAINING_PROGRESS)).isEqualTo(TrainingProgress.class);
    }

    @Test
    void optionsRefuseValuesOutOfBoundsNamingTheField() {
        assertThat(field(() -> new TrainingOptions(2, 10, 1, 256, null, null, null, null)))
                .isEqualTo("width");
        assertThat(field(() -> new TrainingOptions(16, 0, 1, 256, null, null, null, null)))
                .isEqualTo("steps");
        assertThat(field(() -> new TrainingOptions(16, 10, 1, 250, null, null, null, null)))
                .isEqualTo("imageSize");
        assertThat(field(() -> new TrainingOptions(16, 10, 1, 256, Double.NaN, null, null, null)))
                .isEqualTo("contentWeight");
        assertThat(field(() -> new TrainingOptions(16, 10, 1, 256, null, null, null, "../x")))
                .isEqualTo("dataset");
        assertThat(new TrainingOptions(16, 10, 1, 256, null, null, null, null).dataset())
                .isEqualTo(TrainingOptions.DEFAULT_DATASET);
    }

    @Test
    void manifestQualityIsOptionalAndOlderManifestsStillRead() {
        ModelManifest plain = new ModelManifest(
                "wave", "Wave", 1, "ab", 10, "models/wave/1/model.onnx", null, "in", "out", null, "file", NOW);
        ModelManifest measured = new ModelManifest(
                "wave",
                "Wave",
                2,
                "cd",
                10,
                "models/wave/2/model.onnx",
                null,
                "in",
                "out",
                null,
                "training x",
                NOW,
                Map.of("heldOutContentLoss", 0.25));
        String older = "{\"styleId\":\"wave\",\"title\":\"Wave\",\"version\":1,\"sha256\":\"ab\",\"sizeBytes\":10}";

        assertThat(plain.quality()).isEmpty();
        assertThat(Json.fromBytes(Json.toBytes(measured), ModelManifest.class)).isEqualTo(measured);
        assertThat(Json.fromBytes(older.getBytes(StandardCharsets.UTF_8), ModelManifest.class)
                        .quality())
                .isEmpty();
    }

    @Test
    void datasetManifestSplitsTrainingFromHeldOutPhotos() {
        DatasetPhoto kept =
                new DatasetPhoto(StorageKeys.datasetPhoto("d", "a.jpg"), "image/jpeg", 10, 10, 5, "aa", "a.jpg", true);
        DatasetPhoto trained =
                new DatasetPhoto(StorageKeys.datasetPhoto("d", "b.jpg"), "image/jpeg", 10, 10, 5, "bb", "b.jpg", false);
        DatasetManifest manifest = new DatasetManifest("d", "test", List.of(kept, trained), NOW);

        assertThat(manifest.heldOutPhotos()).containsExactly(kept);
        assertThat(manifest.trainPhotos()).containsExactly(trained);
        assertThat(Json.fromBytes(Json.toBytes(manifest), DatasetManifest.class))
                .isEqualTo(manifest);
        assertThat(StorageKeys.datasetManifest("d")).isEqualTo("datasets/d/manifest.json");
        assertThat(StorageKeys.trainingPreview("t", 42)).isEqualTo("trainings/t/previews/00000042.jpg");
    }

    private static String field(Runnable construction) {
        return catchThrowableOfType(InvalidTrainingOptionException.class, construction::run)
                .field();
    }
}
