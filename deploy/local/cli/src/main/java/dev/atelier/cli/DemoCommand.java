package dev.atelier.cli;

import dev.atelier.cli.services.AtelierSystem;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code atelier demo}: like {@code up}, but writes the stylized photo to a file and exits. */
@Command(
        name = "demo",
        description = "Start everything, stylize one photo through the HTTP API, write the result to --out, stop.")
final class DemoCommand implements Callable<Integer> {
    @Mixin
    SystemOptions options;

    @Option(names = "--out", required = true, description = "Where to write the stylized image (.png or .jpg).")
    Path out;

    @Option(names = "--image", description = "Photo to stylize (default: samples/astronaut.jpg).")
    Path image;

    @Option(
            names = "--style",
            description = "Style id, optionally @version (default: udnie, else the first registered).")
    String style;

    @Override
    public Integer call() throws Exception {
        Path photo = SampleRun.choosePhoto(image, options);
        try (AtelierSystem system = AtelierSystem.start(
                options.layout(), System.out, Map.of(AtelierSystem.TRAINER, options.trainerConfig()))) {
            String chosen = SampleRun.chooseStyle(style, SampleRun.registerModels(options, system.stack(), System.out));
            SampleRun.stylize(system, photo, chosen, out, System.out);
        }
        return 0;
    }
}
