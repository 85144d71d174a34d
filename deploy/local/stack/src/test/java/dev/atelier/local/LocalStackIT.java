package dev.atelier.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.contracts.Topics;
import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The real broker and S3 server as processes: use, restart, crash. Runs on the JVM's shared stack (the one
 * {@link LocalStackTestResource} starts), which a restart on the same data folder must leave as good as before.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalStackIT {
    static StackSettings settings;
    static LocalStack stack;

    @BeforeAll
    static void start() {
        long t0 = System.nanoTime();
        stack = LocalStackTestResource.localStack();
        settings = stack.settings();
        System.out.printf("local stack ready in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
    }

    @Test
    @Order(1)
    void createsTopicsAndBucketAndCarriesRecordsAndObjects() throws Exception {
        try (Admin admin = admin()) {
            Map<String, TopicDescription> topics = admin.describeTopics(
                            List.of(Topics.STYLIZE_REQUESTS, Topics.STYLIZE_EVENTS, Topics.MODELS))
                    .allTopicNames()
                    .get();
            assertThat(topics.get(Topics.STYLIZE_REQUESTS).partitions()).hasSize(3);
            assertThat(topics.get(Topics.STYLIZE_EVENTS).partitions()).hasSize(3);
            assertThat(topics.get(Topics.MODELS).partitions()).hasSize(1);
            ConfigResource models = new ConfigResource(ConfigResource.Type.TOPIC, Topics.MODELS);
            assertThat(admin.describeConfigs(Set.of(models))
                            .all()
                            .get()
                            .get(models)
                            .get("cleanup.policy")
                            .value())
                    .isEqualTo("compact");
        }
        String key = "job-" + UUID.randomUUID();
        RecordMetadata sent = produce(Topics.STYLIZE_REQUESTS, key, "hello");
        assertThat(consume(sent)).isEqualTo("hello");

        put("inputs/t1/" + key, "pixels");
        assertThat(get("inputs/t1/" + key)).isEqualTo("pixels");
        assertThat(stack.kafka().logFile()).exists().isNotEmptyFile();
        assertThat(stack.s3().logFile()).exists().isNotEmptyFile();
    }

    @Test
    @Order(2)
    void dataSurvivesARestartOfBoth() throws Exception {
        String key = "job-" + UUID.randomUUID();
        RecordMetadata sent = produce(Topics.STYLIZE_EVENTS, key, "completed");
        commit("restart-group", sent);
        put("outputs/t1/" + key + ".png", "styled");

        stack.stop();
        assertThat(stack.kafka().isAlive()).isFalse();
        assertThat(stack.s3().isAlive()).isFalse();
        long t0 = System.nanoTime();
        stack = LocalStack.start(settings); // a new handle, as a new JVM would make
        assertThat(LocalStackTestResource.localStack().kafka().isAlive()).isTrue();
        System.out.printf("local stack restarted in %d ms%n", (System.nanoTime() - t0) / 1_000_000);

        assertThat(consume(sent)).isEqualTo("completed");
        assertThat(committed("restart-group", sent)).isEqualTo(sent.offset() + 1);
        assertThat(get("outputs/t1/" + key + ".png")).isEqualTo("styled");
    }

    @Test
    @Order(3)
    void acknowledgedRecordSurvivesABrokerKill() throws Exception {
        String key = "job-" + UUID.randomUUID();
        RecordMetadata sent = produce(Topics.STYLIZE_REQUESTS, key, "durable");
        commit("kill-group", sent);

        stack.kafka().kill();
        assertThat(stack.kafka().isAlive()).isFalse();
        assertThat(stack.s3().isAlive()).isTrue();
        long t0 = System.nanoTime();
        stack.kafka().start();
        System.out.printf("broker restarted after SIGKILL in %d ms%n", (System.nanoTime() - t0) / 1_000_000);

        assertThat(consume(sent)).isEqualTo("durable");
        assertThat(committed("kill-group", sent)).isEqualTo(sent.offset() + 1);
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()));
    }

    private static RecordMetadata produce(String topic, String key, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        stack.bootstrapServers(),
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true),
                new StringSerializer(),
                new StringSerializer())) {
            return producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        }
    }

    private static KafkaConsumer<String, String> consumer(String group) {
        return new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        stack.bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        group,
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false),
                new StringDeserializer(),
                new StringDeserializer());
    }

    /** The value at the record's offset, read by a fresh consumer. */
    private static String consume(RecordMetadata sent) {
        TopicPartition partition = new TopicPartition(sent.topic(), sent.partition());
        try (KafkaConsumer<String, String> consumer = consumer("reader-" + UUID.randomUUID())) {
            consumer.assign(List.of(partition));
            consumer.seek(partition, sent.offset());
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            List<ConsumerRecord<String, String>> seen = new ArrayList<>();
            while (seen.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
            }
            assertThat(seen).as("records at %s@%d", partition, sent.offset()).isNotEmpty();
            return seen.get(0).value();
        }
    }

    private static void commit(String group, RecordMetadata sent) {
        TopicPartition partition = new TopicPartition(sent.topic(), sent.partition());
        try (KafkaConsumer<String, String> consumer = consumer(group)) {
            consumer.assign(List.of(partition));
            consumer.commitSync(Map.of(partition, new OffsetAndMetadata(sent.offset() + 1)));
        }
    }

    private static long committed(String group, RecordMetadata sent) {
        TopicPartition partition = new TopicPartition(sent.topic(), sent.partition());
        try (KafkaConsumer<String, String> consumer = consumer(group)) {
            OffsetAndMetadata offset = consumer.committed(Set.of(partition), Duration.ofSeconds(30))
                    .get(partition);
            assertThat(offset).as("committed offset of %s", group).isNotNull();
            return offset.offset();
        }
    }

    private static void put(String key, String content) throws Exception {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        try (MinioClient s3 = stack.newS3Client()) {
            s3.putObject(PutObjectArgs.builder().bucket(stack.bucket()).object(key).stream(
                            new ByteArrayInputStream(bytes), (long) bytes.length, -1L)
                    .build());
        }
    }

    private static String get(String key) throws Exception {
        try (MinioClient s3 = stack.newS3Client();
                InputStream in = s3.getObject(GetObjectArgs.builder()
                        .bucket(stack.bucket())
                        .object(key)
                        .build())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
