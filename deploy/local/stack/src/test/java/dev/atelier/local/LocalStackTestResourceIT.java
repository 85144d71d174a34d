package dev.atelier.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.minio.BucketExistsArgs;
import io.minio.MinioClient;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The test resource starts one stack per JVM and hands out its Quarkus configuration. */
class LocalStackTestResourceIT {

    @Test
    void startsOneStackAndReusesIt() throws Exception {
        Map<String, String> config = new LocalStackTestResource().start();
        Map<String, String> again = new LocalStackTestResource().start();

        assertThat(again).isEqualTo(config);
        assertThat(config)
                .containsOnlyKeys(
                        "kafka.bootstrap.servers",
                        "atelier.s3.endpoint",
                        "atelier.s3.access-key",
                        "atelier.s3.secret-key",
                        "atelier.s3.bucket",
                        "atelier.s3.region");
        assertThat(config.get("kafka.bootstrap.servers")).startsWith("127.0.0.1:");
        assertThat(LocalStackTestResource.stack()).isSameAs(LocalStackTestResource.localStack());
        try (MinioClient s3 = LocalStackTestResource.stack().newS3Client()) {
            assertThat(s3.bucketExists(BucketExistsArgs.builder()
                            .bucket(config.get("atelier.s3.bucket"))
                            .build()))
                    .isTrue();
        }
    }

    @Test
    void anotherClassLoaderFindsTheSameProcesses() {
        LocalStack running = LocalStackTestResource.localStack();
        String dataDir = System.getProperty(LocalStackTestResource.SHARED_DATA_DIR_PROPERTY);

        LocalStack attached = LocalStack.attach(Path.of(dataDir));

        assertThat(attached.settings()).isEqualTo(running.settings());
        assertThat(attached.kafka().isAlive()).isTrue();
        assertThat(attached.s3().isAlive()).isTrue();
    }

    @Test
    void startBringsBackAServerAnEarlierTestLeftDown() {
        LocalStack local = LocalStackTestResource.localStack();
        local.s3().kill();
        assertThat(local.s3().isAlive()).isFalse();

        new LocalStackTestResource().start();

        assertThat(local.s3().isAlive()).isTrue();
        assertThat(local.kafka().isAlive()).isTrue();
    }
}
