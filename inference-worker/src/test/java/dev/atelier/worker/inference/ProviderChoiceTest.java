package dev.atelier.worker.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.worker.config.ProviderMode;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ProviderChoiceTest {

    @Test
    void autoPicksCudaOnlyWhenBuiltAndUsable() {
        assertThat(ProviderChoice.choose(ProviderMode.AUTO, true, () -> true)).isEqualTo(ExecutionProvider.CUDA);
        assertThat(ProviderChoice.choose(ProviderMode.AUTO, true, () -> false)).isEqualTo(ExecutionProvider.CPU);
        assertThat(ProviderChoice.choose(ProviderMode.AUTO, false, () -> true)).isEqualTo(ExecutionProvider.CPU);
    }

    @Test
    void autoDoesNotProbeADeviceOnTheCpuBuild() {
        AtomicInteger probes = new AtomicInteger();

        ProviderChoice.choose(ProviderMode.AUTO, false, () -> probes.incrementAndGet() > 0);

        assertThat(probes).hasValue(0);
    }

    @Test
    void cpuIsAlwaysCpu() {
        assertThat(ProviderChoice.choose(ProviderMode.CPU, true, () -> true)).isEqualTo(ExecutionProvider.CPU);
    }

    @Test
    void cudaDemandedButMissingRefusesToStart() {
        assertThat(ProviderChoice.choose(ProviderMode.CUDA, true, () -> true)).isEqualTo(ExecutionProvider.CUDA);
        assertThatThrownBy(() -> ProviderChoice.choose(ProviderMode.CUDA, false, () -> true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("-Pgpu");
        assertThatThrownBy(() -> ProviderChoice.choose(ProviderMode.CUDA, true, () -> false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no device");
    }

    @Test
    void labelsAreLowerCase() {
        assertThat(ExecutionProvider.CUDA.label()).isEqualTo("cuda");
    }
}
