package dev.atelier.platform.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.contracts.models.ModelManifest;
import dev.atelier.platform.events.CloudEventCodec;
import io.cloudevents.CloudEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.internals.AutoOffsetResetStrategy;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * A failed poll must not end the reader with the catalog frozen while readiness says all is well: the reader reports
 * the problem, reads the topic again and recovers. Kafka's MockConsumer fails a poll on demand, which a real broker
 * does not.
 */
class ModelCatalogReaderTest {
    private static final String TOPIC = "atelier.models";
    private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);
    private static final CloudEventCodec CODEC = new CloudEventCodec("/test");

    @Test
    void aFailedPollIsReportedRetriedAndNothingPublishedIsMissed() throws Exception {
        MockConsumer<String, CloudEvent> consumer = new MockConsumer<>(AutoOffsetResetStrategy.EARLIEST.name());
        Node broker = new Node(0, "localhost", 9092);
        consumer.updatePartitions(
                TOPIC, List.of(new PartitionInfo(TOPIC, 0, broker, new Node[] {broker}, new Node[] {broker})));
        consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
        consumer.updateEndOffsets(Map.of(PARTITION, 1L));
        consumer.schedulePollTask(() -> consumer.addRecord(record(0, manifest("candy", 1))));
        ModelCatalog catalog = new ModelCatalog();

        try (ModelCatalogReader reader = new ModelCatalogReader(consumer, catalog, TOPIC).start()) {
            assertThat(reader.awaitLoaded(Duration.ofSeconds(10))).isTrue();
            assertThat(reader.problem()).isEmpty();

            consumer.setPollException(new KafkaException("broker said no"));
            await(() -> reader.problem().isPresent());
            assertThat(reader.problem())
                    .hasValueSatisfying(problem -> assertThat(problem).contains("broker said no"));

            // The reader polls again after its backoff and goes on following the topic.
            consumer.schedulePollTask(() -> consumer.addRecord(record(1, manifest("candy", 2))));
            await(() -> reader.problem().isEmpty()
                    && catalog.current("candy").map(m -> m.version() == 2).orElse(false));
        }
    }

    @Test
    void aReaderThatStoppedIsAProblemUntilClosed() throws Exception {
        MockConsumer<String, CloudEvent> consumer = new MockConsumer<>(AutoOffsetResetStrategy.EARLIEST.name());
        ModelCatalogReader reader = new ModelCatalogReader(consumer, new ModelCatalog(), TOPIC).start();
        consumer.close(); // every call on it now throws: the reader cannot even find the topic
        await(() -> reader.problem().isPresent());
        reader.close();
    }

    private static ConsumerRecord<String, CloudEvent> record(long offset, ModelManifest manifest) {
        return new ConsumerRecord<>(TOPIC, 0, offset, manifest.styleId(), CODEC.encode(manifest));
    }

    private static ModelManifest manifest(String styleId, int version) {
        return new ModelManifest(
                styleId,
                styleId,
                version,
                "ab",
                10,
                "models/" + styleId + "/" + version + "/model.onnx",
                null,
                "input",
                "output",
                null,
                "test",
                Instant.parse("2026-12-07T00:00:00Z"));
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 30 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
