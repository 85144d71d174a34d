package dev.atelier.gateway.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The ids of a job's Server-Sent Events, by which a client resumes: each optimisation report is news too. */
class JobProgressTest {

    @Test
    void aRunningOptimisationsReportsComeAfterItsStartAndBeforeItsEnd() {
        JobProgress started = new JobProgress(2, 1, 0);
        JobProgress reported = new JobProgress(2, 1, 25);
        JobProgress later = new JobProgress(2, 1, 50);
        JobProgress restarted = new JobProgress(2, 2, 0);
        JobProgress finished = new JobProgress(3, 1, 0);

        assertThat(reported.isAfter(started)).isTrue();
        assertThat(later.isAfter(reported)).isTrue();
        assertThat(reported.isAfter(later)).isFalse();
        assertThat(restarted.isAfter(later)).as("a new attempt starts over").isTrue();
        assertThat(finished.isAfter(later)).isTrue();
        assertThat(reported.isAfter(reported)).isFalse();
    }

    @Test
    void idsReadBackAndThoseWrittenBeforeReportsExistedStillParse() {
        assertThat(JobProgress.parse(new JobProgress(2, 1, 25).eventId())).contains(new JobProgress(2, 1, 25));
        assertThat(new JobProgress(2, 1, 0).eventId()).isEqualTo("2.1");
        assertThat(JobProgress.parse("2.1")).contains(new JobProgress(2, 1, 0));
        assertThat(JobProgress.parse("2.x.3")).isEmpty();
        assertThat(JobProgress.parse("garbage")).isEmpty();
        assertThat(JobProgress.parse(null)).isEmpty();
    }
}
