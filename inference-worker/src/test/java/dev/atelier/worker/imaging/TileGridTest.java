package dev.atelier.worker.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class TileGridTest {

    @Test
    void aSideNoLongerThanATileIsOneTileOfWeightOne() {
        List<TileGrid.Span> spans = TileGrid.spans(1024, 1024, 32);
        assertThat(spans).containsExactly(new TileGrid.Span(0, 1024, 0, 1024, 1024, 32));
        assertThat(spans.get(0).weight(0)).isEqualTo(1f);
        assertThat(spans.get(0).weight(1023)).isEqualTo(1f);
    }

    @Test
    void weightsOfOverlappingTilesSumToOneEverywhereAndRegionsAreMultiplesOfFour() {
        for (int side : new int[] {1028, 2000, 4096, 7700, 5192}) {
            List<TileGrid.Span> spans = TileGrid.spans(side, 1024, 32);
            assertThat(spans.get(0).regionStart()).isZero();
            assertThat(spans.get(spans.size() - 1).regionEnd()).isEqualTo(side);
            for (TileGrid.Span span : spans) {
                assertThat(span.regionStart() % 4).isZero();
                assertThat(span.length() % 4).as("%s", span).isZero();
                assertThat(span.coreEnd() - span.coreStart())
                        .as("core of %s", span)
                        .isGreaterThanOrEqualTo(64);
            }
            for (int x = 0; x < side; x++) {
                int pixel = x;
                double sum = spans.stream()
                        .filter(s -> s.regionStart() <= pixel && pixel < s.regionEnd())
                        .mapToDouble(s -> s.weight(pixel))
                        .sum();
                assertThat(sum).as("side %d, pixel %d", side, x).isCloseTo(1.0, within(1e-5));
            }
        }
    }

    @Test
    void aTilesWeightIsNearZeroAtTheEdgesItSharesAndCoresAreNearlyEqual() {
        List<TileGrid.Span> spans = TileGrid.spans(3000, 1024, 32);
        assertThat(spans).hasSize(3);
        assertThat(spans).extracting(s -> s.coreEnd() - s.coreStart()).containsExactly(1000, 1000, 1000);
        TileGrid.Span middle = spans.get(1);
        assertThat(middle.weight(middle.regionStart())).isLessThan(0.02f);
        assertThat(middle.weight(middle.regionEnd() - 1)).isLessThan(0.02f);
        assertThat(middle.weight(1500)).isEqualTo(1f);
    }

    @Test
    void aSideJustOverOneTileIsSplitIntoTwoNearlyEqualCores() {
        List<TileGrid.Span> spans = TileGrid.spans(1080, 1024, 32);
        assertThat(spans).hasSize(2);
        assertThat(TileGrid.spans(1060, 1024, 32))
                .hasSize(2)
                .allSatisfy(s -> assertThat(s.coreEnd() - s.coreStart()).isEqualTo(s.coreStart() == 0 ? 532 : 528));
    }

    @Test
    void anOverlapOfMoreThanHalfATileIsRefused() {
        assertThatThrownBy(() -> TileGrid.spans(2000, 64, 40))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("overlap of at most half a tile");
    }
}
