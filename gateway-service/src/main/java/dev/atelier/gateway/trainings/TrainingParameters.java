package dev.atelier.gateway.trainings;

import dev.atelier.contracts.jobs.Optimisation;
import dev.atelier.contracts.models.ModelManifest;
import dev.atelier.contracts.training.InvalidTrainingOptionException;
import dev.atelier.contracts.training.TrainingOptions;
import dev.atelier.gateway.problems.ProblemException;

/**
 * The text fields of {@code POST /v1/styles}, parsed. Absent or blank optional fields take their
 * defaults (HTML forms send empty strings); bounds are the contract's, so the trainer accepts
 * whatever passes here.
 *
 * @param styleId the style the trained model becomes a new version of
 * @param title what people see
 * @param options sizes, steps, loss weights, dataset
 */
public record TrainingParameters(String styleId, String title, TrainingOptions options) {
    static final int MAX_TITLE = 200;

    /** @throws ProblemException {@code invalid-option} naming the field at fault */
    public static TrainingParameters parse(TrainingUpload upload, String defaultDataset) {
        String styleId = styleId(upload.styleId());
        String title = upload.title() == null || upload.title().isBlank()
                ? styleId
                : upload.title().strip();
        if (title.length() > MAX_TITLE) {
            throw invalid("title", "title must be at most " + MAX_TITLE + " characters, was " + title.length());
        }
        try {
            TrainingOptions options = new TrainingOptions(
                    integer("width", upload.width(), TrainingOptions.DEFAULT_WIDTH),
                    integer("steps", upload.steps(), TrainingOptions.DEFAULT_STEPS),
                    integer("batchSize", upload.batchSize(), TrainingOptions.DEFAULT_BATCH_SIZE),
                    integer("imageSize", upload.imageSize(), TrainingOptions.DEFAULT_IMAGE_SIZE),
                    weight("contentWeight", upload.contentWeight()),
                    weight("styleWeight", upload.styleWeight()),
                    weight("tvWeight", upload.tvWeight()),
                    blank(upload.dataset()) ? defaultDataset : upload.dataset().strip());
            return new TrainingParameters(styleId, title, options);
        } catch (InvalidTrainingOptionException e) {
            throw invalid(e.field(), e.getMessage());
        }
    }

    static String styleId(String text) {
        if (blank(text)) {
            throw invalid(
                    "styleId",
                    "the field 'styleId' is required: the id of the new style (or of a style to train again), "
                            + "like 'great-wave'");
        }
        String id = text.strip();
        if (!id.matches(ModelManifest.STYLE_ID_PATTERN)) {
            throw invalid(
                    "styleId",
                    "'" + id + "' is not a style id: lower-case letters, digits, '-' and '_', "
                            + "starting with a letter or digit, at most 64 characters (no @version: the trainer numbers versions)");
        }
        if (id.equals(Optimisation.STYLE_ID)) {
            throw invalid(
                    "styleId",
                    "'" + id + "' is reserved: optimisation jobs (mode=optimise) carry it as their style; choose"
                            + " another id");
        }
        return id;
    }

    private static int integer(String field, String text, int fallback) {
        if (blank(text)) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw invalid(field, field + " must be a whole number, was '" + text + "'");
        }
    }

    private static Double weight(String field, String text) {
        if (blank(text)) {
            return null;
        }
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw invalid(field, field + " must be a number, was '" + text + "'");
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    static ProblemException invalid(String field, String detail) {
        return ProblemException.invalidField(field, detail);
    }
}
