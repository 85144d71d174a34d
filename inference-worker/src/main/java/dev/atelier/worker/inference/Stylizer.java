package dev.atelier.worker.inference;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.atelier.contracts.models.ModelManifest;
import dev.atelier.imaging.ImageTensor;
import dev.atelier.imaging.Resizing;
import dev.atelier.imaging.TensorImages;
import dev.atelier.worker.imaging.Blending;
import dev.atelier.worker.imaging.Padding;
import dev.atelier.worker.imaging.PaddingMode;
import java.awt.image.BufferedImage;
import java.nio.FloatBuffer;
import java.util.Map;
import java.util.Set;

/**
 * Runs a style model on an upright RGB image and returns a result of exactly the image's size:
 * dynamic models get the image padded to sides divisible by 4 and their output cropped back, and an image
 * larger than a tile is run in tiles ({@link TiledStylizer}); models with a fixed input size get it resized
 * there and back. Then blends by {@code strength}.
 */
public final class Stylizer {
    /** The transform nets halve the resolution twice. */
    static final int SIDE_MULTIPLE = 4;
    /** Below this the nets' own reflection padding would be larger than their feature maps. */
    static final int MIN_SIDE = 16;

    private final OrtEnvironment environment;
    private final PaddingMode padding;
    private final TileSettings tileSettings;
    private final MemoryBudget budget;
    private final TiledStylizer tiled;

    /**
     * @param tileSettings the largest tiles; images larger than one run in tiles
     * @param budget what the worker's memory may reach: a model whose tiles would not fit gets smaller ones
     */
    public Stylizer(OrtEnvironment environment, PaddingMode padding, TileSettings tileSettings, MemoryBudget budget) {
        this.environment = environment;
        this.padding = padding;
        this.tileSettings = tileSettings;
        this.budget = budget;
        this.tiled = new TiledStylizer(environment);
    }

    /** The tiles of a model: as configured, or smaller where its activations would exceed the memory budget. */
    public TileSettings tilesFor(LoadedModel model) {
        return tileSettings.atMost(budget.tileSide(model.activationChannels(), tileSettings.overlap()));
    }

    /** The stylized image and the nanoseconds spent inside the model. */
    public record Stylized(BufferedImage image, long inferenceNanos) {}

    public Stylized stylize(LoadedModel model, BufferedImage content, double strength) throws OrtException {
        ModelManifest manifest = model.manifest();
        int width = content.getWidth();
        int height = content.getHeight();
        boolean fixed =
                manifest.fixedWidth().isPresent() || manifest.fixedHeight().isPresent();
        TileSettings tiles = tilesFor(model);
        if (!fixed && tiles.tiles(width, height)) {
            // Padding, running and cropping happen tile by tile: no copy of a large photo is made.
            long start = System.nanoTime();
            BufferedImage styled = tiled.stylize(model, content, padding, tiles);
            return new Stylized(Blending.blend(styled, content, strength), System.nanoTime() - start);
        }
        BufferedImage input = fixed
                ? Resizing.resize(
                        content,
                        manifest.fixedWidth().orElse(roundUp(width)),
                        manifest.fixedHeight().orElse(roundUp(height)))
                : Padding.pad(content, SIDE_MULTIPLE, MIN_SIDE, padding);
        long start = System.nanoTime();
        BufferedImage output = run(model, input);
        long nanos = System.nanoTime() - start;
        if (output.getWidth() != input.getWidth() || output.getHeight() != input.getHeight()) {
            output = Resizing.resize(output, input.getWidth(), input.getHeight());
        }
        BufferedImage styled = fixed ? Resizing.resize(output, width, height) : Padding.crop(output, width, height);
        return new Stylized(Blending.blend(styled, content, strength), nanos);
    }

    private BufferedImage run(LoadedModel model, BufferedImage image) throws OrtException {
        ModelManifest manifest = model.manifest();
        ImageTensor tensor = TensorImages.toTensor(image);
        try (OnnxTensor input = OnnxTensor.createTensor(environment, FloatBuffer.wrap(tensor.data()), tensor.shape());
                OrtSession.Result result =
                        model.session().run(Map.of(manifest.inputName(), input), Set.of(manifest.outputName()))) {
            OnnxTensor output = (OnnxTensor) result.get(manifest.outputName())
                    .orElseThrow(() ->
                            new InvalidModelException(model.id() + " returned no '" + manifest.outputName() + "'"));
            long[] shape = output.getInfo().getShape();
            FloatBuffer values = output.getFloatBuffer();
            float[] data = new float[values.remaining()];
            values.get(data);
            return TensorImages.toImage(new ImageTensor(data, (int) shape[3], (int) shape[2]));
        }
    }

    /** The side a dynamic model runs at: a multiple of 4, at least {@link #MIN_SIDE}. */
    static int roundUp(int side) {
        return Math.max(MIN_SIDE, (side + SIDE_MULTIPLE - 1) / SIDE_MULTIPLE * SIDE_MULTIPLE);
    }
}
