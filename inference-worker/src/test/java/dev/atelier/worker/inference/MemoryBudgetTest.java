package dev.atelier.worker.inference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MemoryBudgetTest {
    private static final long MIB = 1024 * 1024;

    @Test
    void aModelTwiceAsWideGetsTilesOfAboutOneOverRootTwoTheSide() {
        MemoryBudget budget = new MemoryBudget(2560 * MIB, 768 * MIB);
        int narrow = budget.tileSide(16, 32);
        int wide = budget.tileSide(32, 32);
        // (2560 - 768 - 384) MiB over 40 bytes x 16 channels: 2.31 Mpx, a square of 1518 px, less both overlaps.
        assertThat(narrow).isEqualTo(1454);
        assertThat((double) (wide + 64) / (narrow + 64))
                .isCloseTo(1 / Math.sqrt(2), org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void theConfiguredTileIsKeptWhenTheBudgetAllowsMoreAndShrunkWhenItDoesNot() {
        TileSettings tiles = new TileSettings(1024, 32, 1024);
        MemoryBudget roomy = new MemoryBudget(2560 * MIB, 768 * MIB);
        assertThat(tiles.atMost(roomy.tileSide(16, 32))).isSameAs(tiles);
        MemoryBudget tight = new MemoryBudget(1536 * MIB, 768 * MIB);
        TileSettings smaller = tiles.atMost(tight.tileSide(32, 32));
        assertThat(smaller.side()).isLessThan(1024).isGreaterThan(256);
        assertThat(smaller.side() % 4).isZero();
        assertThat(smaller.overlap()).isEqualTo(32);
    }

    @Test
    void aBudgetTheHeapAloneExceedsStillLeavesTheSmallestTile() {
        MemoryBudget none = new MemoryBudget(512 * MIB, 768 * MIB);
        assertThat(none.tileSide(16, 32)).isZero();
        assertThat(new TileSettings(1024, 32, 1024).atMost(0).side()).isEqualTo(128);
    }

    @Test
    void theHeapBoundsThePixelsOfAPhotoAndAGigabyteHoldsTheGatewaysFortyMegapixels() {
        assertThat(new MemoryBudget(2560 * MIB, 1024 * MIB).maxPixels())
                .isEqualTo((1024 - 256) * MIB / 16)
                .isGreaterThan(40_000_000);
        assertThat(new MemoryBudget(2560 * MIB, 512 * MIB).maxPixels()).isLessThan(40_000_000);
        assertThat(new MemoryBudget(2560 * MIB, 128 * MIB).maxPixels()).isZero();
    }
}
