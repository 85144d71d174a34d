package dev.atelier.trainer.loss;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where a loss network's weights come from (a setting).
 *
 * @param kind {@value SqueezeNet#NAME} (default) or {@value Vgg19Relu31#NAME}
 * @param location a file or folder path, or an http(s)/file URL of a single file; SqueezeNet reads the zoo's
 *     {@code squeezenet1.1-7.onnx}, the derived {@code squeezenet1.1_features.onnx}, or the folder
 *     {@code weights_npy/}; the VGG reads its {@code .npz}
 * @param sha256 hex digest the downloaded file must have; required for URLs, checked for files when given
 * @param dataDir where downloads are kept, so each URL is fetched once
 */
public record LossNetworkSource(String kind, String location, String sha256, Path dataDir) {
    public LossNetworkSource {
        kind = kind == null || kind.isBlank() ? SqueezeNet.NAME : kind.trim().toLowerCase(Locale.ROOT);
        if (!kind.equals(SqueezeNet.NAME) && !kind.equals(Vgg19Relu31.NAME)) {
            throw new IllegalArgumentException(
                    "unknown loss network '" + kind + "', expected " + SqueezeNet.NAME + " or " + Vgg19Relu31.NAME);
        }
        if (location == null || location.isBlank()) {
            throw new IllegalArgumentException("the " + kind + " loss network needs a weight file or URL: none of the"
                    + " registries reachable here ships ImageNet weights");
        }
    }

    public boolean isUrl() {
        return location.matches("(?i)(https?|file):.*");
    }
}
