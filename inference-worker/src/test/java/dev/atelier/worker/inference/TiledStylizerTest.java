package dev.atelier.worker.inference;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.atelier.contracts.models.ModelManifest;
import dev.atelier.imaging.Pictures;
import dev.atelier.imaging.Resizing;
import dev.atelier.onnx.OnnxModels;
import dev.atelier.worker.imaging.PaddingMode;
import dev.atelier.worker.imaging.TileGrid;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A 2 MP photo through our own udnie, whole and in 4 x 3 tiles of 512 px: the tiles must agree with the whole image
 * and show no seam. (The worker's tiles are 1024 px; smaller ones here make more seams to look for.)
 */
class TiledStylizerTest {
    private static final OrtEnvironment ENV = OrtEnvironment.getEnvironment();
    private static final Path HOME = Path.of(System.getProperty("atelier.home", ".."));
    private static final Path SHARED = Path.of(System.getProperty("atelier.shared.dir", "../../shared"));
    private static final int TILE = 512;
    private static final int OVERLAP = 32;
    private static final MemoryBudget UNLIMITED = new MemoryBudget(Long.MAX_VALUE / 4, 0);
    private static final InferenceLane LANE = new InferenceLane(ENV, 1, Duration.ZERO);

    private static LoadedModel udnie;
    private static BufferedImage photo;
    private static BufferedImage whole;

    @BeforeAll
    static void stylizeWhole() throws Exception {
        byte[] onnx = Files.readAllBytes(HOME.resolve("models/starter/udnie/udnie.onnx"));
        OrtSession session;
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            session = ENV.createSession(onnx, options);
        }
        long[] shape = ((TensorInfo) session.getInputInfo().get("input1").getInfo()).getShape();
        ModelManifest manifest = new ModelManifest(
                "udnie",
                "Udnie",
                1,
                "00",
                onnx.length,
                "k",
                null,
                "input1",
                "output1",
                Arrays.stream(shape).boxed().toList(),
                "udnie.onnx",
                Instant.EPOCH);
        udnie = new LoadedModel(
                manifest,
                session,
                TileSessions.create(ENV, OnnxModels.parse(onnx), OrtSession.SessionOptions::new),
                16);
        // A real photo at 2 MP: Tübingen from ../shared (1024 x 768) enlarged, else the repository's sample.
        Path tubingen = SHARED.resolve("images/content/tubingen.jpg");
        BufferedImage source = ImageIO.read(
                (Files.isRegularFile(tubingen) ? tubingen : HOME.resolve("samples/astronaut.jpg")).toFile());
        int width = 1632;
        photo = Resizing.resize(source, width, width * source.getHeight() / source.getWidth() / 4 * 4);
        whole = new Stylizer(ENV, PaddingMode.REFLECT, new TileSettings(4096, OVERLAP, 4096), UNLIMITED, LANE)
                .stylize(udnie, photo, Rendering.PLAIN)
                .image();
    }

    @AfterAll
    static void close() {
        udnie.close();
        LANE.close();
    }

    @Test
    void tilesWithTheWholeImagesStatisticsAgreeWithTheWholeImageAndShowNoSeam() throws Exception {
        BufferedImage tiled = tiled(4096);
        double psnr = Pictures.psnr(whole, tiled);
        System.out.printf(
                "tiles with whole-image statistics: PSNR %.1f dB, seam ratio %.3f (whole image %.3f)%n",
                psnr, seamRatio(tiled), seamRatio(whole));
        assertThat(psnr).as("PSNR of tiles against the whole image, dB").isGreaterThan(40);
        assertThat(seamRatio(tiled)).isLessThan(seamRatio(whole) * 1.03);
    }

    @Test
    void tilesWithThumbnailStatisticsStayCloseAndShowNoSeam() throws Exception {
        BufferedImage tiled = tiled(1024);
        // For the eye: target/tiled-stylizer/{whole,tiled}.png (tile seams at x = 544, 1088, y = 408, 816).
        Path out = Files.createDirectories(Path.of("target/tiled-stylizer"));
        ImageIO.write(whole, "png", out.resolve("whole.png").toFile());
        ImageIO.write(tiled, "png", out.resolve("tiled.png").toFile());
        double psnr = Pictures.psnr(whole, tiled);
        System.out.printf(
                "tiles with 1024 px thumbnail statistics: PSNR %.1f dB, seam ratio %.3f (whole image %.3f)%n",
                psnr, seamRatio(tiled), seamRatio(whole));
        assertThat(psnr).as("PSNR of tiles against the whole image, dB").isGreaterThan(30);
        assertThat(seamRatio(tiled)).isLessThan(seamRatio(whole) * 1.03);
    }

    @Test
    void tilesThatEachTookTheirOwnStatisticsDriftAwayFromTheWholeImage() throws Exception {
        // The check above can fail: without the split, each tile normalises on its own and gets its own colour and
        // contrast (15-16 dB measured; the overlap blends the borders, so it is the colour that differs, not a seam).
        LoadedModel alone = new LoadedModel(udnie.manifest(), udnie.session());
        BufferedImage tiled = new Stylizer(
                        ENV, PaddingMode.REFLECT, new TileSettings(TILE, OVERLAP, 1024), UNLIMITED, LANE)
                .stylize(alone, photo, Rendering.PLAIN)
                .image();
        System.out.printf(
                "tiles with their own statistics: PSNR %.1f dB, seam ratio %.3f%n",
                Pictures.psnr(whole, tiled), seamRatio(tiled));
        assertThat(Pictures.psnr(whole, tiled)).isLessThan(Pictures.psnr(whole, tiled(1024)));
    }

    @Test
    void anOddSizedPhotoComesBackAtItsSizeAndAgreesWithTheWholeImage() throws Exception {
        BufferedImage odd = photo.getSubimage(0, 0, 1631, 1221);
        BufferedImage wholeOdd = new Stylizer(
                        ENV, PaddingMode.REFLECT, new TileSettings(4096, OVERLAP, 4096), UNLIMITED, LANE)
                .stylize(udnie, odd, Rendering.PLAIN)
                .image();
        BufferedImage tiledOdd = new Stylizer(
                        ENV, PaddingMode.REFLECT, new TileSettings(TILE, OVERLAP, 4096), UNLIMITED, LANE)
                .stylize(udnie, odd, Rendering.PLAIN)
                .image();
        assertThat(tiledOdd.getWidth()).isEqualTo(1631);
        assertThat(tiledOdd.getHeight()).isEqualTo(1221);
        assertThat(Pictures.psnr(wholeOdd, tiledOdd)).as("PSNR, dB").isGreaterThan(40);
    }

    @Test
    void tilesCutWithoutOverlapWouldShowTheirSeams() throws Exception {
        // The seam check above can fail: cut hard, each tile's edge is its own padding's.
        BufferedImage cut = new Stylizer(ENV, PaddingMode.REFLECT, new TileSettings(TILE, 0, 4096), UNLIMITED, LANE)
                .stylize(udnie, photo, Rendering.PLAIN)
                .image();
        System.out.printf(
                "tiles cut without overlap: PSNR %.1f dB, seam ratio %.3f%n",
                Pictures.psnr(whole, cut), seamRatio(cut));
        assertThat(seamRatio(cut)).isGreaterThan(seamRatio(whole) * 1.1);
    }

    private static BufferedImage tiled(int statisticsSide) throws Exception {
        return new Stylizer(ENV, PaddingMode.REFLECT, new TileSettings(TILE, OVERLAP, statisticsSide), UNLIMITED, LANE)
                .stylize(udnie, photo, Rendering.PLAIN)
                .image();
    }

    /**
     * Mean absolute step across the tile boundaries (between the last pixel of one core and the first of the next), over
     * the mean step between any two neighbouring columns or rows.
     */
    private static double seamRatio(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
        double[] columnSteps = new double[w];
        double[] rowSteps = new double[h];
        for (int y = 1; y < h; y++) {
            for (int x = 1; x < w; x++) {
                columnSteps[x] += step(rgb[y * w + x], rgb[y * w + x - 1]);
                rowSteps[y] += step(rgb[y * w + x], rgb[(y - 1) * w + x]);
            }
        }
        List<Integer> columnSeams = TileGrid.spans(w, TILE, OVERLAP).stream()
                .skip(1)
                .map(TileGrid.Span::coreStart)
                .toList();
        List<Integer> rowSeams = TileGrid.spans(h, TILE, OVERLAP).stream()
                .skip(1)
                .map(TileGrid.Span::coreStart)
                .toList();
        // Tübingen from ../shared gives 4 x 3 tiles, the square sample (when ../shared is absent) 4 x 4.
        assertThat(columnSeams).hasSize(3);
        assertThat(rowSeams).hasSizeBetween(2, 3);
        double atSeams = 0;
        for (int seam : columnSeams) {
            atSeams += columnSteps[seam] / h;
        }
        for (int seam : rowSeams) {
            atSeams += rowSteps[seam] / w;
        }
        int count = columnSeams.size() + rowSeams.size();
        double everywhere =
                (Arrays.stream(columnSteps).sum() / h + Arrays.stream(rowSteps).sum() / w) / (w + h);
        return atSeams / count / everywhere;
    }

    private static double step(int a, int b) {
        return Math.abs(((a >> 16) & 0xff) - ((b >> 16) & 0xff))
                + Math.abs(((a >> 8) & 0xff) - ((b >> 8) & 0xff))
                + Math.abs((a & 0xff) - (b & 0xff));
    }
}
