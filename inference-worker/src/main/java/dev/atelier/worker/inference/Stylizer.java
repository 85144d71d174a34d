package dev.atelier.worker.inference;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import dev.atelier.contracts.models.ModelManifest;
import dev.atelier.imaging.Resizing;
import dev.atelier.imaging.TensorImages;
import dev.atelier.worker.imaging.Padding;
import dev.atelier.worker.imaging.PaddingMode;
import java.awt.image.BufferedImage;

/**
 * Runs a style model on an upright RGB image and returns a result of exactly the image's size:
 * dynamic models get the image padded to sides divisible by 4 and their output cropped back, and an image
 * larger than a tile is run in tiles ({@link TiledStylizer}); models with a fixed input size get it resized
 * there and back. A job's {@link Rendering} may run the model at another size than the photo's (the stroke size) and
 * finishes the result (the photo's colours, blending by strength).
 */
public final class Stylizer {
    /** The transform nets halve the resolution twice. */
    static final int SIDE_MULTIPLE = 4;
    /** Below this the nets' own reflection padding would be larger than their feature maps. */
    static final int MIN_SIDE = 16;

    private final InferenceLane lane;
    private final PaddingMode padding;
    private final TileSettings tileSettings;
    private final MemoryBudget budget;
    private final TiledStylizer tiled;

    /**
     * @param tileSettings the largest tiles; images larger than one run in tiles
     * @param budget what the worker's memory may reach: a model whose tiles would not fit gets smaller ones
     * @param lane where the models run (one run at a time, batched when it batches)
     */
    public Stylizer(
            OrtEnvironment environment,
            PaddingMode padding,
            TileSettings tileSettings,
            MemoryBudget budget,
            InferenceLane lane) {
        this.lane = lane;
        this.padding = padding;
        this.tileSettings = tileSettings;
        this.budget = budget;
        this.tiled = new TiledStylizer(environment);
    }

    /** The tiles of a model: as configured, or smaller where its activations would exceed the memory budget. */
    public TileSettings tilesFor(LoadedModel model) {
        return tileSettings.atMost(budget.tileSide(model.activationChannels(), tileSettings.overlap()));
    }

    /**
     * The stylized image, the nanoseconds spent inside the model (a batch's run shared among its images), those spent
     * waiting for the model to be free, and how many photos ran in its batch.
     */
    public record Stylized(BufferedImage image, long inferenceNanos, long waitedNanos, int batch) {}

    /** @throws InterruptedException when interrupted while waiting for the model (the worker stopping) */
    public Stylized stylize(LoadedModel model, BufferedImage content, Rendering rendering)
            throws OrtException, InterruptedException {
        int width = content.getWidth();
        int height = content.getHeight();
        int runWidth = rendering.runSide(width);
        int runHeight = rendering.runSide(height);
        boolean rescaled = runWidth != width || runHeight != height;
        Stylized ran = run(model, rescaled ? Resizing.resize(content, runWidth, runHeight) : content);
        BufferedImage styled = rescaled ? Resizing.resize(ran.image(), width, height) : ran.image();
        return new Stylized(rendering.finish(styled, content), ran.inferenceNanos(), ran.waitedNanos(), ran.batch());
    }

    /** The model's output for the image, of exactly its size. */
    private Stylized run(LoadedModel model, BufferedImage content) throws OrtException, InterruptedException {
        ModelManifest manifest = model.manifest();
        int width = content.getWidth();
        int height = content.getHeight();
        boolean fixed =
                manifest.fixedWidth().isPresent() || manifest.fixedHeight().isPresent();
        TileSettings tiles = tilesFor(model);
        if (!fixed && tiles.tiles(width, height)) {
            // Padding, running and cropping happen tile by tile: no copy of a large photo is made.
            long queued = System.nanoTime();
            long[] started = new long[1];
            BufferedImage styled = lane.exclusive(() -> {
                started[0] = System.nanoTime();
                return tiled.stylize(model, content, padding, tiles);
            });
            return new Stylized(styled, System.nanoTime() - started[0], started[0] - queued, 1);
        }
        BufferedImage input = fixed
                ? Resizing.resize(
                        content,
                        manifest.fixedWidth().orElse(roundUp(width)),
                        manifest.fixedHeight().orElse(roundUp(height)))
                : Padding.pad(content, SIDE_MULTIPLE, MIN_SIDE, padding);
        // A batch may hold what the budget lets one run take.
        InferenceLane.Ran ran = lane.run(model, TensorImages.toTensor(input), tiles.wholeRunPixels());
        BufferedImage output = TensorImages.toImage(ran.output());
        if (output.getWidth() != input.getWidth() || output.getHeight() != input.getHeight()) {
            output = Resizing.resize(output, input.getWidth(), input.getHeight());
        }
        BufferedImage styled = fixed ? Resizing.resize(output, width, height) : Padding.crop(output, width, height);
        return new Stylized(styled, ran.runNanos(), ran.waitedNanos(), ran.batch());
    }

    /** The side a dynamic model runs at: a multiple of 4, at least {@link #MIN_SIDE}. */
    static int roundUp(int side) {
        return Math.max(MIN_SIDE, (side + SIDE_MULTIPLE - 1) / SIDE_MULTIPLE * SIDE_MULTIPLE);
    }
}
