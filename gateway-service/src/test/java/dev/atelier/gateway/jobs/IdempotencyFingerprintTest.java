package dev.atelier.gateway.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

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

    private static String fingerprint(String preserveColors, String styleScale) {
        return Idempotency.fingerprint(
                new JobUpload(null, "candy", null, null, preserveColors, styleScale, null, null));
    }
}
