package dev.atelier.trainer.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads named weight arrays from a NumPy {@code .npz} archive (the state-dict keys as entry names). */
public final class NetworkWeights {
    private NetworkWeights() {}

    public static Map<String, NDArray> readNpz(Path file, NDManager manager) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return readNpz(in, manager);
        }
    }

    /** @throws IllegalArgumentException if the stream is not an npz archive of named arrays */
    public static Map<String, NDArray> readNpz(InputStream in, NDManager manager) {
        NDList list = NDList.decode(manager, in);
        Map<String, NDArray> arrays = new LinkedHashMap<>();
        for (NDArray array : list) {
            if (array.getName() == null) {
                throw new IllegalArgumentException("npz entry without a name (arr_N): save the arrays by keyword");
            }
            arrays.put(array.getName(), array);
        }
        return arrays;
    }
}
