package dev.atelier.cli;

import dev.atelier.cli.datasets.DatasetImporter;
import dev.atelier.cli.datasets.DebianPhotos;
import dev.atelier.platform.storage.ObjectStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code atelier dataset import|debian}: uploads content photos for training to S3 ({@code datasets/{name}/}). */
@Command(
        name = "dataset",
        mixinStandardHelpOptions = true,
        description = "Upload content photos for training.",
        subcommands = {DatasetCommand.Import.class, DatasetCommand.Debian.class})
final class DatasetCommand {

    /** What both subcommands share. */
    static final class Common {
        @Option(
                names = "--max-side",
                defaultValue = "1024",
                description = "Photos larger than this (px) are scaled down on "
                        + "import: training crops 256 px at several scales, so a larger photo only costs time "
                        + "(default: ${DEFAULT-VALUE}).")
        int maxSide;

        @Mixin
        ConnectionOptions connection;
    }

    @Command(
            name = "import",
            mixinStandardHelpOptions = true,
            description = "Upload every photo of a folder (any depth; JPEG, PNG, WebP ...) as a dataset. "
                    + "A fixed few are held out of training for the quality gate.")
    static final class Import implements Callable<Integer> {
        @Parameters(index = "0", description = "The folder of photos (yours, or COCO's).")
        Path folder;

        @Option(
                names = "--name",
                required = true,
                description = "Dataset name, e.g. coco; trainings name it in 'dataset'.")
        String name;

        @Option(
                names = "--hold-out",
                description = "Glob of photos (relative paths) to hold out, repeatable "
                        + "(default: the few with the smallest SHA-256, so the same photos give the same split).")
        List<String> holdOut = new ArrayList<>();

        @Option(
                names = "--hold-out-count",
                defaultValue = "0",
                description =
                        "How many to hold out when no --hold-out is " + "given (default: one per 40 photos, 1 to 8).")
        int holdOutCount;

        @Mixin
        Common common = new Common();

        @Override
        public Integer call() throws Exception {
            try (ObjectStore store = common.connection.objectStore()) {
                store.ensureBucket();
                new DatasetImporter(store, Clock.systemUTC(), System.out)
                        .importFolder(
                                folder,
                                new DatasetImporter.Options(
                                        name, holdOut, holdOutCount, common.maxSide, "folder " + folder.getFileName()));
            }
            return 0;
        }
    }

    @Command(
            name = "debian",
            mixinStandardHelpOptions = true,
            description =
                    "Build the default set (about 290 real photos) from Debian packages with "
                            + "apt-get download and dpkg-deb -x (nothing is installed), and upload it. The python3-skimage photos are held out.")
    static final class Debian implements Callable<Integer> {
        @Option(
                names = "--name",
                defaultValue = "debian",
                description = "Dataset name (default: ${DEFAULT-VALUE}, the gateway's default).")
        String name;

        @Option(
                names = "--work-dir",
                defaultValue = ".atelier/datasets/debian",
                description = "Where packages are downloaded "
                        + "and unpacked; downloads are reused (default: ${DEFAULT-VALUE}).")
        Path workDir;

        @Option(
                names = "--with-optional",
                description = "Also opencv-doc (96 MB, 29 photos) and darknet (6 photos of unknown source).")
        boolean withOptional;

        @Mixin
        Common common = new Common();

        @Override
        public Integer call() throws Exception {
            System.out.println("Fetching the photo packages into " + workDir.toAbsolutePath() + " ...");
            Path staging = new DebianPhotos(workDir, System.out).build(withOptional);
            try (ObjectStore store = common.connection.objectStore()) {
                store.ensureBucket();
                new DatasetImporter(store, Clock.systemUTC(), System.out)
                        .importFolder(
                                staging,
                                new DatasetImporter.Options(
                                        name, List.of(DebianPhotos.HOLD_OUT), 0, common.maxSide, "Debian packages"));
            }
            return 0;
        }
    }
}
