package dev.atelier.trainer.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.atelier.trainer.network.NetworkWeights;
import dev.atelier.trainer.onnx.OnnxInitializers;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads named weight arrays from where pretrained networks are published: an ONNX model (its initializers),
 * a NumPy {@code .npz} archive, or a folder of {@code .npy} files named after the arrays.
 */
public final class WeightFiles {
    private WeightFiles() {}

    /** @throws IOException if the path is none of the supported forms or cannot be read */
    public static Map<String, NDArray> read(Path path, NDManager manager) throws IOException {
        if (Files.isDirectory(path)) {
            return readNpyFolder(path, manager);
        }
        String name = path.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path))) {
            if (name.endsWith(".onnx")) {
                return OnnxInitializers.read(in, manager);
            }
            if (name.endsWith(".npz")) {
                return NetworkWeights.readNpz(in, manager);
            }
        }
        throw new IOException(
                "unsupported weight file " + path.getFileName() + ": expected .onnx, .npz or a folder of .npy");
    }

    private static Map<String, NDArray> readNpyFolder(Path folder, NDManager manager) throws IOException {
        Map<String, NDArray> arrays = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".npy"))
                    .sorted()
                    .toList();
        }
        if (files.isEmpty()) {
            throw new IOException("no .npy files in " + folder.getFileName());
        }
        for (Path file : files) {
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
                NDArray array = NpyReader.read(in, manager);
                String name = file.getFileName().toString();
                name = name.substring(0, name.length() - ".npy".length());
                array.setName(name);
                arrays.put(name, array);
            }
        }
        return arrays;
    }
}
