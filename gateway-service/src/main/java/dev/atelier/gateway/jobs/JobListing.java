package dev.atelier.gateway.jobs;

import dev.atelier.contracts.jobs.JobIds;
import dev.atelier.contracts.jobs.JobRecord;
import dev.atelier.contracts.jobs.JobStatus;
import dev.atelier.gateway.problems.ProblemException;
import dev.atelier.gateway.problems.ProblemType;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A tenant's jobs, newest first, a page at a time. The cursor is opaque to clients (the last job id
 * looked at, base64url), so the listing's storage can change without breaking them. With a status filter a
 * page may hold fewer than {@code limit} jobs and still have a next cursor: at most {@link #SCAN_LIMIT}
 * entries are read per request, so one call never walks a tenant's whole history.
 */
@Singleton
public class JobListing {
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    static final int SCAN_LIMIT = 1000;

    private final JobStore jobs;

    JobListing(JobStore jobs) {
        this.jobs = jobs;
    }

    /** One page, and the cursor of the next (null when there is none). */
    public record Page(List<JobRecord> jobs, String nextCursor) {}

    /**
     * @param cursor a previous page's {@code nextCursor}, or null for the newest jobs
     * @param limit 1 to {@link #MAX_LIMIT}, or null for {@link #DEFAULT_LIMIT}
     * @param status only jobs in this status (a {@link JobStatus} name, any case), or null for all
     * @throws ProblemException {@code invalid-option} for a bad cursor, limit or status
     */
    public Page list(String tenant, String cursor, Integer limit, String status) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw JobParameters.invalid("limit", "limit must be between 1 and " + MAX_LIMIT + ", was " + size);
        }
        Optional<JobStatus> wanted = parseStatus(status);
        String after = decode(cursor);
        List<JobRecord> page = new ArrayList<>();
        int scanned = 0;
        while (page.size() < size && scanned < SCAN_LIMIT) {
            int batch = wanted.isEmpty() ? size - page.size() : Math.min(MAX_LIMIT, SCAN_LIMIT - scanned);
            List<String> ids = jobs.newestFirst(tenant, after, batch);
            int used = 0;
            for (String id : ids) {
                used++;
                after = id;
                scanned++;
                // An entry without a record is a submission that failed before its record was written.
                jobs.find(tenant, id)
                        .filter(r -> wanted.isEmpty() || r.status() == wanted.get())
                        .ifPresent(page::add);
                if (page.size() == size) {
                    break;
                }
            }
            if (used == ids.size() && ids.size() < batch) {
                return new Page(page, null); // the listing is exhausted
            }
        }
        boolean more = !jobs.newestFirst(tenant, after, 1).isEmpty();
        return new Page(page, more ? encode(after) : null);
    }

    private static Optional<JobStatus> parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(JobStatus.valueOf(status.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw JobParameters.invalid(
                    "status", "status must be one of " + List.of(JobStatus.values()) + ", was '" + status + "'");
        }
    }

    private static String encode(String jobId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(jobId.getBytes(StandardCharsets.US_ASCII));
    }

    private static String decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String id = new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.US_ASCII);
            if (JobIds.isValid(id)) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new ProblemException(ProblemType.INVALID_OPTION, "cursor '" + cursor + "' is not one this API handed out")
                .with("field", "cursor");
    }
}
