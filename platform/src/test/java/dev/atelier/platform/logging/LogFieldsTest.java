package dev.atelier.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.jboss.logging.MDC;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LogFieldsTest {
    @AfterEach
    void clear() {
        MDC.clear();
    }

    @Test
    void aScopePutsItsFieldsAndRemovesThemWhenClosed() {
        try (LogFields.Scope scope = LogFields.job("job-1", "acme").and(LogFields.TRACE, "abc")) {
            assertThat(MDC.get(LogFields.JOB_ID)).isEqualTo("job-1");
            assertThat(MDC.get(LogFields.TENANT)).isEqualTo("acme");
            assertThat(MDC.get(LogFields.TRACE)).isEqualTo("abc");
        }
        assertThat(MDC.getMap()).isEmpty();
    }

    @Test
    void aNestedScopeRestoresWhatItReplacedAndANullValueIsLeftOut() {
        try (LogFields.Scope outer = LogFields.training("t-1", "acme")) {
            try (LogFields.Scope inner =
                    LogFields.put(LogFields.TENANT, "other").and(LogFields.TRACE, null)) {
                assertThat(MDC.get(LogFields.TENANT)).isEqualTo("other");
                assertThat(MDC.get(LogFields.TRACE)).isNull();
            }
            assertThat(MDC.get(LogFields.TENANT)).isEqualTo("acme");
            assertThat(MDC.get(LogFields.TRAINING_ID)).isEqualTo("t-1");
        }
        assertThat(MDC.getMap()).isEmpty();
    }
}
