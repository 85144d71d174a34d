package dev.atelier.trainer.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PrefetchingContentSourceTest {
    private static final List<BufferedImage> PHOTOS = List.of(noise(90, 70, 1), noise(64, 100, 2), noise(120, 80, 3));

    @Test
    void givesTheSameBatchesAsTheSourceItWraps() {
        RandomCropSource direct = new RandomCropSource(PHOTOS, 32, 0.5, 9L);
        AtomicInteger loads = new AtomicInteger();
        RandomCropSource lazy = new RandomCropSource(
                PHOTOS.size(),
                i -> {
                    loads.incrementAndGet();
                    return PHOTOS.get(i);
                },
                32,
                0.5,
                9L);
        try (PrefetchingContentSource prefetching = new PrefetchingContentSource(lazy)) {
            for (int i = 0; i < 4; i++) {
                assertThat(prefetching.next(2).data()).isEqualTo(direct.next(2).data());
            }
        }
        assertThat(loads.get())
                .as("photos loaded one per crop, the prefetched batch included")
                .isBetween(8, 10);
    }

    @Test
    void rethrowsWhatTheSourceThrowsWhenThatBatchIsAskedFor() {
        List<Integer> calls = new ArrayList<>();
        ContentSource failing = batchSize -> {
            calls.add(batchSize);
            if (calls.size() == 2) {
                throw new IllegalStateException("photo 7 does not decode");
            }
            return new ImageBatch(new float[batchSize * 3 * 4 * 4], batchSize, 4, 4);
        };
        try (PrefetchingContentSource prefetching = new PrefetchingContentSource(failing)) {
            assertThat(prefetching.next(1).batch()).isEqualTo(1);
            assertThatThrownBy(() -> prefetching.next(1))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("photo 7 does not decode");
        }
    }

    private static BufferedImage noise(int width, int height, long seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(seed);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        return image;
    }
}
