package dev.atelier.gateway.events;

import io.cloudevents.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Tells watchers of a job that an event about it arrived. Only the CloudEvent's {@code subject} (the job
 * id) is read: watchers re-read the job record, the single source of truth, so an event's payload, order
 * or duplicates cannot mislead them.
 */
@ApplicationScoped
public class JobEventsFeed {
    public static final String CHANNEL = "job-events";

    private final Map<String, List<Runnable>> watchers = new ConcurrentHashMap<>();

    @Incoming(CHANNEL)
    void on(CloudEvent event) {
        String jobId = event.getSubject();
        if (jobId != null) {
            watchers.getOrDefault(jobId, List.of()).forEach(Runnable::run);
        }
    }

    /** @return cancels the watch */
    public Runnable watch(String jobId, Runnable onEvent) {
        watchers.computeIfAbsent(jobId, id -> new CopyOnWriteArrayList<>()).add(onEvent);
        return () -> watchers.computeIfPresent(jobId, (id, list) -> {
            list.remove(onEvent);
            return list.isEmpty() ? null : list;
        });
    }
}
