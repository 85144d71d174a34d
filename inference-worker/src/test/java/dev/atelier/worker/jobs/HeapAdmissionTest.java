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
            waitsUntilClosed(later(() -> admission.admit(1)), a);
        }
    }

    @Test
    void aPhotoThatDoesNotFitBesideTheRunningOneWaitsForIt() throws Exception {
        HeapAdmission.Lease running = admission.admit(700);
        waitsUntilClosed(later(() -> admission.admit(700)), running);
    }

    @Test
    void aPhotoOfUnknownSizeOrLargerThanTheHeapRunsAlone() throws Exception {
        for (long pixels : new long[] {0, 5_000}) {
            HeapAdmission.Lease alone = admission.admit(pixels);
            waitsUntilClosed(later(() -> admission.admit(1)), alone).close();
        }
    }

    @Test
    void aJobAdmittedAloneWaitsForTheRunningOnesAndKeepsOthersOut() throws Exception {
        // The blocking lease is taken before the waiting caller starts: otherwise that caller may take the room first.
        HeapAdmission.Lease running = admission.admit(1);
        HeapAdmission.Lease alone = waitsUntilClosed(later(admission::admitAlone), running);
        waitsUntilClosed(later(() -> admission.admit(1)), alone);
    }

    @Test
    void aLeaseClosedTwiceGivesItsRoomBackOnce() throws Exception {
        HeapAdmission.Lease first = admission.admit(600);
        first.close();
        first.close();
        HeapAdmission.Lease holding = admission.admit(600);
        waitsUntilClosed(later(() -> admission.admit(600)), holding);
    }

    /**
     * Asserts that the lease does not come while {@code blocking} is held, and comes once it is closed; returns it
     * (each test has an admission of its own, so a lease left open affects nothing after the test).
     */
    private static HeapAdmission.Lease waitsUntilClosed(
            CompletableFuture<HeapAdmission.Lease> lease, HeapAdmission.Lease blocking) throws Exception {
        assertThat(lease).failsWithin(200, TimeUnit.MILLISECONDS).withThrowableOfType(TimeoutException.class);
        blocking.close();
        return lease.get(30, TimeUnit.SECONDS);
    }

    /** On a thread of its own: admission blocks its caller. */
    private static CompletableFuture<HeapAdmission.Lease> later(Admit admit) {
        CompletableFuture<HeapAdmission.Lease> lease = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                lease.complete(admit.call());
            } catch (InterruptedException e) {
                lease.completeExceptionally(e);
            }
        });
        thread.setDaemon(true);
        thread.start();
        return lease;
    }

    private interface Admit {
        HeapAdmission.Lease call() throws InterruptedException;
    }
}
