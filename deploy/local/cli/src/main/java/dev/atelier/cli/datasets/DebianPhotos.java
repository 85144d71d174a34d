package dev.atelier.cli.datasets;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The default content photos, from Debian packages ({@code DATASETS.md}): each package is fetched
 * with {@code apt-get download} and unpacked with {@code dpkg-deb -x} (nothing is installed), then
 * the real photos are copied to {@code staging/<package>/...}: drawings, textures and abstract
 * wallpapers are left out by the rules below. The python3-skimage photos are the held-out set.
 */
public final class DebianPhotos {
    /** Glob (against staged paths) of the photos held out for the quality gate. */
    public static final String HOLD_OUT = "python3-skimage/**";

    private static final Set<String> SCRATCH_DRAWINGS = Set.of(
            "chalkboard",
            "party-room",
            "room1",
            "room2",
            "room3",
            "spotlight-stage",
            "houses",
            "mansion",
            "city-with-water2",
            "night-city",
            "school1",
            "school2",
            "woods-and-bench",
            "brick-wall1");
    private static final List<String> PLASMA_PHOTOS = List.of(
            "BytheWater",
            "ColdRipple",
            "ColorfulCups",
            "DarkestHour",
            "EveningGlow",
            "FallenLeaf",
            "Grey",
            "Kite",
            "OneStandsOut",
            "Path",
            "Volna",
            "summer_1am");
    private static final List<String> LOMIRI_ART =
            List.of("analogpattern", "free_by", "greentock", "life_by", "umang", "Fossa", "Painting-Colors");
    private static final Set<String> GCOMPRIS_RCC =
            Set.of("explore_monuments.rcc", "explore_world_animals.rcc", "explore_farm_animals.rcc", "erase.rcc");
    private static final Set<String> OPENCV = Set.of(
            "aero1.jpg",
            "aero3.jpg",
            "apple.jpg",
            "baboon.jpg",
            "building.jpg",
            "butterfly.jpg",
            "fruits.jpg",
            "home.jpg",
            "messi5.jpg",
            "orange.jpg",
            "leuvenA.jpg",
            "left.jpg",
            "board.jpg",
            "squirrel_cls.jpg",
            "stuff.jpg",
            "licenseplate_motion.jpg",
            "ela_original.jpg",
            "aloeL.jpg",
            "graf1.png",
            "smarties.png",
            "rubberwhale1.png");

    /** Which files of each package (paths relative to its unpacked root) are photos. */
    static final Map<String, Predicate<String>> PACKAGES = Map.ofEntries(
            Map.entry(
                    "gcompris-qt-data",
                    p -> p.startsWith("usr/share/gcompris-qt/rcc/") && GCOMPRIS_RCC.contains(name(p))),
            Map.entry(
                    "scratch",
                    p -> p.startsWith("usr/share/scratch/Media/Backgrounds/")
                            && p.endsWith(".jpg")
                            && !SCRATCH_DRAWINGS.contains(base(p))),
            Map.entry("kphotoalbum", p -> p.matches("usr/share/kphotoalbum/demo/[^/]+\\.jpg")),
            Map.entry("tuxpaint-data", p -> p.matches("usr/share/tuxpaint/templates/[^/]+\\.jpg")),
            Map.entry(
                    "mate-backgrounds",
                    p -> p.matches("usr/share/backgrounds/mate/nature/[^/]+\\.jpg")
                            || p.equals("usr/share/backgrounds/mate/desktop/GreenTraditional.jpg")),
            Map.entry(
                    "plasma-workspace-wallpapers",
                    p -> PLASMA_PHOTOS.stream()
                            .anyMatch(w -> p.startsWith("usr/share/wallpapers/" + w + "/contents/images/"))),
            Map.entry("lomiri-wallpapers-16.04", DebianPhotos::lomiriPhoto),
            Map.entry("lomiri-wallpapers-20.04", DebianPhotos::lomiriPhoto),
            Map.entry(
                    "lxqt-themes",
                    p -> p.matches("usr/share/lxqt/wallpapers/(after-the-rain\\.jpg|appleflower\\.png|drop\\.png"
                            + "|flowers\\.png|fog\\.jpg)")),
            Map.entry("palapeli-data", p -> p.endsWith(".jpg")),
            Map.entry(
                    "python3-skimage",
                    p -> p.matches("usr/lib/python3/dist-packages/skimage/data/"
                            + "(astronaut\\.png|chelsea\\.png|coffee\\.png|motorcycle_left\\.png|rocket\\.jpg)")));

