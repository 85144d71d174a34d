package dev.atelier.worker.inference;

import dev.atelier.worker.config.ProviderMode;
import java.util.function.BooleanSupplier;

/** Decides the {@link ExecutionProvider} from the setting and what this machine offers. */
public final class ProviderChoice {
    private ProviderChoice() {}

    /**
     * @param cudaBuilt whether the ONNX Runtime build lists the CUDA provider (the GPU jar)
     * @param cudaUsable whether enabling CUDA on session options succeeds (libraries and a device present);
     *     asked only when needed
     * @throws IllegalStateException when CUDA is demanded but cannot be used
     */
    public static ExecutionProvider choose(ProviderMode mode, boolean cudaBuilt, BooleanSupplier cudaUsable) {
        return switch (mode) {
            case CPU -> ExecutionProvider.CPU;
            case AUTO -> cudaBuilt && cudaUsable.getAsBoolean() ? ExecutionProvider.CUDA : ExecutionProvider.CPU;
            case CUDA -> {
                if (!cudaBuilt) {
                    throw new IllegalStateException(
                            "execution-provider=cuda but this ONNX Runtime build has no CUDA provider "
                                    + "(build with -Pgpu for onnxruntime_gpu)");
                }
                if (!cudaUsable.getAsBoolean()) {
                    throw new IllegalStateException("execution-provider=cuda but CUDA cannot be enabled "
                            + "(no device, or CUDA 12 / cuDNN 9 libraries missing)");
                }
                yield ExecutionProvider.CUDA;
            }
        };
    }
}
