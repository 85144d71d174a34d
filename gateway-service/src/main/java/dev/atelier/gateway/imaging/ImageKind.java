package dev.atelier.gateway.imaging;

import java.util.Arrays;
import java.util.List;

/**
 * Image formats the gateway recognises by their magic bytes. Only the {@link #isSupported()
 * supported} ones are accepted; the others are recognised so that the refusal can name them.
 */
public enum ImageKind {
    JPEG("image/jpeg", true),
    PNG("image/png", true),
    GIF("image/gif", false),
    WEBP("image/webp", false),
    BMP("image/bmp", false),
    TIFF("image/tiff", false),
    HEIF("image/heif", false),
    AVIF("image/avif", false),
    JPEG_XL("image/jxl", false);

    private final String mediaType;
    private final boolean supported;

    ImageKind(String mediaType, boolean supported) {
        this.mediaType = mediaType;
        this.supported = supported;
    }

    public String mediaType() {
        return mediaType;
    }

    /** Whether the gateway accepts this format (the workers can decode it). */
    public boolean isSupported() {
        return supported;
    }

    /** Media types of the accepted formats, for error messages. */
    public static List<String> supportedMediaTypes() {
        return Arrays.stream(values())
                .filter(ImageKind::isSupported)
                .map(ImageKind::mediaType)
                .toList();
    }
}