    /** Worth it but large (opencv-doc, 96 MB) or of unclear provenance (darknet): only on request. */
    static final Map<String, Predicate<String>> OPTIONAL = Map.of(
            "opencv-doc",
                    p -> p.startsWith("usr/share/doc/opencv-doc/examples/data/")
                            && (OPENCV.contains(p.substring("usr/share/doc/opencv-doc/examples/data/".length()))
                                    || p.matches("usr/share/doc/opencv-doc/examples/data/text/scenetext0[1-6]\\.jpg")),
            "darknet", p -> p.matches("usr/share/darknet/data/(dog|eagle|giraffe|horses|kite|person)\\.jpg"));

    private final Path workDir;
    private final PrintStream out;

    public DebianPhotos(Path workDir, PrintStream out) {
        this.workDir = workDir;
        this.out = out;
    }

    /** Downloads, unpacks and stages the photos; returns the staging folder to import. */
    public Path build(boolean withOptional) throws IOException, InterruptedException {
        Path debs = Files.createDirectories(workDir.resolve("debs"));
        Path staging = workDir.resolve("staging");
        deleteTree(staging);
        Files.createDirectories(staging);
        List<String> packages = new ArrayList<>(PACKAGES.keySet());
        if (withOptional) {
            packages.addAll(OPTIONAL.keySet());
        }
        packages.sort(null);
        for (String pkg : packages) {
            Path deb = download(pkg, debs);
            Path root = workDir.resolve("unpacked").resolve(pkg);
            deleteTree(root);
            Files.createDirectories(root);
            run(List.of("dpkg-deb", "-x", deb.toString(), root.toString()), workDir);
            int staged = stage(pkg, root, staging.resolve(pkg), PACKAGES.getOrDefault(pkg, OPTIONAL.get(pkg)));
            out.printf("  %-30s %3d photo(s)%n", pkg, staged);
        }
        return staging;
    }

    /** Copies the package's photos (extracting the images of Qt resource files) under {@code target}. */
    static int stage(String pkg, Path root, Path target, Predicate<String> isPhoto) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        int staged = 0;
        List<String> plasmaDone = new ArrayList<>();
        for (Path file : files) {
            String path = root.relativize(file).toString().replace('\\', '/');
            if (!isPhoto.test(path)) {
                continue;
            }
            if (pkg.equals("plasma-workspace-wallpapers")) {
                // Only the first image of each wallpaper: the others are the same photo at other sizes.
                String wallpaper = path.split("/")[3];
                if (plasmaDone.contains(wallpaper)) {
                    continue;
                }
                plasmaDone.add(wallpaper);
            }
            if (path.endsWith(".rcc")) {
                for (Map.Entry<String, byte[]> entry :
                        QtResources.files(Files.readAllBytes(file)).entrySet()) {
                    if (entry.getKey().matches("(?i).*\\.(webp|jpe?g|png)")) {
                        Path dest =
                                target.resolve(name(path).replace(".rcc", "")).resolve(entry.getKey());
                        Files.createDirectories(dest.getParent());
                        Files.write(dest, entry.getValue());
                        staged++;
                    }
                }
                continue;
            }
            Path dest = target.resolve(path);
            Files.createDirectories(dest.getParent());
            Files.copy(file, dest, StandardCopyOption.REPLACE_EXISTING);
            staged++;
        }
        return staged;
    }

    private Path download(String pkg, Path debs) throws IOException, InterruptedException {
        Path existing = findDeb(pkg, debs);
        if (existing != null) {
            return existing;
        }
        run(List.of("apt-get", "download", pkg), debs);
        Path deb = findDeb(pkg, debs);
        if (deb == null) {
            throw new IOException("apt-get download " + pkg + " left no .deb in " + debs);
        }
        return deb;
    }

    private static Path findDeb(String pkg, Path debs) throws IOException {
        try (Stream<Path> files = Files.list(debs)) {
            return files.filter(f -> f.getFileName().toString().startsWith(pkg + "_")
                            && f.toString().endsWith(".deb"))
                    .findFirst()
                    .orElse(null);
        }
    }

    private static void run(List<String> command, Path dir) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            throw new IOException(
                    command.get(0) + " is not available (" + e.getMessage() + "): the debian dataset needs a "
                            + "Debian or Ubuntu machine; elsewhere use ./atelier dataset import DIR",
                    e);
        }
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed"
                    + (command.get(0).equals("apt-get")
                            ? " (run 'apt-get update' once if the package lists are missing)"
                            : "")
                    + ":\n" + output.strip());
        }
    }

    private static boolean lomiriPhoto(String path) {
        return path.endsWith(".jpg") && LOMIRI_ART.stream().noneMatch(name(path)::contains);
    }

    private static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String base(String path) {
        String name = name(path);
        int dot = name.lastIndexOf('.');
        return (dot < 0 ? name : name.substring(0, dot)).toLowerCase(Locale.ROOT);
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + dir, e);
        }
    }
}
