package dev.atelier.local;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without the server jars the stack fails at once, naming the folder and saying what to build. */
class MissingJarsTest {
    @TempDir
    Path dir;

    @Test
    void namesTheMissingFolderAndTheBuild() {
        Path home = dir.resolve("no-stack-here");
        StackSettings settings = StackSettings.builder()
                .dataDir(dir.resolve("data"))
                .stackHome(home)
                .freePorts()
                .build();

        assertThatThrownBy(() -> LocalStack.start(settings))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(home.toString())
                .hasMessageContaining("Build deploy/local first")
                .hasMessageContaining("mvn -pl deploy/local/stack -am install");
    }

    @Test
    void s3ProxyJarMissingIsNamedToo() throws Exception {
        Path home = dir.resolve("half-stack");
        Files.createDirectories(home.resolve("kafka"));
        Files.createFile(home.resolve("kafka").resolve("kafka_2.13-4.4.0.jar"));
        StackSettings settings = StackSettings.builder()
                .dataDir(dir.resolve("data"))
                .stackHome(home)
                .freePorts()
                .build();

        assertThatThrownBy(() -> new S3Process(settings).start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(home.resolve("s3proxy").toString())
                .hasMessageContaining("s3proxy.jar")
                .hasMessageContaining("Build deploy/local first");
    }
}
