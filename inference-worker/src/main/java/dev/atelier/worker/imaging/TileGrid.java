package dev.atelier.worker.imaging;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts one side of an image into tiles that overlap, for models too large to run on the whole image at once. Each
 * tile has a core; its region reaches {@code overlap} further on each side that has a neighbour, and in the
 * {@code 2 x overlap} band around each core boundary the two tiles' weights ramp linearly across each other and sum
 * to 1, so blending them leaves no seam. A model's errors near a tile's edge (where its padding replaces the
 * neighbour's pixels) get a weight near 0. All positions are multiples of 4 when the side, the tile side and the
 * overlap are.
 */
public final class TileGrid {
    private TileGrid() {}

    /**
     * One tile along one side.
     *
     * @param regionStart first pixel the model sees
     * @param regionEnd one past the last pixel the model sees
     * @param coreStart where this tile's weight reaches 1 minus the overlap (the boundary with the previous tile)
     * @param coreEnd the boundary with the next tile
     * @param side the whole side's length
     * @param overlap how far a region reaches beyond its core
     */
    public record Span(int regionStart, int regionEnd, int coreStart, int coreEnd, int side, int overlap) {
        public int length() {
            return regionEnd - regionStart;
        }

        /** This tile's blending weight at image position {@code x}, inside its region. */
        public float weight(int x) {
            float w = 1f;
            if (coreStart > 0 && x < coreStart + overlap) {
                w = Math.min(w, (x - (coreStart - overlap) + 0.5f) / (2f * overlap));
            }
            if (coreEnd < side && x >= coreEnd - overlap) {
                w = Math.min(w, ((coreEnd + overlap) - x - 0.5f) / (2f * overlap));
            }
            return w;
        }
    }

    /**
     * @param side the side to cut
     * @param tile the longest core
     * @param overlap how far regions reach beyond their cores; at most half the core
     * @return one span for a side no longer than {@code tile}, else cores of (nearly) equal length (a last core shorter
     *     than {@code 2 x overlap} is joined to the one before)
     */
    public static List<Span> spans(int side, int tile, int overlap) {
        if (side <= 0 || tile <= 0 || overlap < 0 || 2 * overlap > tile) {
            throw new IllegalArgumentException("side " + side + ", tile " + tile + ", overlap " + overlap
                    + ": need positive sides and an overlap of at most half a tile");
        }
        int count = (side + tile - 1) / tile;
        int core = roundUp((side + count - 1) / count, 4);
        List<Span> spans = new ArrayList<>();
        int start = 0;
        while (start < side) {
            int end = Math.min(side, start + core);
            if (side - end < 2 * overlap) {
                end = side; // a last sliver too short to ramp in joins this tile
            }
            spans.add(new Span(
                    start - (start > 0 ? overlap : 0), end + (end < side ? overlap : 0), start, end, side, overlap));
            start = end;
        }
        return spans;
    }

    private static int roundUp(int value, int multiple) {
        return (value + multiple - 1) / multiple * multiple;
    }
}
