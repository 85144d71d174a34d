package dev.atelier.worker.inference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.contracts.models.ModelManifest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelCacheTest {
    private final List<FakeModel> loaded = new ArrayList<>();
    private final ModelCache<FakeModel> cache = new ModelCache<>(
            manifest -> {
                FakeModel model = new FakeModel(manifest.styleId() + "@" + manifest.version());
                loaded.add(model);
                return model;
            },
            2);

    @Test
    void loadsOncePerVersionAndSharesTheSession() {
        try (var first = cache.acquire(Manifests.dynamic("candy", 1));
                var second = cache.acquire(Manifests.dynamic("candy", 1))) {
            assertThat(first.model()).isSameAs(second.model());
        }
        assertThat(loaded).hasSize(1);
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void evictsTheLeastRecentlyUsedButClosesItOnlyWhenItsLastJobEnds() {
        var inFlight = cache.acquire(Manifests.dynamic("a", 1));
        cache.acquire(Manifests.dynamic("b", 1)).close();
        cache.acquire(Manifests.dynamic("c", 1)).close();

        assertThat(cache.size()).isEqualTo(2);
        assertThat(inFlight.model().closed).as("still running a job").isFalse();
        inFlight.close();
        assertThat(inFlight.model().closed).isTrue();
        assertThat(loaded.get(1).closed).isFalse();
    }

    @Test
    void aNewCurrentVersionRetiresTheOldOneAfterItsJobs() {
        var old = cache.acquire(Manifests.dynamic("candy", 1));

        cache.retireOtherVersions("candy", 2);
        try (var next = cache.acquire(Manifests.dynamic("candy", 2))) {
            assertThat(next.model().name).isEqualTo("candy@2");
            assertThat(old.model().closed).isFalse();
        }
        old.close();

        assertThat(old.model().closed).isTrue();
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void closingTheCacheClosesIdleModelsAndReleasingALeaseTwiceIsHarmless() {
        var lease = cache.acquire(Manifests.dynamic("candy", 1));
        lease.close();
        lease.close();

        cache.close();

        assertThat(loaded.get(0).closed).isTrue();
        assertThat(cache.size()).isZero();
    }

    @Test
    void keysOnTheChecksumSoARepublishedFileIsReloaded() {
        ModelManifest v1 = Manifests.dynamic("candy", 1);
        ModelManifest v1Rebuilt = new ModelManifest(
                "candy",
                "candy",
                1,
                "ff",
                1,
                v1.modelKey(),
                null,
                "input1",
                "output1",
                v1.inputShape(),
                "test",
                v1.publishedAt());

        cache.acquire(v1).close();
        cache.acquire(v1Rebuilt).close();

        assertThat(loaded).hasSize(2);
    }

    static final class FakeModel implements AutoCloseable {
        final String name;
        boolean closed;

        FakeModel(String name) {
            this.name = name;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
