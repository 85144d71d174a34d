package dev.atelier.worker.jobs;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * The job metrics: {@code atelier_jobs_total{outcome,style}}, {@code atelier_job_latency_seconds}
 * (acceptance to final state), {@code atelier_job_queue_wait_seconds} (acceptance to inference)
 * {@code atelier_inference_seconds{style,provider}} and {@code atelier_jobs_crashed_total{style}} (jobs failed
 * because their worker died each time it ran them).
 */
@Singleton
public class JobMetrics {
    // Histogram buckets (for quantiles and latency alerts) from 10 ms to 10 min: a job's times fall in between.
    private static final Duration MIN = Duration.ofMillis(10);
    private static final Duration MAX = Duration.ofMinutes(10);

    private final MeterRegistry registry;
    private final Timer latency;
    private final Timer queueWait;

    public JobMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.latency = Timer.builder("atelier.job.latency")
                .description("From acceptance by the gateway to the job's final state")
                .publishPercentileHistogram()
                .minimumExpectedValue(MIN)
                .maximumExpectedValue(MAX)
                .register(registry);
        this.queueWait = Timer.builder("atelier.job.queue.wait")
                .description("From acceptance by the gateway to the start of inference")
                .publishPercentileHistogram()
                .minimumExpectedValue(MIN)
                .maximumExpectedValue(MAX)
                .register(registry);
    }

    public void succeeded(String style, String provider, Duration endToEnd, Duration waited, Duration inference) {
        registry.counter("atelier.jobs", "outcome", "succeeded", "style", style).increment();
        latency.record(nonNegative(endToEnd));
        queueWait.record(nonNegative(waited));
        Timer.builder("atelier.inference")
                .description("Time inside the model, by style and execution provider")
                .tags("style", style, "provider", provider)
                .publishPercentileHistogram()
                .minimumExpectedValue(MIN)
                .maximumExpectedValue(MAX)
                .register(registry)
                .record(inference);
    }

    public void failed(String style, Duration endToEnd) {
        registry.counter("atelier.jobs", "outcome", "failed", "style", style).increment();
        latency.record(nonNegative(endToEnd));
    }

    /** A job failed for good because its worker died every time it started it (counted in {@link #failed} as well). */
    public void crashed(String style) {
        registry.counter("atelier.jobs.crashed", "style", style).increment();
    }

    /** Clocks of gateway and worker differ a little; a negative wait is noise. */
    private static Duration nonNegative(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }
}
