package dev.atelier.trainer.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether PyTorch's oneDNN may pick its AVX-512 convolutions, whose gradients were measured NaN now and then (a lone
 * 8-channel conv: 3 of 6 processes) and not bit-identical from run to run, against 0 of 600 and identical with
 * {@code ONEDNN_MAX_CPU_ISA=AVX2}. oneDNN reads the variable once, from the environment, before the JVM can set it,
 * so every launcher (./atelier, Surefire, the image, Kubernetes) sets it and the trainer warns when one did not.
 */
final class OneDnnIsa {
    static final String VARIABLE = "ONEDNN_MAX_CPU_ISA";

    private OneDnnIsa() {}

    /** A warning to log when this CPU has AVX-512 and nothing keeps oneDNN off it. */
    static Optional<String> warning() {
        if (System.getenv(VARIABLE) != null || System.getenv("DNNL_MAX_CPU_ISA") != null || !cpuHasAvx512()) {
            return Optional.empty();
        }
        return Optional.of("this CPU has AVX-512 and " + VARIABLE
                + " is not set: PyTorch's oneDNN convolutions may give "
                + "NaN or irreproducible gradients; start the trainer with " + VARIABLE + "=AVX2 in its environment");
    }

    private static boolean cpuHasAvx512() {
        try {
            return Files.readString(Path.of("/proc/cpuinfo")).contains(" avx512f");
        } catch (IOException | RuntimeException e) {
            return false; // not Linux: no way to tell, and nothing to warn about that we know of
        }
    }
}
