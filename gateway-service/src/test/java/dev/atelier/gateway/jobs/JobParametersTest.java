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

    @Test
    void appliesDefaultsToAbsentAndBlankOptions() {
        assertThat(parse("candy", null, null))
                .isEqualTo(new JobParameters(new StyleRef("candy", null), JobOptions.defaults(), null));
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
                        new JobUpload(null, "candy", null, null, " TRUE ", "2", null, null), NOW)
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
                () -> JobParameters.parse(new JobUpload(null, "candy", null, null, flag, null, null, null), NOW));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.49", "2.01", "0", "-1", "big", "NaN", "Infinity"})
    void refusesStyleScalesOutsideHalfToTwo(String scale) {
        assertInvalid(
                "styleScale",
                () -> JobParameters.parse(new JobUpload(null, "candy", null, null, null, scale, null, null), NOW));
    }

    private static JobParameters parse(String style, String strength, String outputFormat) {
        return JobParameters.parse(new JobUpload(null, style, strength, outputFormat, null, null, null, null), NOW);
    }

    private static JobParameters withDeadline(String deadline) {
        return JobParameters.parse(new JobUpload(null, "candy", null, null, null, null, deadline, null), NOW);
    }

    private static void assertInvalid(String field, Runnable parse) {
        ProblemException problem = catchThrowableOfType(ProblemException.class, parse::run);
        assertThat(problem).isNotNull();
        assertThat(problem.type()).isEqualTo(ProblemType.INVALID_OPTION);
        assertThat(problem.extensions()).containsEntry("field", field);
    }
}
