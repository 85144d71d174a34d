package dev.atelier.worker.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnxruntime.OrtEnvironment;
import dev.atelier.imaging.ImageTensor;
import dev.atelier.imaging.TensorImages;
import dev.atelier.imaging.TestImages;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The lane on the repository's own udnie model. Batches are formed without depending on timing: a lane that may batch
 * four waits up to a minute for them, and four requests are sent; what must not batch waits out a short window.
 */
class InferenceLaneTest {
    private static final OrtEnvironment ENV = OrtEnvironment.getEnvironment();
    private static final Path HOME = Path.of(System.getProperty("atelier.home", ".."));
    /** Callers of their own: the common pool may have a single thread, and each caller blocks on the lane. */
    private static final ExecutorService CALLERS = Executors.newCachedThreadPool();

    private static final long ANY = Long.MAX_VALUE;
    private static LoadedModel udnie;

    @BeforeAll
    static void load() throws Exception {
        udnie = TestModels.load(ENV, HOME.resolve("models/starter/udnie/udnie.onnx"));
    }

    @AfterAll
    static void close() {
        CALLERS.shutdownNow();
        udnie.close();
    }

    @Test
    void photosThatWaitTogetherRunAsOneBatchAndEachGetsExactlyWhatItGetsAlone() throws Exception {
        List<ImageTensor> photos = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            photos.add(TensorImages.toTensor(
                    TestImages.gradient(64 + 16 * i, 48 + 16 * i).getSubimage(8 * i, 4 * i, 64, 48)));
        }
        List<InferenceLane.Ran> alone = new ArrayList<>();
        try (InferenceLane unbatched = new InferenceLane(ENV, 1, Duration.ZERO)) {
            for (ImageTensor photo : photos) {
                alone.add(unbatched.run(udnie, photo, ANY));
            }
        }
        try (InferenceLane lane = new InferenceLane(ENV, 4, Duration.ofMinutes(1))) {
            List<CompletableFuture<InferenceLane.Ran>> batched =
                    photos.stream().map(photo -> runLater(lane, photo)).toList();
            for (int i = 0; i < photos.size(); i++) {
                InferenceLane.Ran ran = batched.get(i).get(60, TimeUnit.SECONDS);
                assertThat(ran.batch()).isEqualTo(4);
                assertThat(alone.get(i).batch()).isEqualTo(1);
                assertThat(ran.output().width()).isEqualTo(64);
                assertThat(ran.output().height()).isEqualTo(48);
                assertThat(ran.output().data())
                        .as("photo %d", i)
                        .containsExactly(alone.get(i).output().data());
            }
            assertThat(alone.get(0).output().data())
                    .isNotEqualTo(alone.get(1).output().data());
        }
    }

    @Test
    void aBatchHoldsNoMorePixelsThanOneRunMayTake() throws Exception {
        try (InferenceLane lane = new InferenceLane(ENV, 4, Duration.ofMillis(300))) {
            List<CompletableFuture<InferenceLane.Ran>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                ImageTensor photo = tensor(64, 48);
                // Room for two such photos in one run.
                runs.add(later(() -> lane.run(udnie, photo, 2L * 64 * 48)));
            }
            for (CompletableFuture<InferenceLane.Ran> run : runs) {
                assertThat(run.get(60, TimeUnit.SECONDS).batch()).isBetween(1, 2);
            }
        }
    }

    @Test
    void photosOfDifferentSizesAreNotBatchedTogether() throws Exception {
        try (InferenceLane lane = new InferenceLane(ENV, 4, Duration.ofMillis(200))) {
            CompletableFuture<InferenceLane.Ran> small = runLater(lane, tensor(64, 48));
            CompletableFuture<InferenceLane.Ran> wide = runLater(lane, tensor(80, 48));
            assertThat(small.get(60, TimeUnit.SECONDS).batch()).isEqualTo(1);
            assertThat(wide.get(60, TimeUnit.SECONDS).batch()).isEqualTo(1);
            assertThat(wide.get().output().width()).isEqualTo(80);
        }
    }

    @Test
    void aLaneThatDoesNotBatchNeverWaitsForABatch() throws Exception {
        try (InferenceLane lane = new InferenceLane(ENV, 1, Duration.ofHours(1))) {
            assertThat(runLater(lane, tensor(32, 32)).get(60, TimeUnit.SECONDS).batch())
                    .isEqualTo(1);
        }
    }

    @Test
    void exclusiveWorkRunsOnTheLaneAndNoModelRunsBesideIt() throws Exception {
        try (InferenceLane lane = new InferenceLane(ENV, 1, Duration.ZERO)) {
            CountDownLatch running = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<String> exclusive = later(() -> lane.exclusive(() -> {
                running.countDown();
                release.await();
                return Thread.currentThread().getName();
            }));
            assertThat(running.await(60, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<InferenceLane.Ran> behind = runLater(lane, tensor(32, 32));
            // Waiting is what is asserted: a run queued behind work that has not ended cannot have run, on any machine.
            assertThat(behind).failsWithin(200, TimeUnit.MILLISECONDS).withThrowableOfType(TimeoutException.class);
            release.countDown();
            assertThat(exclusive.get(60, TimeUnit.SECONDS)).isEqualTo("atelier-inference-lane");
            assertThat(behind.get(60, TimeUnit.SECONDS).batch()).isEqualTo(1);
        }
    }

    @Test
    void aFailureReachesTheCallerAndTheLaneGoesOn() throws Exception {
        try (InferenceLane lane = new InferenceLane(ENV, 1, Duration.ZERO)) {
            assertThatThrownBy(() -> lane.exclusive(() -> {
                        throw new IllegalStateException("tile failed");
                    }))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("tile failed");
            assertThat(lane.run(udnie, tensor(32, 32), ANY).batch()).isEqualTo(1);
        }
    }

    @Test
    void closingTheLaneFailsTheRequestsStillQueuedAsClosedNotAsFailedRuns() throws Exception {
        InferenceLane lane = new InferenceLane(ENV, 1, Duration.ZERO);
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Boolean> blocking = later(() -> lane.exclusive(() -> {
            running.countDown();
            return release.await(60, TimeUnit.SECONDS);
        }));
        assertThat(running.await(60, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<InferenceLane.Ran> queued = runLater(lane, tensor(32, 32));
        assertThat(queued).failsWithin(200, TimeUnit.MILLISECONDS).withThrowableOfType(TimeoutException.class);
        lane.close();
        assertThat(queued)
                .failsWithin(60, TimeUnit.SECONDS)
                .withThrowableOfType(ExecutionException.class)
                .havingRootCause()
                .isInstanceOf(InferenceLane.ClosedException.class);
        release.countDown();
        assertThat(blocking.get(60, TimeUnit.SECONDS)).isEqualTo(true);
    }

    @Test
    void aClosedLaneRefusesWork() {
        InferenceLane lane = new InferenceLane(ENV, 1, Duration.ZERO);
        lane.close();
        assertThatThrownBy(() -> lane.run(udnie, tensor(32, 32), ANY))
                .isInstanceOf(InferenceLane.ClosedException.class);
    }

    private static ImageTensor tensor(int width, int height) {
        return TensorImages.toTensor(TestImages.gradient(width, height));
    }

    private static CompletableFuture<InferenceLane.Ran> runLater(InferenceLane lane, ImageTensor photo) {
        return later(() -> lane.run(udnie, photo, ANY));
    }

    /** On a caller thread of its own. */
    private static <T> CompletableFuture<T> later(Callable<T> call) {
        return CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return call.call();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                },
                CALLERS);
    }
}
