package dev.atelier.trainer.starter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.trainer.SharedFiles;
import dev.atelier.trainer.onnx.OnnxRunner;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offline starter command on four shared photos, kept tiny: a gate failure, then a resumed run that publishes. */
class StarterTrainingTest {
    @TempDir
    Path dir;

    @Test
    void writesOnlyTheCardWhenTheGateFailsAndTheModelWhenARerunResumesAndPasses() throws Exception {
        Path photos = Files.createDirectories(dir.resolve("photos"));
        for (String name : List.of("amber.jpg", "chicago.jpg", "chelsea.png", "coffee.png")) {
            Files.copy(SharedFiles.require("images/content/" + name), photos.resolve(name));
        }
        Files.writeString(photos.resolve("notes.jpg"), "not an image");
        Path out = dir.resolve("out");
        List<String> args = new ArrayList<>(List.of(
                "--style",
                SharedFiles.require("images/style/great_wave.jpg").toString(),
                "--photos",
                photos.toString(),
                "--out",
                out.toString(),
                "--credit",
                "Hokusai, public domain",
                "--width",
                "8",
                "--batch",
                "1",
                "--image-size",
                "32",
                "--max-side",
                "64",
                "--learning-rate",
                "0.01",
                "--hold-out",
                "c*.png",
                "--checkpoint-every",
                "2",
                "--preview-every",
                "2",
                "--log-every",
                "2",
                "--squeezenet",
                SharedFiles.require("models/loss_networks/squeezenet1.1/weights_npy")
                        .toString(),
                "--vgg",
                SharedFiles.require("models/loss_networks/vgg19_normalised_relu3_1/vgg19_normalised_relu3_1.npz")
                        .toString()));

        ByteArrayOutputStream log = new ByteArrayOutputStream();
        List<String> failing = new ArrayList<>(args);
        failing.addAll(List.of("--steps", "4"));
        assertThat(StarterTraining.run(
                        StarterOptions.parse(failing.toArray(String[]::new)), new PrintStream(log, true)))
                .isEqualTo(1);
        String card = Files.readString(out.resolve("MODEL_CARD.md"));
        assertThat(card)
                .contains("NOT published: quality.below-gate")
                .contains("squeezenet1.1: style loss")
                .contains("held out: [chelsea.png, coffee.png]")
                .contains("Hokusai, public domain");
        assertThat(out.resolve("model.onnx")).doesNotExist();
        assertThat(out.resolve("previews/step-000004.jpg")).exists();
        assertThat(log.toString(StandardCharsets.UTF_8))
                .contains("skipped notes.jpg")
                .contains("step 4/4");

        List<String> passing = new ArrayList<>(args);
        passing.addAll(List.of(
                "--steps",
                "6",
                "--max-style-ratio",
                "100",
                "--max-photo-style-ratio",
                "100",
                "--max-content-ratio",
                "100",
                "--max-trade-off",
                "10000",
                "--reference",
                SharedFiles.require("models/fast_neural_style/pytorch_nc16/udnie_nc16.onnx")
                        .toString()));
        assertThat(StarterTraining.run(
                        StarterOptions.parse(passing.toArray(String[]::new)), new PrintStream(log, true)))
                .isZero();
        card = Files.readString(out.resolve("MODEL_CARD.md"));
        System.out.println(card);
        assertThat(card)
                .contains("Outcome: **published**")
                .contains("this run: 2, resumed at step 5")
                .contains("| `vgg19_normalised_relu3_1.styleLoss` |")
                .contains("do not ship this model")
                .contains("## Compared with the reference model")
                .contains("`udnie_nc16.onnx`")
                .containsPattern("\\| squeezenet1.1 \\| [0-9.]+ \\| [0-9.]+ \\| [0-9.]+ \\|")
                .containsPattern("\\| vgg19_normalised_relu3_1 \\| [0-9.]+ \\| [0-9.]+ \\| [0-9.]+ \\|");
        try (OnnxRunner runner = new OnnxRunner(Files.readAllBytes(out.resolve("model.onnx")), "input1", "output1")) {
            assertThat(runner.run(new float[3 * 16 * 16], new long[] {1, 3, 16, 16}))
                    .hasSize(3 * 16 * 16);
        }
        assertThat(out.resolve("preview.jpg")).exists();
    }

