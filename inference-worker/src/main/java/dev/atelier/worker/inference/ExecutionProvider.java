package dev.atelier.worker.inference;

import java.util.Locale;

/** Where inference runs; {@link #label()} is what logs, metrics and job records show. */
public enum ExecutionProvider {
    CPU,
    CUDA;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
