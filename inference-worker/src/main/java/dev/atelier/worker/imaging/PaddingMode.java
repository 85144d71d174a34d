package dev.atelier.worker.imaging;

/** How {@link Padding} fills the border it adds. */
public enum PaddingMode {
    /** Mirror the image at its edge (no repeated edge pixel), as the models' own padding does. */
    REFLECT,
    /** Repeat the edge pixel. */
    EDGE
}
