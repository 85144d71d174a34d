package dev.atelier.cli.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.contracts.datasets.DatasetManifest;
import dev.atelier.contracts.datasets.DatasetPhoto;
import dev.atelier.contracts.storage.StorageKeys;
import dev.atelier.local.Stack;
import dev.atelier.local.StackSettings;
import dev.atelier.platform.storage.ObjectStore;
import dev.atelier.platform.storage.S3Settings;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Importing a small local folder into the real S3 server of the local stack (the Debian download is not run here). */
class DatasetImporterIT {
    private static Stack stack;
    private static ObjectStore store;

    @TempDir
    Path folder;

    @BeforeAll
    static void startStack(@TempDir Path data) {
        stack = Stack.start(StackSettings.builder().dataDir(data).freePorts().build());
        store = ObjectStore.connect(new S3Settings(
                stack.s3Endpoint(), stack.accessKey(), stack.secretKey(), stack.region(), stack.bucket()));
    }

    @AfterAll
    static void stopStack() {
        store.close();
        stack.close();
    }

    @Test
    void uploadsEveryPhotoUprightAndSmallEnoughWithAStableHoldOut() throws Exception {
        write("a/one.jpg", "jpeg", noise(300, 200, 1));
        write("a/two.png", "png", noise(120, 100, 2));
        write("b/big.jpg", "jpeg", noise(1600, 900, 3));
        write("b/copy-of-one.jpg", "jpeg", noise(300, 200, 1));
        write("tiny.png", "png", noise(20, 20, 4));
        Files.writeString(folder.resolve("notes.txt"), "not a photo");
        Files.writeString(folder.resolve("broken.jpg"), "not a jpeg either");

        DatasetManifest manifest =
                importer().importFolder(folder, new DatasetImporter.Options("mine", List.of(), 1, 1024, "test"));

        assertThat(manifest.photos()).hasSize(3).as("duplicate, tiny and broken files skipped");
        assertThat(manifest.heldOutPhotos()).hasSize(1);
        DatasetPhoto big = manifest.photos().stream()
                .filter(p -> p.origin().equals("b/big.jpg"))
                .findFirst()
                .orElseThrow();
        assertThat(big.width()).isEqualTo(1024);
        BufferedImage stored =
                ImageIO.read(new ByteArrayInputStream(store.get(big.key()).orElseThrow()));
        assertThat(stored.getWidth()).isEqualTo(1024);
        assertThat(stored.getHeight()).isEqualTo(576);
        DatasetPhoto png = manifest.photos().stream()
                .filter(p -> p.origin().equals("a/two.png"))
                .findFirst()
                .orElseThrow();
        assertThat(png.mediaType()).isEqualTo("image/png");
        assertThat(store.get(png.key()).orElseThrow()).isEqualTo(Files.readAllBytes(folder.resolve("a/two.png")));
        assertThat(store.getJson(StorageKeys.datasetManifest("mine"), DatasetManifest.class))
                .contains(manifest);

        DatasetManifest again =
                importer().importFolder(folder, new DatasetImporter.Options("mine", List.of(), 1, 1024, "test"));
        assertThat(again.heldOutPhotos())
                .as("the same photos give the same split")
                .isEqualTo(manifest.heldOutPhotos());
    }

    @Test
    void holdsOutThePhotosMatchingTheGivenGlobs() throws Exception {
        write("python3-skimage/usr/chelsea.png", "png", noise(100, 80, 5));
        write("scratch/park.jpg", "jpeg", noise(100, 80, 6));
        write("scratch/beach.jpg", "jpeg", noise(100, 80, 7));

        DatasetManifest manifest = importer()
                .importFolder(
                        folder, new DatasetImporter.Options("globbed", List.of("python3-skimage/**"), 0, 1024, "test"));

        assertThat(manifest.heldOutPhotos())
                .extracting(DatasetPhoto::origin)
                .containsExactly("python3-skimage/usr/chelsea.png");
        assertThat(manifest.trainPhotos()).hasSize(2);
        assertThatThrownBy(() -> importer()
                        .importFolder(
                                folder, new DatasetImporter.Options("globbed", List.of("nothing/**"), 0, 1024, "test")))
                .hasMessageContaining("no photo matches");
        assertThatThrownBy(() -> importer()
                        .importFolder(folder, new DatasetImporter.Options("Bad Name", List.of(), 0, 1024, "test")))
                .hasMessageContaining("dataset name");
    }

    private DatasetImporter importer() {
        return new DatasetImporter(store, Clock.systemUTC(), new PrintStream(new ByteArrayOutputStream()));
    }

    private void write(String relative, String format, BufferedImage image) throws IOException {
        Path file = folder.resolve(relative);
        Files.createDirectories(file.getParent());
        ImageIO.write(image, format, file.toFile());
    }

    private static BufferedImage noise(int width, int height, long seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(seed);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        return image;
    }
}
