package dev.atelier.cli.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds the style models in a folder: every {@code *.onnx} file outside {@code loss_networks/}.
 * The style id comes from the file name ({@code StarryNight.onnx} is {@code starry-night},
 * {@code candy_nc16.onnx} is {@code candy}); when two files give the same id, the larger (wider
 * network) wins.
 */
public final class ModelFolder {
    private ModelFolder() {}

    /** A model file and the style it serves. */
    public record Entry(String styleId, String title, Path file) {}

    public static List<Entry> scan(Path folder) {
        Map<String, Entry> byStyle = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(folder)) {
            files.filter(f -> f.getFileName().toString().endsWith(".onnx"))
                    .filter(f -> !folder.relativize(f).toString().contains("loss_networks"))
                    .sorted()
                    .map(ModelFolder::entry)
                    .forEach(e -> byStyle.merge(e.styleId(), e, ModelFolder::larger));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the models folder " + folder, e);
        }
        Collection<Entry> entries = byStyle.values();
        return new ArrayList<>(entries)
                .stream().sorted(Comparator.comparing(Entry::styleId)).toList();
    }

    /** The style a file serves, named after it. */
    public static Entry entry(Path file) {
        String words =
                words(file.getFileName().toString().replaceFirst("\\.onnx$", "").replaceFirst("_nc\\d+$", ""));
        return new Entry(styleId(words), title(words), file);
    }

    /**
     * The entry itself when its id is free, else one named after the whole file name, suffix included
     * ({@code udnie_nc16.onnx}: {@code udnie-nc16}), else that id with {@code -2}, {@code -3} ... until free.
     */
    public static Entry avoiding(Entry entry, Set<String> taken) {
        if (!taken.contains(entry.styleId())) {
            return entry;
        }
        String words = words(entry.file().getFileName().toString().replaceFirst("\\.onnx$", ""));
        String id = styleId(words);
        String candidate = id;
        for (int n = 2; taken.contains(candidate); n++) {
            candidate = id + "-" + n;
        }
        return new Entry(candidate, title(words), entry.file());
    }

    private static String words(String base) {
        return base.replaceAll("([a-z])([A-Z])", "$1 $2")
                .replaceAll("[_-]+", " ")
                .trim();
    }

    private static String styleId(String words) {
        return words.toLowerCase(Locale.ROOT).replace(' ', '-');
    }

    private static String title(String words) {
        StringBuilder title = new StringBuilder();
        for (String word : words.split(" ")) {
            if (!title.isEmpty()) {
                title.append(' ');
            }
            title.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return title.toString();
    }

    private static Entry larger(Entry a, Entry b) {
        try {
            return Files.size(b.file()) > Files.size(a.file()) ? b : a;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
