package dev.atelier.worker.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class HeapAdmissionTest {
    @Test
    void photosThatFitTogetherAreAdmittedTogether() throws Exception {
        HeapAdmission admission = new HeapAdmission(1_000);
        try (HeapAdmission.Lease a = admission.admit(400);
                HeapAdmission.Lease b = admission.admit(600)) {
            assertThat(a).isNotSameAs(b);
        }
    }

    @Test
    void aPhotoThatDoesNotFitBesideTheRunningOneWaitsForIt() throws Exception {
        HeapAdmission admission = new HeapAdmission(1_000);
        HeapAdmission.Lease first = admission.admit(700);
        CompletableFuture<HeapAdmission.Lease> second = CompletableFuture.supplyAsync(() -> {
            try {
                return admission.admit(700);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        // Waiting is what is asserted: the bound holds on any machine, however slow.
        assertThat(second).failsWithin(200, TimeUnit.MILLISECONDS).withThrowableOfType(TimeoutException.class);
        first.close();
        second.get(30, TimeUnit.SECONDS).close();
    }

    @Test
    void aPhotoOfUnknownSizeOrLargerThanTheHeapRunsAlone() throws Exception {
        HeapAdmission admission = new HeapAdmission(1_000);
        try (HeapAdmission.Lease unknown = admission.admit(0)) {
            CompletableFuture<HeapAdmission.Lease> small = CompletableFuture.supplyAsync(() -> {
                try {
                    return admission.admit(1);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(small).failsWithin(200, TimeUnit.MILLISECONDS).withThrowableOfType(TimeoutException.class);
            unknown.close();
            small.get(30, TimeUnit.SECONDS).close();
        }
        try (HeapAdmission.Lease huge = admission.admit(5_000)) {
            assertThat(huge).isNotNull();
        }
    }
}
