package dev.atelier.worker.jobs;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Lets jobs run side by side only while their photos fit the heap together: a job holds as many permits as its photo
 * has pixels, out of the most pixels the heap holds ({@code MemoryBudget.maxPixels}), so small photos overlap and a
 * photo as large as the heap allows runs alone. Fair: a large photo waiting is not overtaken by small ones forever.
 */
final class HeapAdmission {
    private final int capacity;
    private final Semaphore pixels;

    HeapAdmission(long maxPixels) {
        this.capacity = (int) Math.max(1, Math.min(Integer.MAX_VALUE, maxPixels));
        this.pixels = new Semaphore(capacity, true);
    }

    /** A lease on room for a photo of that many pixels (0 or fewer, or more than the heap holds: all of it). */
    Lease admit(long photoPixels) throws InterruptedException {
        return lease(photoPixels <= 0 ? capacity : (int) Math.min(capacity, photoPixels));
    }

    /** A lease on the whole heap: the job runs with no other beside it. */
    Lease admitAlone() throws InterruptedException {
        return lease(capacity);
    }

    private Lease lease(int permits) throws InterruptedException {
        pixels.acquire(permits);
        AtomicBoolean held = new AtomicBoolean(true);
        return () -> {
            if (held.getAndSet(false)) { // a lease closed twice gives its room back once
                pixels.release(permits);
            }
        };
    }

    /** Room held for one job's photo; close it when the job is done. */
    interface Lease extends AutoCloseable {
        @Override
        void close();
    }
}
