package dev.atelier.worker.inference;

/**
 * What the worker's resident memory may reach, and so how large a tile each model may run: a model's activations grow
 * with the pixels it runs at once, about {@value #BYTES_PER_PIXEL_PER_CHANNEL} bytes per pixel per channel of its
 * full-resolution layers (measured: udnie, width 16, 1088 x 1088 in ONNX Runtime 1.29 on CPU, 672 MB above the
 * session's own, 36 bytes per pixel per channel). The Java heap (images, the tile band) and the process's other native
 * memory ({@value #NATIVE_BASELINE_MIB} MiB: JVM metadata, threads, the loaded sessions) come off the top.
 *
 * @param bytes the budget; the Kubernetes memory limit should allow a little more
 * @param heapBytes the JVM's maximum heap
 */
public record MemoryBudget(long bytes, long heapBytes) {
    static final long BYTES_PER_PIXEL_PER_CHANNEL = 40;
    static final long NATIVE_BASELINE_MIB = 384;
    /**
     * Heap per pixel of a photo while its job runs, at its peak: the photo (4 bytes) and the result (4) while the
     * encoded result grows and is copied out (up to about 6 more for PNG); decoding peaks lower (3 + 4), blending by
     * strength works row by row, the tile band is a few rows.
     */
    static final long HEAP_BYTES_PER_PIXEL = 16;
    /** The heap the worker needs besides the photo: Quarkus, Kafka's buffers, the model catalogue. */
    static final long HEAP_BASELINE_MIB = 256;

    /**
     * The most pixels a photo may have for its job to fit the heap; a larger one fails with {@code input.too-large}
     * before it is decoded, not with an {@code OutOfMemoryError} that would kill the worker.
     */
    public long maxPixels() {
        return Math.max(0, (heapBytes - HEAP_BASELINE_MIB * 1024 * 1024) / HEAP_BYTES_PER_PIXEL);
    }

    /** The longest tile side (tile plus both overlaps) a model of {@code channels} full-resolution channels may run at. */
    int tileSide(int channels, int overlap) {
        long available = bytes - heapBytes - NATIVE_BASELINE_MIB * 1024 * 1024;
        if (available <= 0) {
            return 0;
        }
        long pixels = available / (BYTES_PER_PIXEL_PER_CHANNEL * Math.max(1, channels));
        return (int) Math.min(Integer.MAX_VALUE, (long) Math.sqrt(pixels)) - 2 * overlap;
    }
}
