package dev.atelier.worker.config;

/** The setting {@code atelier.worker.execution-provider}. */
public enum ProviderMode {
    /** CUDA when the GPU build and a device are present, else CPU. */
    AUTO,
    CPU,
    /** CUDA or refuse to start. */
    CUDA
}
