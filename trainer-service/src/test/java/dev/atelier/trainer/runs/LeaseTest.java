package dev.atelier.trainer.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.contracts.jobs.JobIds;
import dev.atelier.contracts.training.TrainingOptions;
import dev.atelier.contracts.training.TrainingRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LeaseTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private final Lease lease = new Lease(null, null, Clock.fixed(NOW, ZoneOffset.UTC), "me", Duration.ofMinutes(3));
    private final TrainingRecord queued =
            TrainingRecord.queued(JobIds.newId(), "t", "s", "S", "k", TrainingOptions.defaults(), NOW);

    @Test
    void onlyAnotherTrainersFreshHeartbeatHoldsATraining() {
        assertThat(lease.heldByAnother(queued)).isFalse();
        assertThat(lease.heldByAnother(queued.running("cpu", "me", 0, NOW)))
                .as("our own, from before a restart")
                .isFalse();
        assertThat(lease.heldByAnother(queued.running("cpu", "other", 0, NOW.minusSeconds(60))))
                .isTrue();
        assertThat(lease.heldByAnother(queued.running("cpu", "other", 0, NOW.minusSeconds(181))))
                .as("stale: its trainer died")
                .isFalse();
        assertThat(lease.heldByAnother(queued.running("cpu", "other", 0, NOW).succeeded(1, null, NOW)))
                .isFalse();
    }

    @Test
    void seedsFromTheTrainingIdTheSameWayEveryTime() {
        String id = JobIds.newId();
        assertThat(TrainingRun.seed(id)).isEqualTo(TrainingRun.seed(id)).isNotEqualTo(TrainingRun.seed(JobIds.newId()));
    }
}
