package dev.atelier.cli.datasets;

import dev.atelier.contracts.datasets.DatasetManifest;
import dev.atelier.contracts.datasets.DatasetPhoto;
import dev.atelier.contracts.storage.StorageKeys;
import dev.atelier.contracts.training.TrainingOptions;
import dev.atelier.platform.storage.ObjectStore;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Uploads a folder of photos as a dataset: every image file under it (any depth), prepared by
 * {@link PreparedPhoto}, stored under {@code datasets/{name}/photos/{sha256}.{ext}} (so duplicates
 * collapse and a re-import writes the same keys), then the manifest last. The held-out photos are the
 * ones matching the given globs, or else the few with the smallest digests: the same photos give the
 * same split wherever and however often they are imported.
 */
public final class DatasetImporter {
    /** Smaller photos cannot give a training crop at any useful scale. */
    static final int MIN_SIDE = 64;

    private static final Set<String> EXTENSIONS = Set.of("jpg", "jpeg", "png", "webp", "gif", "bmp");

    private final ObjectStore store;
    private final Clock clock;
    private final PrintStream out;

    public DatasetImporter(ObjectStore store, Clock clock, PrintStream out) {
        this.store = store;
        this.clock = clock;
        this.out = out;
    }

    /** How to import. */
    public record Options(String name, List<String> holdOutGlobs, int holdOutCount, int maxSide, String source) {}

    public DatasetManifest importFolder(Path folder, Options options) throws IOException {
        if (!TrainingOptions.DATASET_NAME.matcher(options.name()).matches()) {
            throw new IllegalArgumentException(
                    "dataset name '" + options.name() + "' must match " + TrainingOptions.DATASET_NAME);
        }
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("no such folder: " + folder);
        }
        Map<String, Staged> photos = new LinkedHashMap<>();
        int skipped = 0;
        for (Path file : imageFiles(folder)) {
            String origin = folder.relativize(file).toString().replace('\\', '/');
            PreparedPhoto photo;
            try {
                photo = PreparedPhoto.of(Files.readAllBytes(file), options.maxSide());
            } catch (IOException | RuntimeException e) {
                out.println("  skipped " + origin + ": " + e.getMessage());
                skipped++;
                continue;
            }
            if (Math.min(photo.width(), photo.height()) < MIN_SIDE) {
                out.println("  skipped " + origin + ": " + photo.width() + "x" + photo.height() + " is too small");
                skipped++;
                continue;
            }
            String key =
                    StorageKeys.datasetPhoto(options.name(), photo.sha256().substring(0, 24) + "." + photo.extension());
            if (photos.putIfAbsent(photo.sha256(), new Staged(key, origin, photo)) == null) {
                store.put(key, photo.bytes(), photo.mediaType());
            }
        }
        if (photos.size() < 2) {
            throw new IllegalArgumentException(folder + " holds " + photos.size()
                    + " usable photo(s); a dataset needs at least 2 " + "(one to train on, one held out)");
        }
        Set<String> heldOut = holdOut(new ArrayList<>(photos.values()), options);
        List<DatasetPhoto> listed = photos.values().stream()
                .sorted(Comparator.comparing(Staged::origin))
                .map(s -> new DatasetPhoto(
                        s.key(),
                        s.photo().mediaType(),
                        s.photo().width(),
                        s.photo().height(),
                        s.photo().bytes().length,
                        s.photo().sha256(),
                        s.origin(),
                        heldOut.contains(s.key())))
                .toList();
        DatasetManifest manifest = new DatasetManifest(options.name(), options.source(), listed, clock.instant());
        store.putJson(StorageKeys.datasetManifest(options.name()), manifest);
        long bytes = listed.stream().mapToLong(DatasetPhoto::bytes).sum();
        out.printf(
                "Dataset %s: %d photos (%d held out for the quality gate: %s), %.1f MB, %d file(s) skipped; s3://%s/%s%n",
                options.name(),
                listed.size(),
                heldOut.size(),
                manifest.heldOutPhotos().stream().map(DatasetPhoto::origin).toList(),
                bytes / 1e6,
                skipped,
                store.bucket(),
                StorageKeys.datasetManifest(options.name()));
        return manifest;
    }

    /** The keys of the held-out photos. */
    static Set<String> holdOut(List<Staged> photos, Options options) {
        Set<String> held = new HashSet<>();
        if (!options.holdOutGlobs().isEmpty()) {
            List<PathMatcher> matchers = options.holdOutGlobs().stream()
                    .map(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob))
                    .toList();
            photos.stream()
                    .filter(p -> matchers.stream().anyMatch(m -> m.matches(Path.of(p.origin()))))
                    .forEach(p -> held.add(p.key()));
            if (held.isEmpty()) {
                throw new IllegalArgumentException("no photo matches the hold-out patterns " + options.holdOutGlobs());
            }
        } else {
            int count =
                    options.holdOutCount() > 0 ? options.holdOutCount() : Math.max(1, Math.min(8, photos.size() / 40));
            photos.stream()
                    .sorted(Comparator.comparing(p -> p.photo().sha256()))
                    .limit(count)
                    .forEach(p -> held.add(p.key()));
        }
        if (held.size() >= photos.size()) {
            throw new IllegalArgumentException("every photo would be held out; leave at least one to train on");
        }
        return held;
    }

    private static List<Path> imageFiles(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> EXTENSIONS.contains(extension(f)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + folder, e);
        }
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
    }

    /** A photo uploaded under a key, with where it came from. */
    record Staged(String key, String origin, PreparedPhoto photo) {}
}
