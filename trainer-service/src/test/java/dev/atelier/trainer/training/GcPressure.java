package dev.atelier.trainer.training;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A thread that makes the garbage collector free unreachable direct buffers every 10 ms and fills the
 * native heap with small NaN-filled buffers, the sizes of scalars and small tensors. Native memory that a tensor still
 * uses after its Java buffer became unreachable is then freed and overwritten within a few steps, instead of now and
 * then, so such a bug shows up as a NaN or a wrong gradient in every run rather than in some runs on some machines.
 */
final class GcPressure implements AutoCloseable {
    /** Often enough that DJL 0.35.1's freed scalars gave dozens of NaN gradients in 300 steps; seldom enough to cost little. */
    private static final long PERIOD_MS = 10;

    private final Thread thread;
    private volatile boolean running = true;

    GcPressure() {
        thread = new Thread(this::churn, "gc-pressure");
        thread.setDaemon(true);
        thread.start();
    }

    private void churn() {
        ByteBuffer[] live = new ByteBuffer[256];
        int next = 0;
        while (running) {
            System.gc();
            for (int i = 0; i < 64; i++) {
                ByteBuffer buffer = ByteBuffer.allocateDirect(4 << (i % 6)).order(ByteOrder.nativeOrder());
                while (buffer.remaining() >= 4) {
                    buffer.putFloat(Float.NaN);
                }
                live[next++ % live.length] = buffer;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(PERIOD_MS));
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join();
    }
}
