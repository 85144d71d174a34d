package dev.atelier.gateway.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.atelier.contracts.jobs.JobOptions;
import dev.atelier.contracts.jobs.OutputFormat;
import dev.atelier.contracts.models.StyleRef;
import dev.atelier.gateway.problems.ProblemException;
import dev.atelier.gateway.problems.ProblemType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JobParametersTest {

    @Test
    void appliesDefaultsToAbsentAndBlankOptions() {
        assertThat(JobParameters.parse("candy", null, null))
                .isEqualTo(new JobParameters(new StyleRef("candy", null), JobOptions.defaults()));
        assertThat(JobParameters.parse("candy", "", " ").options()).isEqualTo(JobOptions.defaults());
    }

    @Test
    void parsesPinnedStylesStrengthsAndFormats() {
        JobParameters parameters = JobParameters.parse(" candy@3 ", " 0.25 ", "JPG");
        assertThat(parameters.style()).isEqualTo(new StyleRef("candy", 3));
        assertThat(parameters.options()).isEqualTo(new JobOptions(0.25, OutputFormat.JPEG));
        assertThat(JobParameters.parse("candy", "0", "png").options().strength()).isZero();
        assertThat(JobParameters.parse("candy", "1", "jpeg").options().outputFormat()).isEqualTo(OutputFormat.JPEG);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2", "-0.1", "1.0001", "abc", "NaN", "Infinity", "0,5"})
    void refusesStrengthsThatAreNotNumbersInZeroToOne(String strength) {
        assertInvalid("strength", () -> JobParameters.parse("candy", strength, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bmp", "gif", "webp", "png8"})
    void refusesUnknownOutputFormats(String format) {
        assertInvalid("outputFormat", () -> JobParameters.parse("candy", null, format));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "Candy", "candy@", "candy@0", "candy@x", "../etc"})
    void refusesMissingOrMalformedStyles(String style) {
        assertInvalid("style", () -> JobParameters.parse(style, null, null));
    }

    @Test
    void refusesAMissingStyle() {
        assertInvalid("style", () -> JobParameters.parse(null, null, null));
    }

    private static void assertInvalid(String field, Runnable parse) {
        ProblemException problem = catchThrowableOfType(ProblemException.class, parse::run);
        assertThat(problem).isNotNull();
        assertThat(problem.type()).isEqualTo(ProblemType.INVALID_OPTION);
        assertThat(problem.extensions()).containsEntry("field", field);
    }
}
