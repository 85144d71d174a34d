package dev.atelier.gateway.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.atelier.contracts.jobs.JobOptions;
import dev.atelier.contracts.jobs.OutputFormat;
import dev.atelier.contracts.models.StyleRef;
import dev.atelier.gateway.problems.ProblemException;
import dev.atelier.gateway.problems.ProblemType;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JobParametersTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final JobParameters.Bounds BOUNDS = new JobParameters.Bounds(1000, 1024);

    @Test
    void appliesDefaultsToAbsentAndBlankOptions() {
        assertThat(parse("candy", null, null))
                .isEqualTo(new JobParameters(new StyleRef("candy", null), JobOptions.defaults(), null, null));
        assertThat(parse("candy", "", " ").options()).isEqualTo(JobOptions.defaults());
    }

    @Test
    void parsesPinnedStylesStrengthsAndFormats() {
        JobParameters parameters = parse(" candy@3 ", " 0.25 ", "JPG");
        assertThat(parameters.style()).isEqualTo(new StyleRef("candy", 3));
        assertThat(parameters.options()).isEqualTo(new JobOptions(0.25, OutputFormat.JPEG));
        assertThat(parse("candy", "0", "png").options().strength()).isZero();
        assertThat(parse("candy", "1", "jpeg").options().outputFormat()).isEqualTo(OutputFormat.JPEG);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2", "-0.1", "1.0001", "abc", "NaN", "Infinity", "0,5"})
    void refusesStrengthsThatAreNotNumbersInZeroToOne(String strength) {
        assertInvalid("strength", () -> parse("candy", strength, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bmp", "gif", "webp", "png8"})
    void refusesUnknownOutputFormats(String format) {
        assertInvalid("outputFormat", () -> parse("candy", null, format));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "Candy", "candy@", "candy@0", "candy@x", "../etc"})
    void refusesMissingOrMalformedStyles(String style) {
        assertInvalid("style", () -> parse(style, null, null));
    }

    @Test
    void refusesAMissingStyle() {
        assertInvalid("style", () -> parse(null, null, null));
    }

    @Test
    void parsesADeadlineWithAnOffsetAndRefusesOneThatHasPassed() {
        assertThat(withDeadline("2026-11-23T11:15:30+01:00").deadline())
                .isEqualTo(Instant.parse("2026-11-23T10:15:30Z"));
        assertThat(withDeadline(" ").deadline()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-23T10:00:00Z", "2026-11-23T10:00:00", "in an hour", "1763892000"})
    void refusesDeadlinesThatArePastOrNotRfc3339(String deadline) {
        assertInvalid("deadline", () -> withDeadline(deadline));
    }

    @Test
    void parsesColoursAndStrokeSize() {
        JobOptions options = JobParameters.parse(
                        new JobUpload(null, "candy", null, null, " TRUE ", "2", null, null), NOW, BOUNDS)
                .options();
        assertThat(options).isEqualTo(new JobOptions(1.0, OutputFormat.PNG, true, 2.0));
        assertThat(parse("candy", null, null).options().preserveColors()).isFalse();
        assertThat(parse("candy", null, null).options().styleScale()).isEqualTo(1.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "1", "on", "truee"})
    void refusesColourFlagsThatAreNotTrueOrFalse(String flag) {
        assertInvalid(
                "preserveColors",
                () -> JobParameters.parse(
                        new JobUpload(null, "candy", null, null, flag, null, null, null), NOW, BOUNDS));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.49", "2.01", "0", "-1", "big", "NaN", "Infinity"})
    void refusesStyleScalesOutsideHalfToTwo(String scale) {
        assertInvalid(
                "styleScale",
                () -> JobParameters.parse(
                        new JobUpload(null, "candy", null, null, null, scale, null, null), NOW, BOUNDS));
    }

    @Test
    void anOptimisationJobTakesItsSettingsWithinTheBoundsAndNoStyle() {
        JobParameters parameters = optimise(null, " 200 ", "256", "2.5");
        assertThat(parameters.style()).isNull();
        assertThat(parameters.optimising()).isEqualTo(new JobParameters.Optimising(200, 256, 2.5));
        assertThat(optimise(null, null, null, null).optimising())
                .isEqualTo(new JobParameters.Optimising(300, 512, null));
        assertThat(parse("candy", null, null).optimising()).isNull();
        assertThat(JobParameters.parse(upload("candy", "FeedForward", null, null, null), NOW, BOUNDS)
                        .optimising())
                .isNull();
    }

    @Test
    void refusesStepsAndSidesOverTheBoundsNamingTheBound() {
        ProblemException steps = catchThrowableOfType(ProblemException.class, () -> optimise(null, "1001", null, null));
        assertThat(steps.extensions()).containsEntry("field", "steps").containsEntry("maximum", 1000);
        ProblemException side = catchThrowableOfType(ProblemException.class, () -> optimise(null, null, "2048", null));
        assertThat(side.extensions()).containsEntry("field", "maxSide").containsEntry("maximum", 1024);
        assertInvalid("maxSide", () -> optimise(null, null, "32", null));
        assertInvalid("steps", () -> optimise(null, "0", null, null));
        assertInvalid("steps", () -> optimise(null, "ten", null, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "NaN", "Infinity", "heavy", "1e7"})
    void refusesContentWeightsThatAreNotPositiveNumbers(String weight) {
        assertInvalid("contentWeight", () -> optimise(null, null, null, weight));
    }

    @Test
    void refusesWhatDoesNotFitTheMode() {
        assertInvalid("style", () -> optimise("candy", null, null, null));
        assertInvalid("mode", () -> JobParameters.parse(upload("candy", "gatys", null, null, null), NOW, BOUNDS));
        assertInvalid("steps", () -> JobParameters.parse(upload("candy", null, "10", null, null), NOW, BOUNDS));
        assertInvalid("maxSide", () -> JobParameters.parse(upload("candy", "", null, "256", null), NOW, BOUNDS));
        assertInvalid(
                "strength",
                () -> JobParameters.parse(
                        new JobUpload(
                                null, null, "0.5", null, null, null, null, null, "optimise", null, null, null, null),
                        NOW,
                        BOUNDS));
    }

    private static JobParameters optimise(String style, String steps, String maxSide, String contentWeight) {
        return JobParameters.parse(upload(style, " optimise ", steps, maxSide, contentWeight), NOW, BOUNDS);
    }

    private static JobUpload upload(String style, String mode, String steps, String maxSide, String contentWeight) {
        return new JobUpload(
                null, style, null, null, null, null, null, null, mode, null, steps, maxSide, contentWeight);
    }

    private static JobParameters parse(String style, String strength, String outputFormat) {
        return JobParameters.parse(
                new JobUpload(null, style, strength, outputFormat, null, null, null, null), NOW, BOUNDS);
    }

    private static JobParameters withDeadline(String deadline) {
        return JobParameters.parse(new JobUpload(null, "candy", null, null, null, null, deadline, null), NOW, BOUNDS);
    }

    private static void assertInvalid(String field, Runnable parse) {
        ProblemException problem = catchThrowableOfType(ProblemException.class, parse::run);
        assertThat(problem).isNotNull();
        assertThat(problem.type()).isEqualTo(ProblemType.INVALID_OPTION);
        assertThat(problem.extensions()).containsEntry("field", field);
    }
}
