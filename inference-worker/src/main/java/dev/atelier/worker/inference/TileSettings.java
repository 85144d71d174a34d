package dev.atelier.worker.inference;

/**
 * How a large image is cut into tiles ({@link TiledStylizer}).
 *
 * @param side the longest core of a tile (a multiple of 4)
 * @param overlap how far each tile reaches into its neighbours (a multiple of 4, at most a quarter of the side)
 * @param statisticsSide the longer side of the thumbnail the tiles' instance-norm statistics are measured on
 */
public record TileSettings(int side, int overlap, int statisticsSide) {
    public TileSettings {
        if (side % 4 != 0 || overlap % 4 != 0 || side < 4 * overlap || side < 16 || statisticsSide < 16) {
            throw new IllegalArgumentException(
                    "tile side " + side + " and overlap " + overlap
                            + " must be multiples of 4, the side at least 16 and four overlaps, the statistics side at least 16");
        }
    }

    /** Whether an image of these sides is run in tiles rather than whole. */
    boolean tiles(int width, int height) {
        return width > wholeSide() || height > wholeSide();
    }

    /** The most pixels one whole-image run takes: a square of the largest side still run whole. */
    long wholeRunPixels() {
        return (long) wholeSide() * wholeSide();
    }

    private int wholeSide() {
        return side + 2 * overlap;
    }

    /** The same with a smaller side, when the memory budget allows no more (never below four overlaps). */
    TileSettings atMost(int maxSide) {
        int limited = Math.max(Math.max(16, 4 * overlap), Math.min(side, maxSide / 4 * 4));
        return limited == side ? this : new TileSettings(limited, overlap, statisticsSide);
    }
}
