package dev.atelier.cli.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceSupervisorTest {
    @TempDir
    Path logs;

    private final ByteArrayOutputStream said = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(said, true, StandardCharsets.UTF_8);

    @Test
    void aKilledServiceIsRestartedAfterItsBackoffAndSaysSo() throws Exception {
        try (ServiceProcess service = sleeper("worker");
                ServiceSupervisor supervisor = ServiceSupervisor.watch(
                        List.of(service), out, Duration.ofMillis(300), Duration.ofSeconds(5), Duration.ofMillis(50))) {
            long first = service.pid();
            service.kill();

            await().atMost(Duration.ofSeconds(20)).until(() -> service.isAlive() && service.pid() != first);
            assertThat(said.toString(StandardCharsets.UTF_8))
                    .contains("worker exited (code 137); restarting it in 0.3 s (restart 1 in a row")
                    .contains("worker restarted");

            long second = service.pid();
            service.kill();
            await().atMost(Duration.ofSeconds(20)).until(() -> service.isAlive() && service.pid() != second);
            assertThat(said.toString(StandardCharsets.UTF_8)).contains("restart 2 in a row");
        }
    }

    @Test
    void theBackoffDoublesWithEachRestartInARowUpToItsMaximum() {
        try (ServiceSupervisor supervisor = ServiceSupervisor.watch(
                List.of(), out, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(1))) {
            assertThat(List.of(1, 2, 3, 4, 5, 6, 50).stream()
                            .map(supervisor::backoff)
                            .map(Duration::toSeconds))
                    .containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L);
        }
    }

    @Test
    void aServiceStoppedAfterTheSupervisorClosedStaysStopped() throws Exception {
        try (ServiceProcess service = sleeper("gateway")) {
            ServiceSupervisor supervisor = ServiceSupervisor.watch(
                    List.of(service), out, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofMillis(20));
            supervisor.close();
            service.kill();
            Thread.sleep(300); // fifteen of the closed supervisor's periods: none may restart it
            assertThat(service.isAlive()).isFalse();
            assertThat(said.toString(StandardCharsets.UTF_8)).doesNotContain("restart");
        }
    }

    /** A process that lives until killed, standing in for a service's JVM. */
    private ServiceProcess sleeper(String name) throws Exception {
        return new ServiceProcess(name, 0, logs.resolve(name + ".log"), List.of("sleep", "600"));
    }
}
