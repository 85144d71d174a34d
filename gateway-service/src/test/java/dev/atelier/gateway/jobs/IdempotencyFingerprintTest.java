package dev.atelier.gateway.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What makes two submissions "the same request" under one Idempotency-Key. */
class IdempotencyFingerprintTest {

    @Test
    void aRequestWithoutTheNewerFieldsKeepsTheFingerprintStoredBeforeTheyExisted() throws Exception {
        JobUpload upload = new JobUpload(null, "candy", "0.5", "jpeg", null, null, null, null);
        // The scheme entries written before callbackUrl, preserveColors and styleScale were added: each of style,
        // strength, outputFormat and deadline as "length:bytes", -1 for an absent one.
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        for (String field : new String[] {"5:candy", "3:0.5", "4:jpeg", "-1:"}) {
            digest.update(field.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(Idempotency.fingerprint(upload)).isEqualTo(HexFormat.of().formatHex(digest.digest()));
    }

    @Test
    void theColourAndStrokeOptionsAreEachPartOfTheRequest() {
        String plain = fingerprint(null, null);
        String colours = fingerprint("true", null);
        String scaled = fingerprint(null, "2");
        assertThat(colours).isNotEqualTo(plain).isNotEqualTo(fingerprint("false", null));
        assertThat(scaled).isNotEqualTo(plain).isNotEqualTo(fingerprint(null, "1.5"));
        // Named, so that one field's value cannot pass for the other's.
        assertThat(fingerprint("2", null)).isNotEqualTo(scaled);
        assertThat(fingerprint("true", "2")).isEqualTo(fingerprint("true", "2"));
    }

    @Test
    void anOptimisationsModeSettingsAndPaintingAreEachPartOfTheRequest(@TempDir Path dir) throws Exception {
        Path photo = Files.write(dir.resolve("photo"), new byte[] {1, 2, 3});
        Path painting = Files.write(dir.resolve("painting"), new byte[] {4, 5, 6});
        Path otherPainting = Files.write(dir.resolve("other"), new byte[] {4, 5, 7});
        String optimise = optimisation(photo, painting, "100");
        assertThat(optimise)
                .isEqualTo(optimisation(photo, painting, "100"))
                .isNotEqualTo(optimisation(photo, otherPainting, "100"))
                .isNotEqualTo(optimisation(photo, painting, "101"))
                .isNotEqualTo(optimisation(photo, null, "100"));
        assertThat(Idempotency.fingerprint(new JobUpload(photo, null, null, null, null, null, null, null)))
                .isNotEqualTo(optimisation(photo, null, null));
    }

    private static String optimisation(Path photo, Path painting, String steps) {
        return Idempotency.fingerprint(new JobUpload(
                photo, null, null, null, null, null, null, null, "optimise", painting, steps, null, null));
    }

    private static String fingerprint(String preserveColors, String styleScale) {
        return Idempotency.fingerprint(
                new JobUpload(null, "candy", null, null, preserveColors, styleScale, null, null));
    }
}
