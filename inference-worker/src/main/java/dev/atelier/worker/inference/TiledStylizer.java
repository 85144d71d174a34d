package dev.atelier.worker.inference;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.atelier.imaging.ImageTensor;
import dev.atelier.imaging.Resizing;
import dev.atelier.imaging.TensorImages;
import dev.atelier.onnx.InstanceNormSplit;
import dev.atelier.worker.imaging.Padding;
import dev.atelier.worker.imaging.PaddingMode;
import dev.atelier.worker.imaging.TileGrid;
import java.awt.image.BufferedImage;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stylises an image too large to run at once in overlapping tiles, so that the model's memory follows the tile,
 * not the photo. The instance-norm statistics are measured once, on a thumbnail of the whole image, and every tile
 * normalises with them ({@link TileSessions}): tiles that took their own would differ in colour and contrast. The
 * tiles are blended with the linear ramps of {@link TileGrid} into a band of rows that moves down the image, so
 * besides the input and output images only one row of tiles is held as floats.
 */
final class TiledStylizer {
    private final OrtEnvironment environment;

    TiledStylizer(OrtEnvironment environment) {
        this.environment = environment;
    }

    /**
     * @param image any size; the tiles at its right and bottom edges are padded as {@link Padding#pad} would
     * @return the stylised image, same size
     */
    BufferedImage stylize(LoadedModel model, BufferedImage image, PaddingMode padding, TileSettings settings)
            throws OrtException {
        String input = model.manifest().inputName();
        String output = model.manifest().outputName();
        TileSessions split = model.tiles();
        Map<String, OnnxTensor> statistics =
                split == null ? Map.of() : statistics(split, input, image, padding, settings.statisticsSide());
        try {
            OrtSession session = split == null ? model.session() : split.tiles();
            // The grid covers the image padded to multiples of 4; only the image's own pixels are kept.
            int width = Stylizer.roundUp(image.getWidth());
            List<TileGrid.Span> columns = TileGrid.spans(width, settings.side(), settings.overlap());
            List<TileGrid.Span> rows =
                    TileGrid.spans(Stylizer.roundUp(image.getHeight()), settings.side(), settings.overlap());
            BufferedImage result = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            Band band = new Band(
                    width, rows.stream().mapToInt(TileGrid.Span::length).max().orElseThrow());
            for (TileGrid.Span row : rows) {
                band.moveTo(row.regionStart(), result);
                for (TileGrid.Span column : columns) {
                    ImageTensor tile = Padding.tensor(
                            image, column.regionStart(), row.regionStart(), column.length(), row.length(), padding);
                    band.add(run(session, input, output, tile, statistics), column, row);
                }
            }
            band.moveTo(rows.get(rows.size() - 1).regionEnd(), result);
            return result;
        } finally {
            statistics.values().forEach(OnnxTensor::close);
        }
    }

    /** The whole image's instance-norm statistics, measured on its thumbnail, as inputs for the tile session. */
    private Map<String, OnnxTensor> statistics(
            TileSessions split, String input, BufferedImage image, PaddingMode padding, int side) throws OrtException {
        BufferedImage thumbnail =
                Padding.pad(Resizing.shrink(image, side), Stylizer.SIDE_MULTIPLE, Stylizer.MIN_SIDE, padding);
        ImageTensor tensor = TensorImages.toTensor(thumbnail);
        Map<String, OnnxTensor> statistics = new HashMap<>();
        Set<String> names = new LinkedHashSet<>();
        for (InstanceNormSplit.Statistic s : split.names()) {
            names.add(s.mean());
            names.add(s.variance());
        }
        try (OnnxTensor in = OnnxTensor.createTensor(environment, FloatBuffer.wrap(tensor.data()), tensor.shape());
                OrtSession.Result result = split.statistics().run(Map.of(input, in), names)) {
            for (String name : names) {
                OnnxTensor measured = (OnnxTensor) result.get(name).orElseThrow();
                FloatBuffer values = measured.getFloatBuffer();
                // Copied out: the result's tensors are freed when it closes, these live until the last tile.
                statistics.put(
                        name,
                        OnnxTensor.createTensor(
                                environment, values, measured.getInfo().getShape()));
            }
        } catch (OrtException | RuntimeException e) {
            statistics.values().forEach(OnnxTensor::close);
            throw e;
        }
        return statistics;
    }

    private float[] run(
            OrtSession session, String input, String output, ImageTensor tile, Map<String, OnnxTensor> statistics)
            throws OrtException {
        try (OnnxTensor in = OnnxTensor.createTensor(environment, FloatBuffer.wrap(tile.data()), tile.shape())) {
            Map<String, OnnxTensor> inputs = new HashMap<>(statistics);
            inputs.put(input, in);
            try (OrtSession.Result result = session.run(inputs, Set.of(output))) {
                OnnxTensor out = (OnnxTensor) result.get(output)
                        .orElseThrow(() -> new InvalidModelException("the tile model returned no '" + output + "'"));
                long[] shape = out.getInfo().getShape();
                if (shape[2] != tile.height() || shape[3] != tile.width()) {
                    throw new InvalidModelException(
                            "a " + tile.width() + "x" + tile.height() + " tile came back " + shape[3] + "x" + shape[2]);
                }
                FloatBuffer values = out.getFloatBuffer();
                float[] data = new float[values.remaining()];
                values.get(data);
                return data;
            }
        }
    }

    /** The weighted sums of the tiles of the current row, for the rows they cover; finished rows go to the result. */
    private static final class Band {
        private final int width;
        private final int height;
        private final float[][] sums = new float[3][];
        private int top;

        Band(int width, int height) {
            this.width = width;
            this.height = height;
            for (int c = 0; c < 3; c++) {
                sums[c] = new float[width * height];
            }
        }

        /** Adds a tile's output (planar RGB over the span's region), weighted. */
        void add(float[] tile, TileGrid.Span column, TileGrid.Span row) {
            int w = column.length();
            int plane = w * row.length();
            float[] columnWeights = new float[w];
            for (int x = 0; x < w; x++) {
                columnWeights[x] = column.weight(column.regionStart() + x);
            }
            for (int y = 0; y < row.length(); y++) {
                float rowWeight = row.weight(row.regionStart() + y);
                int bandRow = (row.regionStart() + y - top) * width + column.regionStart();
                for (int x = 0; x < w; x++) {
                    float weight = rowWeight * columnWeights[x];
                    int i = y * w + x;
                    sums[0][bandRow + x] += weight * tile[i];
                    sums[1][bandRow + x] += weight * tile[plane + i];
                    sums[2][bandRow + x] += weight * tile[2 * plane + i];
                }
            }
        }

        /**
         * Writes rows {@code [top, newTop)}, which no later tile reaches, to the result (those inside it: the band
         * covers the padding too) and moves the band down.
         */
        void moveTo(int newTop, BufferedImage result) {
            int done = Math.min(newTop - top, height);
            int kept = result.getWidth();
            int[] line = new int[kept];
            for (int y = 0; y < done && top + y < result.getHeight(); y++) {
                for (int x = 0; x < kept; x++) {
                    int i = y * width + x;
                    line[x] = (TensorImages.channel(sums[0][i]) << 16)
                            | (TensorImages.channel(sums[1][i]) << 8)
                            | TensorImages.channel(sums[2][i]);
                }
                result.setRGB(0, top + y, kept, 1, line, 0, kept);
            }
            for (float[] plane : sums) {
                System.arraycopy(plane, done * width, plane, 0, (height - done) * width);
                Arrays.fill(plane, (height - done) * width, height * width, 0f);
            }
            top = newTop;
        }
    }
}
