package dev.atelier.gateway.jobs;

import dev.atelier.contracts.jobs.JobOptions;
import dev.atelier.contracts.jobs.Optimisation;
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
 * @param style the style asked for; null for an optimisation job, whose style is its painting
 * @param options strength, output format, colours and stroke size
 * @param deadline when a job not started yet is given up on (EXPIRED), or null
 * @param optimising the settings of an optimisation job ({@code mode=optimise}); null for a feed-forward job
 */
public record JobParameters(StyleRef style, JobOptions options, Instant deadline, Optimising optimising) {
    public static final String FEEDFORWARD = "feedforward";
    public static final String OPTIMISE = "optimise";

    /**
     * An optimisation job's settings, within the gateway's bounds.
     *
     * @param contentWeight null for the loss network's default
     */
    public record Optimising(int steps, int maxSide, Double contentWeight) {}

    /** The most an optimisation job may ask for ({@code atelier.gateway.optimise.*}). */
    public record Bounds(int maxSteps, int maxSide) {}

    /** @throws ProblemException {@code invalid-option} naming the field at fault */
    public static JobParameters parse(JobUpload upload, Instant now, Bounds bounds) {
        JobOptions options = new JobOptions(
                strength(upload.strength()),
                outputFormat(upload.outputFormat()),
                preserveColors(upload.preserveColors()),
                styleScale(upload.styleScale()));
        Instant deadline = deadline(upload.deadline(), now);
        if (!optimises(upload.mode())) {
            for (String[] field : new String[][] {
                {"steps", upload.steps()}, {"maxSide", upload.maxSide()}, {"contentWeight", upload.contentWeight()}
            }) {
                if (field[1] != null && !field[1].isBlank()) {
                    throw invalid(field[0], field[0] + " is an option of optimisation jobs: add mode=optimise");
                }
            }
            return new JobParameters(style(upload.style()), options, deadline, null);
        }
        if (upload.style() != null && !upload.style().isBlank()) {
            throw invalid(
                    "style",
                    "an optimisation job's style is its painting (the file field 'styleImage' or 'styleUploadId'):"
                            + " leave 'style' out");
        }
        if (options.strength() != JobOptions.DEFAULT_STRENGTH) {
            throw invalid(
                    "strength",
                    "strength is an option of feed-forward jobs; an optimisation job keeps more of the photo with a"
                            + " higher contentWeight");
        }
        Optimising optimising = new Optimising(
                bounded("steps", upload.steps(), Optimisation.DEFAULT_STEPS, 1, bounds.maxSteps()),
                bounded(
                        "maxSide",
                        upload.maxSide(),
                        Math.min(Optimisation.DEFAULT_MAX_SIDE, bounds.maxSide()),
                        Optimisation.MIN_MAX_SIDE,
                        bounds.maxSide()),
                contentWeight(upload.contentWeight()));
        return new JobParameters(null, options, deadline, optimising);
    }

    /** Whether the {@code mode} field asks for an optimisation job. */
    static boolean optimises(String mode) {
        if (mode == null || mode.isBlank()) {
            return false;
        }
        return switch (mode.trim().toLowerCase(Locale.ROOT)) {
            case FEEDFORWARD -> false;
            case OPTIMISE -> true;
            default ->
                throw invalid(
                        "mode",
                        "mode must be '" + FEEDFORWARD + "' (a trained style, the default) or '" + OPTIMISE
                                + "' (your own painting), was '" + mode + "'");
        };
    }

    static int bounded(String field, String text, int fallback, int minimum, int maximum) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        String bounds = field + " must be a whole number from " + minimum + " to " + maximum + ", was ";
        int value;
        try {
            value = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw invalid(field, bounds + "'" + text + "'");
        }
        if (value < minimum || value > maximum) {
            throw invalid(field, bounds + value).with("minimum", minimum).with("maximum", maximum);
        }
        return value;
    }

    static Double contentWeight(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String rule = "contentWeight must be a positive number (the loss network's default when left out), was '" + text
                + "'";
        double value;
        try {
            value = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw invalid("contentWeight", rule);
        }
        // Written this way round so that NaN is refused too.
        if (!(value > 0 && value < 1e6)) {
            throw invalid("contentWeight", rule).with("exclusiveMinimum", 0).with("exclusiveMaximum", 1e6);
        }
        return value;
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
