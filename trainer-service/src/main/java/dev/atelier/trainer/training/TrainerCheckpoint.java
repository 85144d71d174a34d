package dev.atelier.trainer.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The style trainer's checkpoint format: everything a restored training needs to continue exactly where it was. In
 * {@link java.io.DataOutput}'s big-endian encoding:
 * <ol>
 *   <li>the magic {@value #MAGIC} ({@code writeUTF}) and the format number (int, {@value #FORMAT});
 *   <li>the network's base width, the steps completed and Adam's update count (ints);
 *   <li>from format 2 on, the gradient clipper's average (float) and the steps it has seen (int);
 *   <li>DJL's {@link NDList} encoding of the network's parameters, Adam's first and second moments, named
 *       {@code param/NAME}, {@code adam.m/NAME} and {@code adam.v/NAME}.
 * </ol>
 * Format 1 (before the clipper) still loads: its clipper starts afresh, as a new one would. The content source's
 * position is not part of it: a restored training draws new crops.
 *
 * @param baseWidth the transform network's base width
 * @param completedSteps steps done when the state was taken
 * @param adamUpdates Adam's update count (its bias correction depends on it)
 * @param clipperAverage the gradient clipper's running average of norms (0 when it has seen nothing)
 * @param clipperSeen steps the clipper has seen
 * @param parameters the network's arrays by parameter name
 * @param means Adam's first moments by parameter name
 * @param variances Adam's second moments by parameter name
 */
public record TrainerCheckpoint(
        int baseWidth,
        int completedSteps,
        int adamUpdates,
        float clipperAverage,
        int clipperSeen,
        Map<String, NDArray> parameters,
        Map<String, NDArray> means,
        Map<String, NDArray> variances) {
    static final String MAGIC = "atelier-style-trainer-checkpoint";
    /** 2 added the gradient clipper's state. */
    static final int FORMAT = 2;

    /** Writes this state in the current format; the arrays are copied, not consumed. */
    public void write(OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.writeUTF(MAGIC);
        data.writeInt(FORMAT);
        data.writeInt(baseWidth);
        data.writeInt(completedSteps);
        data.writeInt(adamUpdates);
        data.writeFloat(clipperAverage);
        data.writeInt(clipperSeen);
        NDList arrays = new NDList();
        parameters.forEach((name, array) -> arrays.add(named("param/" + name, array)));
        means.forEach((name, array) -> arrays.add(named("adam.m/" + name, array)));
        variances.forEach((name, array) -> arrays.add(named("adam.v/" + name, array)));
        try {
            arrays.encode(data);
        } finally {
            arrays.close();
        }
        data.flush();
    }

    /**
     * Reads a checkpoint of format 1 or 2.
     *
     * @param manager owns the arrays read; the caller closes it
     * @throws IOException if the stream is not a checkpoint of a format this reads
     */
    public static TrainerCheckpoint read(InputStream in, NDManager manager) throws IOException {
        DataInputStream data = new DataInputStream(in);
        int format = MAGIC.equals(data.readUTF()) ? data.readInt() : -1;
        if (format != 1 && format != FORMAT) {
            throw new IOException("not a style-trainer checkpoint of format 1 or " + FORMAT);
        }
        int width = data.readInt();
        int steps = data.readInt();
        int updates = data.readInt();
        float average = 0f;
        int seen = 0;
        if (format >= 2) {
            average = data.readFloat();
            seen = data.readInt();
        }
        Map<String, NDArray> params = new LinkedHashMap<>();
        Map<String, NDArray> means = new LinkedHashMap<>();
        Map<String, NDArray> variances = new LinkedHashMap<>();
        for (NDArray array : NDList.decode(manager, data)) {
            String name = array.getName();
            int slash = name == null ? -1 : name.indexOf('/');
            Map<String, NDArray> target = slash < 0
                    ? null
                    : switch (name.substring(0, slash)) {
                        case "param" -> params;
                        case "adam.m" -> means;
                        case "adam.v" -> variances;
                        default -> null;
                    };
            if (target == null) {
                throw new IOException("unexpected array " + name + " in checkpoint");
            }
            target.put(name.substring(slash + 1), array);
        }
        return new TrainerCheckpoint(width, steps, updates, average, seen, params, means, variances);
    }

    private static NDArray named(String name, NDArray array) {
        NDArray copy = array.duplicate();
        copy.setName(name);
        return copy;
    }
}
