package dev.atelier.worker.it;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The spans the worker exports, kept in memory for the tests (Quarkus hands every finished span to each SpanExporter
 * bean; the test profile samples every trace and builds no OTLP exporter).
 */
@ApplicationScoped
public class ExportedSpans {
    @Produces
    @Singleton
    InMemorySpanExporter exporter() {
        return InMemorySpanExporter.create();
    }
}
