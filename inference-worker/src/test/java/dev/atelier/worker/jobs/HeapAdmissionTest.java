package dev.atelier.worker.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Waiting is asserted as "not admitted within 200 ms, admitted once room is given back": the first half holds on any
 * machine, however slow, because a lease without room is never granted.
 */
class HeapAdmissionTest {
    private final HeapAdmission admission = new HeapAdmission(1_000);

    @Test
    void photosThatFitTogetherAreAdmittedTogetherAndTheNextWaits() throws Exception {
        try (HeapAdmission.Lease a = admission.admit(400);
                HeapAdmission.Lease b = admission.admit(600)) {
            CompletableFuture<HeapAdmission.Lease> third = admitLater(1);
            assertWaits(third);
            a.close();
            third.get(30, TimeUnit.SECONDS).close();
        }
    }

    @Test
    void aPhotoThatDoesNotFitBesideTheRunningOneWaitsForIt() throws Exception {
        HeapAdmission.Lease first = admission.admit(700);
        CompletableFuture<HeapAdmission.Lease> second = admitLater(700);
        assertWaits(second);
        first.close();
        second.get(30, TimeUnit.SECONDS).close();
    }

    @Test
    void aPhotoOfUnknownSizeOrLargerThanTheHeapRunsAlone() throws Exception {
        for (long pixels : new long[] {0, 5_000}) {
            HeapAdmission.Lease large = admission.admit(pixels);
            CompletableFuture<HeapAdmission.Lease> small = admitLater(1);
            assertWaits(small);
            large.close();
            small.get(30, TimeUnit.SECONDS).close();
        }
    }

    @Test
    void aJobAdmittedAloneWaitsForTheRunningOnesAndKeepsOthersOut() throws Exception {
        HeapAdmission.Lease running = admission.admit(1);
        CompletableFuture<HeapAdmission.Lease> alone = CompletableFuture.supplyAsync(() -> {
            try {
                return admission.admitAlone();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertWaits(alone);
        running.close();
        HeapAdmission.Lease lease = alone.get(30, TimeUnit.SECONDS);
        CompletableFuture<HeapAdmission.Lease> next = admitLater(1);
        assertWaits(next);
        lease.close();
        next.get(30, TimeUnit.SECONDS).close();
    }

    @Test
    void aLeaseClosedTwiceGivesItsRoomBackOnce() throws Exception {
        HeapAdmission.Lease first = admission.admit(600);
        first.close();
        first.close();
        try (HeapAdmission.Lease big = admission.admit(600)) {
            CompletableFuture<HeapAdmission.Lease> other = admitLater(600);
            assertWaits(other);
            big.close();
            other.get(30, TimeUnit.SECONDS).close();
        }
    }

    private CompletableFuture<HeapAdmission.Lease> admitLater(long pixels) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return admission.admit(pixels);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static void assertWaits(CompletableFuture<HeapAdmission.Lease> lease) {
        assertThat(lease).failsWithin(200, TimeUnit.MILLISECONDS).withThrowableOfType(TimeoutException.class);
    }
}
