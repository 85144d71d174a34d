package dev.atelier.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemOptionsTest {
    @TempDir
    Path dir;

    @Test
    void givesTheTrainerTheLossNetworksOfTheModelsFolderWhenItHasThem() throws Exception {
        assumeTrue(
                System.getenv("ATELIER_TRAINER_LOSS_NETWORK_LOCATION") == null
                        && System.getenv("ATELIER_TRAINER_JUDGE_NETWORK_LOCATION") == null,
                "the environment names the networks");
        SystemOptions options = new SystemOptions();
        options.home = dir;
        options.modelsDir = dir.resolve("models");
        Files.createDirectories(options.modelsDir);
        assertThat(options.trainerConfig()).isEmpty();

        Path squeezeNet = Files.createDirectories(options.modelsDir.resolve("loss_networks/squeezenet1.1/weights_npy"));
        Path vgg = options.modelsDir.resolve("loss_networks/vgg19_normalised_relu3_1/vgg19_normalised_relu3_1.npz");
        Files.createDirectories(vgg.getParent());
        Files.write(vgg, new byte[] {1});

        assertThat(options.trainerConfig())
                .containsEntry(
                        "atelier.trainer.loss-network.location",
                        squeezeNet.toAbsolutePath().toString())
                .containsEntry(
                        "atelier.trainer.judge-network.location",
                        vgg.toAbsolutePath().toString())
                .hasSize(2);
    }
}
