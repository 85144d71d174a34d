package dev.atelier.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.contracts.errors.ErrorCodes;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Clients match on error codes: each one is distinct and documented where clients read about them. */
class ErrorCodesTest {
    private static List<String> codes() {
        return Arrays.stream(ErrorCodes.class.getFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
                .map(ErrorCodesTest::value)
                .toList();
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void everyCodeIsDistinctAndWellFormed() {
        assertThat(codes())
                .hasSizeGreaterThan(20)
                .doesNotHaveDuplicates()
                .allSatisfy(code -> assertThat(code).matches("[a-z][a-z-]*(\\.[a-z][a-z-]*)?"));
    }

    @Test
    void everyCodeIsInTheEventsDocumentsTable() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "events.md"));
        assertThat(codes()).allSatisfy(code -> assertThat(doc).contains("| `" + code + "` |"));
    }
}
