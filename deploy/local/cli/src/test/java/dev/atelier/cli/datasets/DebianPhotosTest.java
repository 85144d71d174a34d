package dev.atelier.cli.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The photo selection rules and the Qt resource reader, on files made here (no apt-get in tests). */
class DebianPhotosTest {

    @Test
    void keepsPhotosAndLeavesDrawingsAndArtOut() {
        assertThat(DebianPhotos.PACKAGES
                        .get("scratch")
                        .test("usr/share/scratch/Media/Backgrounds/Outdoors/beach-malibu.jpg"))
                .isTrue();
        assertThat(DebianPhotos.PACKAGES.get("scratch").test("usr/share/scratch/Media/Backgrounds/Indoors/room1.jpg"))
                .isFalse();
        assertThat(DebianPhotos.PACKAGES.get("lomiri-wallpapers-20.04").test("usr/share/backgrounds/Fossa_by_x.jpg"))
                .isFalse();
        assertThat(DebianPhotos.PACKAGES
                        .get("python3-skimage")
                        .test("usr/lib/python3/dist-packages/skimage/data/chelsea.png"))
                .isTrue();
        assertThat(DebianPhotos.PACKAGES
                        .get("python3-skimage")
                        .test("usr/lib/python3/dist-packages/skimage/data/camera.png"))
                .isFalse();
        assertThat(DebianPhotos.PACKAGES.get("gcompris-qt-data").test("usr/share/gcompris-qt/rcc/erase.rcc"))
                .isTrue();
        assertThat(DebianPhotos.PACKAGES.get("gcompris-qt-data").test("usr/share/gcompris-qt/rcc/algebra.rcc"))
                .isFalse();
    }

    @Test
    void extractsTheImagesOfQtResourceFilesAndTheFirstImageOfEachWallpaper(@TempDir Path root, @TempDir Path target)
            throws Exception {
        Path rcc = root.resolve("usr/share/gcompris-qt/rcc/explore_monuments.rcc");
        Files.createDirectories(rcc.getParent());
        Files.write(rcc, rcc(Map.of("eiffel.webp", "RIFF-webp-bytes".getBytes(StandardCharsets.US_ASCII))));
        int staged =
                DebianPhotos.stage("gcompris-qt-data", root, target, DebianPhotos.PACKAGES.get("gcompris-qt-data"));
        assertThat(staged).isEqualTo(1);
        assertThat(Files.readString(target.resolve("explore_monuments/activity/eiffel.webp")))
                .isEqualTo("RIFF-webp-bytes");

        Path images = root.resolve("usr/share/wallpapers/Kite/contents/images");
        Files.createDirectories(images);
        Files.writeString(images.resolve("1920x1080.jpg"), "a");
        Files.writeString(images.resolve("3840x2160.jpg"), "b");
        assertThat(DebianPhotos.stage(
                        "plasma-workspace-wallpapers",
                        root,
                        target.resolve("plasma"),
                        DebianPhotos.PACKAGES.get("plasma-workspace-wallpapers")))
                .isEqualTo(1);
    }

    @Test
    void readsCompressedAndStoredFilesOfAQtResource() throws Exception {
        Map<String, byte[]> files =
                QtResources.files(rcc(Map.of("a.jpg", "hello".getBytes(StandardCharsets.US_ASCII))));
        assertThat(files).containsOnlyKeys("activity/a.jpg");
        assertThat(new String(files.get("activity/a.jpg"), StandardCharsets.US_ASCII))
                .isEqualTo("hello");
    }

    /**
     * A version-2 resource file with the root, a directory "activity" and one zlib-compressed file in it
     * (built by hand from the layout described in DATASETS.md).
     */
    private static byte[] rcc(Map<String, byte[]> oneFile) throws Exception {
        String fileName = oneFile.keySet().iterator().next();
        byte[] content = oneFile.get(fileName);
        ByteArrayOutputStream names = new ByteArrayOutputStream();
        int dirName = names.size();
        names.write(name("activity"));
        int file = names.size();
        names.write(name(fileName));
        Deflater deflater = new Deflater();
        deflater.setInput(content);
        deflater.finish();
        byte[] buffer = new byte[1024];
        int n = deflater.deflate(buffer);
        deflater.end();
        ByteBuffer data = ByteBuffer.allocate(4 + 4 + n);
        data.putInt(4 + n).putInt(content.length).put(buffer, 0, n);
        ByteBuffer tree = ByteBuffer.allocate(3 * 22);
        tree.putInt(0).putShort((short) 2).putInt(1).putInt(1).putLong(0); // root: 1 child at 1
        tree.putInt(dirName).putShort((short) 2).putInt(1).putInt(2).putLong(0); // activity: 1 child at 2
        tree.putInt(file)
                .putShort((short) 1)
                .putShort((short) 0)
                .putShort((short) 0)
                .putInt(0)
                .putLong(0); // zlib file
        int header = 20;
        int treeOffset = header;
        int dataOffset = treeOffset + tree.capacity();
        int namesOffset = dataOffset + data.capacity();
        ByteBuffer all = ByteBuffer.allocate(namesOffset + names.size());
        all.put("qres".getBytes(StandardCharsets.US_ASCII))
                .putInt(2)
                .putInt(treeOffset)
                .putInt(dataOffset)
                .putInt(namesOffset);
        all.put(tree.array()).put(data.array()).put(names.toByteArray());
        return all.array();
    }

    private static byte[] name(String name) {
        byte[] utf16 = name.getBytes(StandardCharsets.UTF_16BE);
        return ByteBuffer.allocate(6 + utf16.length)
                .putShort((short) name.length())
                .putInt(0)
                .put(utf16)
                .array();
    }
}
