package dev.atelier.gateway.jobs;

import dev.atelier.contracts.jobs.JobOptions;
import dev.atelier.contracts.jobs.OutputFormat;
import dev.atelier.contracts.models.StyleRef;
import dev.atelier.gateway.problems.ProblemException;
import dev.atelier.gateway.problems.ProblemType;
import java.util.Arrays;

/**
 * The text fields of a submission, parsed. Absent or blank optional fields take their defaults,
 * since HTML forms send empty strings for fields left alone.
 *
 * @param style the style asked for
 * @param options strength and output format
 */
public record JobParameters(StyleRef style, JobOptions options) {

    /** @throws ProblemException {@code invalid-option} naming the field at fault */
    public static JobParameters parse(String style, String strength, String outputFormat) {
        return new JobParameters(style(style), new JobOptions(strength(strength), outputFormat(outputFormat)));
    }

    static StyleRef style(String text) {
        if (text == null || text.isBlank()) {
            throw invalid("style", "the field 'style' is required: a style id such as 'candy', or 'candy@2' to pin a version");
        }
        return StyleRef.parse(text).orElseThrow(() -> invalid("style",
                "'" + text + "' is not a style reference: expected 'id' or 'id@version' (id like 'candy', version 1, 2, ...)"));
    }

    static double strength(String text) {
        if (text == null || text.isBlank()) {
            return JobOptions.DEFAULT_STRENGTH;
        }
        double value;
        try {
            value = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw invalid("strength", "strength must be a number between 0 and 1, was '" + text + "'");
        }
        // Written this way round so that NaN is refused too.
        if (!(value >= 0.0 && value <= 1.0)) {
            throw invalid("strength", "strength must be between 0 and 1, was " + text.trim());
        }
        return value;
    }

    static OutputFormat outputFormat(String text) {
        if (text == null || text.isBlank()) {
            return OutputFormat.PNG;
        }
        return OutputFormat.parse(text).orElseThrow(() -> invalid("outputFormat",
                "outputFormat must be one of " + Arrays.stream(OutputFormat.values()).map(OutputFormat::wireName).toList()
                        + ", was '" + text + "'"));
    }

    static ProblemException invalid(String field, String detail) {
        return new ProblemException(ProblemType.INVALID_OPTION, detail).with("field", field);
    }
}
