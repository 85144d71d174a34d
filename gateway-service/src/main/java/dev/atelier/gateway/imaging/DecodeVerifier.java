package dev.atelier.gateway.imaging;

import dev.atelier.gateway.problems.ProblemException;
import dev.atelier.gateway.problems.ProblemType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.IIOException;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;

/**
 * Proves an image decodes to its end, so truncated or damaged uploads are refused at the door
 * rather than failing in a worker. It decodes with source subsampling: the decoder still reads
 * every byte, but only about {@code targetPixels} pixels are kept in memory.
 */
final class DecodeVerifier {

    private DecodeVerifier() {}

    /**
     * @throws ProblemException {@code image-corrupt} when decoding fails or the decoder reports
     *     damage, {@code unsupported-media-type} for a valid file in a variant ImageIO cannot read
     */
    static void verify(ImageReader reader, ImageHeader header, long targetPixels) {
        List<String> damage = new ArrayList<>();
        // The JPEG decoder does not throw on a truncated file: it pads with grey and only warns.
        reader.addIIOReadWarningListener((source, warning) -> {
            if (isDamage(warning)) {
                damage.add(warning);
            }
        });
        int step = subsampling(header, targetPixels);
        ImageReadParam param = reader.getDefaultReadParam();
        param.setSourceSubsampling(step, step, 0, 0);
        try {
            reader.read(0, param);
        } catch (IIOException e) {
            if (String.valueOf(e.getMessage()).contains("Unsupported Image Type")) {
                throw new ProblemException(
                        ProblemType.UNSUPPORTED_MEDIA_TYPE,
                        "this image variant (e.g. a CMYK JPEG) is not supported; convert it to RGB",
                        e);
            }
            throw corrupt(e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw corrupt(e.getMessage(), e);
        }
        if (!damage.isEmpty()) {
            throw corrupt(String.join("; ", damage), null);
        }
    }

    /** The smallest integer step that keeps the decoded image at or under the target pixel count. */
    static int subsampling(ImageHeader header, long targetPixels) {
        if (header.pixels() <= targetPixels) {
            return 1;
        }
        int step = (int) Math.ceil(Math.sqrt((double) header.pixels() / targetPixels));
        while ((long) ceilDiv(header.width(), step) * ceilDiv(header.height(), step) > targetPixels) {
            step++;
        }
        return step;
    }

    /** Warnings about missing data are damage; benign ones (a bad colour profile, stray bytes) are not. */
    static boolean isDamage(String warning) {
        String text = warning.toLowerCase(Locale.ROOT);
        return text.contains("truncated")
                || text.contains("premature end")
                || (text.contains("corrupt jpeg data") && !text.contains("extraneous bytes"));
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    private static ProblemException corrupt(String why, Throwable cause) {
        return new ProblemException(ProblemType.IMAGE_CORRUPT, "the image does not decode: " + why, cause);
    }
}
