package dev.atelier.trainer.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Loads the loss network a {@link LossNetworkSource} names, downloading it first when it is a URL. */
public final class LossNetworks {
    private LossNetworks() {}

    /**
     * @param parent the manager (and so the device) the weights are created under; the network owns a
     *     sub-manager and frees it when closed
     * @throws IOException if the weights cannot be fetched or read, or a given sha256 does not match
     */
    public static LossNetwork load(LossNetworkSource source, NDManager parent) throws IOException {
        Path path = resolve(source);
        NDManager manager = parent.newSubManager();
        try {
            Map<String, NDArray> arrays = WeightFiles.read(path, manager);
            return switch (source.kind()) {
                case SqueezeNet.NAME -> SqueezeNet.of(manager, arrays, true);
                case Vgg19Relu31.NAME -> Vgg19Relu31.of(manager, arrays);
                default -> throw new IllegalArgumentException("unknown loss network " + source.kind());
            };
        } catch (IOException | RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    private static Path resolve(LossNetworkSource source) throws IOException {
        if (source.isUrl()) {
            return WeightDownloader.fetch(URI.create(source.location()), source.sha256(), source.dataDir());
        }
        Path path = Path.of(source.location());
        if (!Files.exists(path)) {
            throw new IOException("loss network weights not found: " + path);
        }
        if (source.sha256() != null && !source.sha256().isBlank() && Files.isRegularFile(path)) {
            String actual = WeightDownloader.sha256(path);
            if (!actual.equalsIgnoreCase(source.sha256())) {
                throw new IOException(path.getFileName() + " has sha256 " + actual + ", expected " + source.sha256());
            }
        }
        return path;
    }
}
