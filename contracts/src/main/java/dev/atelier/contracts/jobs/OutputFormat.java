package dev.atelier.contracts.jobs;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Image formats a job can ask for. */
public enum OutputFormat {
    PNG("png", "png", "image/png"),
    JPEG("jpeg", "jpg", "image/jpeg");

    private final String wireName;
    private final String extension;
    private final String mediaType;

    OutputFormat(String wireName, String extension, String mediaType) {
        this.wireName = wireName;
        this.extension = extension;
        this.mediaType = mediaType;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    /** Parses the API's names ({@code png}, {@code jpeg}, also {@code jpg}), case-insensitively. */
    public static Optional<OutputFormat> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String name = value.trim().toLowerCase(Locale.ROOT);
        if (name.equals("jpg")) {
            return Optional.of(JPEG);
        }
        return Arrays.stream(values()).filter(f -> f.wireName.equals(name)).findFirst();
    }

    @JsonCreator
    static OutputFormat fromJson(String value) {
        return parse(value).orElseThrow(() -> new IllegalArgumentException("unknown output format: " + value));
    }
}
