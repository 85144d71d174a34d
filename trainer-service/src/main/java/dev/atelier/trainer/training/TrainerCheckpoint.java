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
import java.util.List;
import java.util.Map;

/**
 * The style trainer's checkpoint format: everything a restored training needs to continue exactly where it was. In
 * {@link java.io.DataOutput}'s big-endian encoding:
 * <ol>
 *   <li>the magic {@value #MAGIC} ({@code writeUTF}) and the format number (int, {@value #FORMAT});
 *   <li>the network's base width, the steps completed and Adam's update count (ints);
 *   <li>from format 2 on, the gradient clipper's average (float) and the steps it has seen (int);
 *   <li>from format 3 on, whether a discriminator follows (boolean) and if so its width, Adam's update count, its
 *       clipper's average and steps seen;
 *   <li>DJL's {@link NDList} encoding of the network's parameters, Adam's first and second moments, named
 *       {@code param/NAME}, {@code adam.m/NAME} and {@code adam.v/NAME}, and the discriminator's, under the same names
 *       prefixed {@code disc.}.
 * </ol>
 * Formats 1 (before the clipper) and 2 (before the discriminator) still load: what they lack starts afresh, as a new
 * one would. The content source's position is not part of it: a restored training draws new crops.
 *
 * @param baseWidth the transform network's base width
 * @param completedSteps steps done when the state was taken
 * @param adamUpdates Adam's update count (its bias correction depends on it)
 * @param clipperAverage the gradient clipper's running average of norms (0 when it has seen nothing)
 * @param clipperSeen steps the clipper has seen
 * @param parameters the network's arrays by parameter name
 * @param means Adam's first moments by parameter name
 * @param variances Adam's second moments by parameter name
 * @param discriminator the adversarial term's discriminator, or null when the training has none
 */
public record TrainerCheckpoint(
        int baseWidth,
        int completedSteps,
        int adamUpdates,
        float clipperAverage,
        int clipperSeen,
        Map<String, NDArray> parameters,
        Map<String, NDArray> means,
        Map<String, NDArray> variances,
        Discriminator discriminator) {
    static final String MAGIC = "atelier-style-trainer-checkpoint";
    /** 2 added the gradient clipper's state, 3 the discriminator's. */
    static final int FORMAT = 3;

    private static final String DISCRIMINATOR_PREFIX = "disc.";

    /**
     * The adversarial term's state ({@link AdversarialTerm}).
     *
     * @param width its first layer's channels
     */
    public record Discriminator(
            int width,
            int adamUpdates,
            float clipperAverage,
            int clipperSeen,
            Map<String, NDArray> parameters,
            Map<String, NDArray> means,
            Map<String, NDArray> variances) {}

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
        data.writeBoolean(discriminator != null);
        NDList arrays = new NDList();
        add(arrays, "", parameters, means, variances);
        if (discriminator != null) {
            data.writeInt(discriminator.width());
            data.writeInt(discriminator.adamUpdates());
            data.writeFloat(discriminator.clipperAverage());
            data.writeInt(discriminator.clipperSeen());
            add(
                    arrays,
                    DISCRIMINATOR_PREFIX,
                    discriminator.parameters(),
                    discriminator.means(),
                    discriminator.variances());
        }
        try {
            arrays.encode(data);
        } finally {
            arrays.close();
        }
        data.flush();
    }

    private static void add(
            NDList arrays,
            String prefix,
            Map<String, NDArray> parameters,
            Map<String, NDArray> means,
            Map<String, NDArray> variances) {
        parameters.forEach((name, array) -> arrays.add(named(prefix + "param/" + name, array)));
        means.forEach((name, array) -> arrays.add(named(prefix + "adam.m/" + name, array)));
        variances.forEach((name, array) -> arrays.add(named(prefix + "adam.v/" + name, array)));
    }

    /**
     * Reads a checkpoint of format 1, 2 or 3.
     *
     * @param manager owns the arrays read; the caller closes it
     * @throws IOException if the stream is not a checkpoint of a format this reads
     */
    public static TrainerCheckpoint read(InputStream in, NDManager manager) throws IOException {
        DataInputStream data = new DataInputStream(in);
        int format = MAGIC.equals(data.readUTF()) ? data.readInt() : -1;
        if (format < 1 || format > FORMAT) {
            throw new IOException("not a style-trainer checkpoint of format 1 to " + FORMAT);
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
        boolean hasDiscriminator = format >= 3 && data.readBoolean();
        int discriminatorWidth = hasDiscriminator ? data.readInt() : 0;
        int discriminatorUpdates = hasDiscriminator ? data.readInt() : 0;
        float discriminatorAverage = hasDiscriminator ? data.readFloat() : 0f;
        int discriminatorSeen = hasDiscriminator ? data.readInt() : 0;
        Map<String, Map<String, NDArray>> groups = new LinkedHashMap<>();
        for (String group : List.of(
                "param",
                "adam.m",
                "adam.v",
                DISCRIMINATOR_PREFIX + "param",
                DISCRIMINATOR_PREFIX + "adam.m",
                DISCRIMINATOR_PREFIX + "adam.v")) {
            groups.put(group, new LinkedHashMap<>());
        }
        for (NDArray array : NDList.decode(manager, data)) {
            String name = array.getName();
            int slash = name == null ? -1 : name.indexOf('/');
            Map<String, NDArray> target = slash < 0 ? null : groups.get(name.substring(0, slash));
            if (target == null) {
                throw new IOException("unexpected array " + name + " in checkpoint");
            }
            target.put(name.substring(slash + 1), array);
        }
        Discriminator discriminator = hasDiscriminator
                ? new Discriminator(
                        discriminatorWidth,
                        discriminatorUpdates,
                        discriminatorAverage,
                        discriminatorSeen,
                        groups.get(DISCRIMINATOR_PREFIX + "param"),
                        groups.get(DISCRIMINATOR_PREFIX + "adam.m"),
                        groups.get(DISCRIMINATOR_PREFIX + "adam.v"))
                : null;
        return new TrainerCheckpoint(
                width,
                steps,
                updates,
                average,
                seen,
                groups.get("param"),
                groups.get("adam.m"),
                groups.get("adam.v"),
                discriminator);
    }

    private static NDArray named(String name, NDArray array) {
        NDArray copy = array.duplicate();
        copy.setName(name);
        return copy;
    }
}
