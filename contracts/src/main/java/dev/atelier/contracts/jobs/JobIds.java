package dev.atelier.contracts.jobs;

import com.github.f4b6a3.uuid.UuidCreator;
import java.util.regex.Pattern;

/**
 * Job ids are UUIDv7: time-ordered (a tenant's jobs list in order by key prefix) and carrying 74
 * random bits, so they cannot be guessed.
 */
public final class JobIds {
    private static final Pattern UUID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

    private JobIds() {}

    public static String newId() {
        return UuidCreator.getTimeOrderedEpoch().toString();
    }

    /** Whether the text is a well-formed job id (so it can be used in an S3 key). */
    /**
     * The id with each hex digit replaced by 15 minus it: ascending order of these is descending order of
     * the ids, that is newest first. Its own inverse.
     */
    public static String newestFirst(String id) {
        StringBuilder out = new StringBuilder(id.length());
        for (char c : id.toCharArray()) {
            int digit = Character.digit(c, 16);
            out.append(digit < 0 ? c : Character.forDigit(15 - digit, 16));
        }
        return out.toString();
    }

    public static boolean isValid(String text) {
        return text != null && UUID.matcher(text).matches();
    }
}
