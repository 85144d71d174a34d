package dev.atelier.cli;

import dev.atelier.cli.demo.DemoClient;
import dev.atelier.cli.models.ModelRegistration;
import dev.atelier.cli.services.AtelierSystem;
import dev.atelier.contracts.models.ModelManifest;
import dev.atelier.local.Stack;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The steps {@code up} and {@code demo} share: register the models, then stylize one photo through the API. */
final class SampleRun {
    static final String PREFERRED_STYLE = "udnie";

    private SampleRun() {}

    /**
     * Registers the project's starter models ({@code models/starter}, trained by its own trainer), then the models
     * of the configured folder, if any. A folder's model never takes a starter model's id: it is registered under
     * the id its whole file name gives ({@code udnie_nc16.onnx} as {@code udnie-nc16}), and the line says so.
     */
    static List<ModelManifest> registerModels(SystemOptions options, Stack stack, PrintStream out) throws Exception {
        List<ModelManifest> published = new ArrayList<>();
        try (ModelRegistration registration = ModelRegistration.connect(stack, out)) {
            Path starter = options.starterModels();
            if (Files.isDirectory(starter)) {
                out.println("Registering the starter models of " + starter + " ...");
                published.addAll(registration.registerFolder(starter));
            }
            Set<String> starterIds =
                    published.stream().map(ModelManifest::styleId).collect(Collectors.toSet());
            Optional<Path> folder = options.modelsDir();
            if (folder.isPresent() && Files.isDirectory(folder.get())) {
                out.println("Registering the models of " + folder.get() + " ...");
                List<ModelManifest> more = registration.registerFolder(folder.get(), starterIds);
                if (more.isEmpty()) {
                    out.println("The models folder " + folder.get() + " holds no .onnx file.");
                }
                published.addAll(more);
            } else if (folder.isPresent()) {
                out.println("No models folder " + folder.get() + "; only the starter models are served.");
            }
        }
        if (published.isEmpty()) {
            out.println("No style model found: " + options.starterModels()
                    + " holds none yet and no models folder was found. "
                    + "Pass --models-dir DIR or set "
                    + "ATELIER_MODELS_DIR to a folder of ONNX style models; until then no photo can be stylized.");
        }
        return published;
    }

    /** The style to demonstrate: the one asked for, else udnie (a starter model), else the first registered. */
    static String chooseStyle(String asked, List<ModelManifest> registered) {
        if (asked != null) {
            return asked;
        }
        if (registered.isEmpty()) {
            throw new IllegalStateException("no style model is registered, so there is nothing to stylize with");
        }
        return registered.stream()
                .map(ModelManifest::styleId)
                .filter(PREFERRED_STYLE::equals)
                .findFirst()
                .orElse(registered.get(0).styleId());
    }

    /** The photo to stylize: the one asked for, else the repository's sample photo ({@code samples/}). */
    static Path choosePhoto(Path asked, SystemOptions options) {
        Path photo = asked != null ? asked : options.home().resolve("samples/astronaut.jpg");
        if (!Files.isRegularFile(photo)) {
            throw new IllegalStateException(
                    asked != null ? "no such image: " + photo : "no sample photo at " + photo + "; pass --image PATH");
        }
        return photo;
    }

    static DemoClient.Outcome stylize(AtelierSystem system, Path photo, String style, Path out, PrintStream log)
            throws Exception {
        String format = out.getFileName().toString().toLowerCase().matches(".*\\.jpe?g") ? "jpeg" : "png";
        try (DemoClient client = new DemoClient(system.gatewayUrl(), system.demoKey())) {
            client.awaitStyle(style, Duration.ofSeconds(30));
            log.println("Stylizing " + photo + " with " + style + " through " + system.gatewayUrl() + "/v1/jobs ...");
            DemoClient.Outcome outcome = client.stylize(photo, style, format, Duration.ofMinutes(5));
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(out, outcome.image());
            log.printf(
                    "Job %s SUCCEEDED on %s@%s (%s): result written to %s%n",
                    outcome.jobId(),
                    style,
                    outcome.record().path("modelVersion").asText(),
                    outcome.record().path("executionProvider").asText(),
                    out.toAbsolutePath());
            return outcome;
        }
    }
}
