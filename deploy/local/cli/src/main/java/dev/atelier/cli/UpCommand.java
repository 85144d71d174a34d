package dev.atelier.cli;

import dev.atelier.cli.services.AtelierSystem;
import dev.atelier.contracts.models.ModelManifest;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code atelier up}: runs everything, stylizes a sample photo, then serves until Ctrl-C. */
@Command(
        name = "up",
        description = "Start Kafka, the S3 server and the three services, register the models, stylize a sample "
                + "photo, print the URLs, and keep running until Ctrl-C.")
final class UpCommand implements Callable<Integer> {
    @Mixin
    SystemOptions options;

    @Option(names = "--image", description = "Photo for the sample job (default: samples/astronaut.jpg).")
    Path image;

    @Option(names = "--style", description = "Style for the sample job (default: udnie, else the first registered).")
    String style;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        AtelierSystem system =
                AtelierSystem.start(options.layout(), out, Map.of(AtelierSystem.TRAINER, options.trainerConfig()));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            out.println("Stopping everything ...");
                            system.close();
                            stopped.countDown();
                        },
                        "atelier-stop"));
        // Before the sample job: a job left behind by a worker that died (say, out of memory) may kill the next one
        // too,
        // until the worker's start limit fails it; the sample job behind it must still run.
        system.supervise(out);

        List<ModelManifest> models = SampleRun.registerModels(options, system.stack(), out);
        if (!models.isEmpty()) {
            String chosen = SampleRun.chooseStyle(style, models);
            Path photo = SampleRun.choosePhoto(image, options);
            Path result = options.dataDir()
                    .resolve("demo")
                    .resolve(chosen + "-" + photo.getFileName().toString().replaceFirst("\\.[^.]+$", "") + ".png");
            SampleRun.stylize(system, photo, chosen, result, out);
        }
        String gateway = system.gatewayUrl();
        out.println();
        out.println("Atelier is running.");
        out.println("  API key      " + system.demoKey() + "   (tenant " + AtelierSystem.DEMO_TENANT
                + "; send it as 'Authorization: Bearer <key>', shown only now)");
        out.println("  Web page     " + gateway + "/#key=" + system.demoKey() + "   (the key stays in the browser)");
        out.println("  API          " + gateway + "/v1/jobs   (styles: " + gateway + "/v1/styles)");
        out.println("  Swagger UI   " + gateway + "/q/swagger-ui");
        out.println("  OpenAPI      " + gateway + "/q/openapi");
        out.println("  Metrics      " + gateway + "/q/metrics   "
                + String.join(
                        "   ",
                        system.services().stream()
                                .skip(1)
                                .map(s -> s.baseUrl() + "/q/metrics")
                                .toList()));
        out.println("  Health       " + gateway + "/q/health");
        out.println("  S3           " + system.stack().s3Endpoint() + "  bucket "
                + system.stack().bucket());
        out.println("  Kafka        " + system.stack().bootstrapServers());
        out.println("Press Ctrl-C to stop.");
        stopped.await();
        return 0;
    }
}
