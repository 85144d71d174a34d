package dev.atelier.contracts.models;

import java.util.Optional;

/**
 * A style as a client names it: {@code candy} for the current version, {@code candy@3} to pin one.
 */
public record StyleRef(String styleId, Integer version) {

    /** Parses {@code id} or {@code id@version}; empty when the text is not a well-formed reference. */
    public static Optional<StyleRef> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.trim();
        int at = trimmed.indexOf('@');
        String id = at < 0 ? trimmed : trimmed.substring(0, at);
        if (!id.matches(ModelManifest.STYLE_ID_PATTERN)) {
            return Optional.empty();
        }
        if (at < 0) {
            return Optional.of(new StyleRef(id, null));
        }
        String version = trimmed.substring(at + 1);
        if (!version.matches("[1-9][0-9]{0,8}")) {
            return Optional.empty();
        }
        return Optional.of(new StyleRef(id, Integer.parseInt(version)));
    }

    @Override
    public String toString() {
        return version == null ? styleId : styleId + "@" + version;
    }
}
