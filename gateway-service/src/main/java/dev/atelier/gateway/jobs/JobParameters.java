package dev.atelier.gateway.jobs;

import dev.atelier.contracts.jobs.JobOptions;
import dev.atelier.contracts.jobs.OutputFormat;
import dev.atelier.contracts.models.StyleRef;
import dev.atelier.gateway.problems.ProblemException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

/**
 * The text fields of a submission, parsed. Absent or blank optional fields take their defaults,
 * since HTML forms send empty strings for fields left alone.
 *
 * @param style the style asked for
 * @param options strength, output format, colours and stroke size
 * @param deadline when a job not started yet is given up on (EXPIRED), or null
 */
public record JobParameters(StyleRef style, JobOptions options, Instant deadline) {

    /** @throws ProblemException {@code invalid-option} naming the field at fault */
    public static JobParameters parse(JobUpload upload, Instant now) {
        JobOptions options = new JobOptions(
                strength(upload.strength()),
                outputFormat(upload.outputFormat()),
                preserveColors(upload.preserveColors()),
                styleScale(upload.styleScale()));
        return new JobParameters(style(upload.style()), options, deadline(upload.deadline(), now));
    }

    static Instant deadline(String text, Instant now) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Instant deadline;
        try {
            deadline = OffsetDateTime.parse(text.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid(
                    "deadline",
                    "deadline must be an RFC 3339 date-time with an offset, such as " + "2026-11-23T12:00:00Z, was '"
                            + text + "'");
        }
        if (!deadline.isAfter(now)) {
            throw invalid("deadline", "deadline " + text.trim() + " has already passed (it is " + now + ")");
        }
        return deadline;
    }

    static StyleRef style(String text) {
        if (text == null || text.isBlank()) {
            throw invalid(
                    "style",
                    "the field 'style' is required: a style id such as 'candy', or 'candy@2' to pin a version");
        }
        return StyleRef.parse(text)
                .orElseThrow(
                        () -> invalid(
                                "style",
                                "'" + text
                                        + "' is not a style reference: expected 'id' or 'id@version' (id like 'candy', version 1, 2, ...)"));
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

    static boolean preserveColors(String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid("preserveColors", "preserveColors must be true or false, was '" + text + "'");
        };
    }

    static double styleScale(String text) {
        if (text == null || text.isBlank()) {
            return 1.0;
        }
        String bounds = "styleScale must be a number from " + JobOptions.MIN_STYLE_SCALE + " to "
                + JobOptions.MAX_STYLE_SCALE + " (2 paints strokes twice as large), was ";
        double value;
        try {
            value = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw invalid("styleScale", bounds + "'" + text + "'");
        }
        if (!(value >= JobOptions.MIN_STYLE_SCALE && value <= JobOptions.MAX_STYLE_SCALE)) {
            throw invalid("styleScale", bounds + text.trim())
                    .with("minimum", JobOptions.MIN_STYLE_SCALE)
                    .with("maximum", JobOptions.MAX_STYLE_SCALE);
        }
        return value;
    }

    static OutputFormat outputFormat(String text) {
        if (text == null || text.isBlank()) {
            return OutputFormat.PNG;
        }
        return OutputFormat.parse(text)
                .orElseThrow(() -> invalid(
                        "outputFormat",
                        "outputFormat must be one of "
                                + Arrays.stream(OutputFormat.values())
                                        .map(OutputFormat::wireName)
                                        .toList() + ", was '" + text + "'"));
    }

    static ProblemException invalid(String field, String detail) {
        return ProblemException.invalidField(field, detail);
    }
}