    @Test
    void aStopRequestEndsTheRunBetweenTwoStepsAfterItsCheckpoint() throws Exception {
        Path photos = Files.createDirectories(dir.resolve("photos"));
        for (String name : List.of("amber.jpg", "chicago.jpg", "coffee.png")) {
            Files.copy(SharedFiles.require("images/content/" + name), photos.resolve(name));
        }
        Path out = dir.resolve("out");
        String[] args = {
            "--style",
            SharedFiles.require("images/style/great_wave.jpg").toString(),
            "--photos",
            photos.toString(),
            "--out",
            out.toString(),
            "--width",
            "8",
            "--batch",
            "1",
            "--image-size",
            "32",
            "--max-side",
            "64",
            "--hold-out",
            "c*.png",
            "--steps",
            "10",
            "--checkpoint-every",
            "2",
            "--preview-every",
            "10",
            "--log-every",
            "1",
            "--squeezenet",
            SharedFiles.require("models/loss_networks/squeezenet1.1/weights_npy")
                    .toString(),
            "--vgg",
            SharedFiles.require("models/loss_networks/vgg19_normalised_relu3_1/vgg19_normalised_relu3_1.npz")
                    .toString()
        };
        AtomicInteger stepsSeen = new AtomicInteger();

        ByteArrayOutputStream log = new ByteArrayOutputStream();
        int status = StarterTraining.run(
                StarterOptions.parse(args), new PrintStream(log, true), () -> stepsSeen.incrementAndGet() == 4);

        assertThat(status).as(log.toString(StandardCharsets.UTF_8)).isEqualTo(3);
        assertThat(log.toString(StandardCharsets.UTF_8))
                .contains("step 4/10")
                .doesNotContain("step 5/10")
                .contains("Stopped at step 4 of 10: run the same command to resume");
        assertThat(new FileCheckpoints(out.resolve("checkpoint")).latest())
                .hasValueSatisfying(checkpoint -> assertThat(checkpoint.step()).isEqualTo(4));
        assertThat(out.resolve("MODEL_CARD.md")).doesNotExist();
    }

    @Test
    void refusesUnknownOrMissingArguments() {
        assertThatThrownBy(() -> StarterOptions.parse(new String[] {"--photos", "x", "--out", "y"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--style is required");
        assertThatThrownBy(() -> StarterOptions.parse(new String[] {"--styel", "x"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'--styel'");
        assertThat(StarterOptions.parse(new String[] {"--style", "a/Great_Wave.jpg", "--photos", "p", "--out", "o"})
                        .styleId())
                .isEqualTo("great-wave");
    }

    @Test
    void takesTheLastValueOfAnOptionGivenTwiceAndListsEveryOptionInItsHelp() {
        assertThat(StarterOptions.parse(new String[] {
                            "--style", "s.jpg", "--photos", "p", "--out", "o", "--steps", "5", "--steps", "7"
                        })
                        .training()
                        .steps())
                .isEqualTo(7);
        var help = StarterOptions.commandLine();
        assertThat(StarterOptions.parse(help, new String[] {"--help"})).isNotNull();
        assertThat(help.isUsageHelpRequested()).isTrue();
        assertThat(help.getUsageMessage())
                .contains("usage: ./atelier train-starter --style PAINTING --photos DIR --out DIR")
                .contains(
                        "--style-id",
                        "--title",
                        "--credit",
                        "--steps",
                        "--width",
                        "--batch",
                        "--image-size",
                        "--content-weight",
                        "--style-weight",
                        "--tv-weight",
                        "--learning-rate",
                        "--warm-up-steps",
                        "--decay-from",
                        "--seed",
                        "--hold-out",
                        "--train-with",
                        "--squeezenet",
                        "--vgg",
                        "--max-side",
                        "--max-style-ratio",
                        "--max-photo-style-ratio",
                        "--max-content-ratio",
                        "--max-trade-off",
                        "--checkpoint-every",
                        "--preview-every",
                        "--log-every",
                        "--reference");
    }
}
