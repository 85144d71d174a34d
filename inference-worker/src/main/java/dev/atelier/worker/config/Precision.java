package dev.atelier.worker.config;

/** The setting {@code atelier.worker.precision}: the arithmetic style models run in. */
public enum Precision {
    /** Half on CUDA (tensor cores, half the memory), float on the CPU (which has no half kernels and would cast). */
    AUTO,
    FLOAT,
    /** Half wherever the worker runs; on the CPU only for tests and comparisons, as it is slower there. */
    HALF;

    /** Whether models run in half precision under this setting on the given provider. */
    public boolean half(boolean onCuda) {
        return this == HALF || (this == AUTO && onCuda);
    }
}
