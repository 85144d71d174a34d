package dev.atelier.gateway.api;

import dev.atelier.gateway.jobs.JobListing;
import dev.atelier.gateway.jobs.JobView;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of {@code GET /v1/jobs}. */
@Schema(name = "JobPage")
public record JobPageView(
        List<JobView> jobs,

        @Schema(description = "Pass as cursor for the next page; null on the last page")
        String nextCursor,

        @Schema(description = "The next page's path, or null")
        String next) {

    static JobPageView of(JobListing.Page page) {
        return new JobPageView(
                page.jobs().stream().map(JobView::of).toList(),
                page.nextCursor(),
                page.nextCursor() == null ? null : "/v1/jobs?cursor=" + page.nextCursor());
    }
}
