package dev.atelier.trainer.runs;

import dev.atelier.contracts.training.TrainingRecord;
import dev.atelier.contracts.training.TrainingStatus;
import dev.atelier.trainer.engine.TrainingStoppedException;
import java.time.Clock;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Keeps two trainers from training the same request (Kafka redelivers it to another trainer after a
 * rebalance, while the first may still be at it): a RUNNING record owned by another trainer with a
 * fresh heartbeat is waited on until it is final or its heartbeat goes stale (its trainer died).
 * Best effort: S3 offers no compare-and-set here, so two trainers starting within one read of each
 * other could both go on.
 */
final class Lease {
    private static final Logger LOG = Logger.getLogger(Lease.class);

    private final TrainingRecords records;
    private final ShutdownSignal shutdown;
    private final Clock clock;
    private final String owner;
    private final Duration timeout;

    Lease(TrainingRecords records, ShutdownSignal shutdown, Clock clock, String owner, Duration timeout) {
        this.records = records;
        this.shutdown = shutdown;
        this.clock = clock;
        this.owner = owner;
        this.timeout = timeout;
    }

    /** The record once nobody else holds it (possibly final by then). */
    TrainingRecord await(TrainingRecord record) {
        Duration poll = timeout.dividedBy(6);
        while (heldByAnother(record)) {
            LOG.infof(
                    "training %s is running on %s (heartbeat %s); waiting for it",
                    record.id(), record.owner(), record.heartbeatAt());
            if (shutdown.sleep(poll)) {
                throw new TrainingStoppedException("shutting down while waiting for training " + record.id());
            }
            record = records.find(record.id()).orElse(record);
        }
        return record;
    }

    boolean heldByAnother(TrainingRecord record) {
        if (record.status() != TrainingStatus.RUNNING
                || record.owner() == null
                || record.owner().equals(owner)
                || record.heartbeatAt() == null) {
            return false;
        }
        return record.heartbeatAt().plus(timeout).isAfter(clock.instant());
    }
}
