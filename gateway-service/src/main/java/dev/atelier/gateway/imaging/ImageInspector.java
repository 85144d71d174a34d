package dev.atelier.gateway.imaging;

import dev.atelier.contracts.jobs.ImageInfo;
import dev.atelier.gateway.config.GatewayConfig;
import dev.atelier.gateway.problems.ProblemException;
import dev.atelier.gateway.problems.ProblemType;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageReader;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;

/**
 * Decides whether an uploaded file is an image the gateway accepts, cheapest check first: byte
 * size, magic bytes, header dimensions (no pixels allocated), then a subsampled decode.
 */
@Singleton
public class ImageInspector {
    private final ImageLimits limits;

    @Inject
    public ImageInspector(GatewayConfig config) {
        this(new ImageLimits(
                config.input().maxBytes().asLongValue(),
                config.input().maxPixels(),
                config.input().verifyPixels()));
    }

    public ImageInspector(ImageLimits limits) {
        this.limits = limits;
    }

    /**
     * @return what the gateway learnt about the image
     * @throws ProblemException {@code image-too-large}, {@code unsupported-media-type},
     *     {@code image-too-many-pixels} or {@code image-corrupt}
     */
    public ImageInfo inspect(Path file) {
        long bytes = size(file);
        if (bytes > limits.maxBytes()) {
            throw new ProblemException(
                            ProblemType.IMAGE_TOO_LARGE,
                            "the image has " + bytes + " bytes; at most " + limits.maxBytes() + " are accepted")
                    .with("bytes", bytes)
                    .with("maxBytes", limits.maxBytes());
        }
        ImageKind kind = sniff(file);
        try (ImageInputStream in = new FileImageInputStream(file.toFile())) {
            ImageReader reader = ImageHeader.readerFor(kind);
            try {
                reader.setInput(in, true, true);
                ImageHeader header = ImageHeader.read(reader);
                checkPixels(header);
                DecodeVerifier.verify(reader, header, limits.verifyPixels());
                return new ImageInfo(kind.mediaType(), header.width(), header.height(), bytes);
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the uploaded file " + file, e);
        }
    }

    private ImageKind sniff(Path file) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(MagicBytes.HEADER_LENGTH);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the uploaded file " + file, e);
        }
        ImageKind kind = MagicBytes.sniff(head)
                .orElseThrow(() -> new ProblemException(
                                ProblemType.UNSUPPORTED_MEDIA_TYPE,
                                "the file is not an image format the gateway recognises; send one of "
                                        + ImageKind.supportedMediaTypes())
                        .with("supported", ImageKind.supportedMediaTypes()));
        if (!kind.isSupported()) {
            throw new ProblemException(
                            ProblemType.UNSUPPORTED_MEDIA_TYPE,
                            "the file is " + kind.mediaType() + "; send one of " + ImageKind.supportedMediaTypes())
                    .with("detected", kind.mediaType())
                    .with("supported", ImageKind.supportedMediaTypes());
        }
        return kind;
    }

    private void checkPixels(ImageHeader header) {
        if (header.pixels() > limits.maxPixels()) {
            throw new ProblemException(
                            ProblemType.IMAGE_TOO_MANY_PIXELS,
                            "the image is " + header.width() + " x " + header.height() + " pixels; at most "
                                    + limits.maxPixels() + " pixels are accepted")
                    .with("width", header.width())
                    .with("height", header.height())
                    .with("maxPixels", limits.maxPixels());
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the uploaded file " + file, e);
        }
    }
}
