package dev.atelier.platform.catalog;

import dev.atelier.contracts.Topics;
import dev.atelier.contracts.models.ModelManifest;
import dev.atelier.platform.events.CloudEventCodec;
import dev.atelier.platform.events.KafkaSettings;
import dev.atelier.platform.retry.Backoff;
import dev.atelier.platform.retry.Retry;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * Keeps a {@link ModelCatalog} equal to the compacted {@code atelier.models} topic, like a global
 * table: every instance reads all partitions from the beginning (no consumer group, nothing
 * committed), is "loaded" once it has caught up with the end offsets seen at start, then follows
 * new publications. Runs on its own daemon thread; a broker outage only delays it, and a failed poll is retried
 * with backoff (reported by {@link #problem()} meanwhile) instead of ending the thread.
 */
public final class ModelCatalogReader implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ModelCatalogReader.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Backoff BACKOFF = Backoff.exponential(Duration.ofSeconds(1), Duration.ofSeconds(30));

    private final Consumer<String, CloudEvent> consumer;
    private final ModelCatalog catalog;
    private final String topic;
    private final CountDownLatch loaded = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean running = true;
    private volatile String failure;

    public ModelCatalogReader(KafkaSettings kafka, ModelCatalog catalog) {
        this(kafka, catalog, Topics.MODELS);
    }

    public ModelCatalogReader(KafkaSettings kafka, ModelCatalog catalog, String topic) {
        this(consumer(kafka), catalog, topic);
    }

    /** Reads with the given consumer (the tests' MockConsumer, which can fail a poll on demand). */
    ModelCatalogReader(Consumer<String, CloudEvent> consumer, ModelCatalog catalog, String topic) {
        this.consumer = consumer;
        this.catalog = catalog;
        this.topic = topic;
        this.thread = new Thread(this::run, "atelier-model-catalog");
        this.thread.setDaemon(true);
    }

    private static Consumer<String, CloudEvent> consumer(KafkaSettings kafka) {
        Map<String, Object> properties = new HashMap<>(kafka.extra());
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(properties, new StringDeserializer(), new CloudEventDeserializer());
    }

    public ModelCatalogReader start() {
        thread.start();
        return this;
    }

    /** Whether the catalog has caught up with the topic as it was when reading began. */
    public boolean isLoaded() {
        return loaded.getCount() == 0;
    }

    /**
     * Why the catalog may not follow the topic right now (the last poll failed, or the reader stopped), or empty when
     * it does. A catalog with a problem is stale: readiness reports it instead of serving a frozen catalog as current.
     */
    public Optional<String> problem() {
        if (failure != null) {
            return Optional.of(failure);
        }
        if (running && thread.getState() == Thread.State.TERMINATED) {
            return Optional.of("the model catalog reader stopped");
        }
        return Optional.empty();
    }

    /** Waits until loaded; false on timeout. */
    public boolean awaitLoaded(Duration timeout) throws InterruptedException {
        return loaded.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void run() {
        try {
            Map<TopicPartition, Long> endAtStart = assignAll();
            int failures = 0;
            while (running) {
                try {
                    pollOnce();
                    if (!isLoaded() && caughtUp(endAtStart)) {
                        LOG.infof(
                                "model catalog loaded: %d style(s) %s",
                                catalog.all().size(),
                                catalog.all().stream()
                                        .map(m -> m.styleId() + "@" + m.version())
                                        .toList());
                        loaded.countDown();
                    }
                    if (failure != null) {
                        LOG.infof("model catalog reader recovered from: %s", failure);
                        failure = null;
                        failures = 0;
                    }
                } catch (WakeupException e) {
                    throw e;
                } catch (RuntimeException e) {
                    // Whatever went wrong, the catalog must keep following the topic: say so, wait, poll again.
                    // Meanwhile problem() reports it, so readiness is DOWN rather than UP on a frozen catalog.
                    failure = e.toString();
                    Duration wait = BACKOFF.after(++failures);
                    LOG.errorf(e, "model catalog reader failed; reading the topic again in %s", wait);
                    if (!Retry.Pause.SLEEP.pause(wait)) {
                        running = false;
                    }
                    rewind(); // a record taken by the failed poll may not have been applied
                }
            }
        } catch (WakeupException e) {
            // close() asked us to stop.
        } catch (RuntimeException e) {
            failure = e.toString();
            LOG.error("model catalog reader stopped: " + e.getMessage(), e);
        } finally {
            try {
                consumer.close(Duration.ofSeconds(2));
            } catch (RuntimeException e) {
                LOG.debugf("closing the model catalog consumer: %s", e.getMessage());
            }
        }
    }

    private void rewind() {
        try {
            consumer.seekToBeginning(consumer.assignment());
        } catch (RuntimeException e) {
            LOG.warnf("cannot rewind the model catalog reader yet: %s", e.getMessage());
        }
    }

    /** Assigns every partition of the topic (waiting for the topic if need be) and seeks to the start. */
    private Map<TopicPartition, Long> assignAll() {
        while (running) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            if (!partitions.isEmpty()) {
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                return consumer.endOffsets(partitions, Duration.ofSeconds(30));
            }
            LOG.warnf("topic %s not found yet; waiting for it", topic);
        }
        return Map.of();
    }

    private void pollOnce() {
        try {
            for (ConsumerRecord<String, CloudEvent> record : consumer.poll(POLL)) {
                apply(record);
            }
        } catch (RecordDeserializationException e) {
            // A record that is not a CloudEvent must not stop the catalog: skip it, say so.
            LOG.warnf(
                    "skipping a record that is not a CloudEvent at %s@%d: %s",
                    e.topicPartition(), e.offset(), e.getMessage());
            consumer.seek(e.topicPartition(), e.offset() + 1);
        }
    }

    private boolean caughtUp(Map<TopicPartition, Long> endAtStart) {
        return endAtStart.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private void apply(ConsumerRecord<String, CloudEvent> record) {
        if (record.value() == null) {
            catalog.remove(record.key());
            return;
        }
        try {
            catalog.put(CloudEventCodec.decode(record.value(), ModelManifest.class));
        } catch (IllegalArgumentException e) {
            LOG.warnf(
                    "skipping unreadable manifest at %s-%d@%d: %s",
                    record.topic(), record.partition(), record.offset(), e.getMessage());
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
