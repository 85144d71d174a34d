package dev.atelier.local;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * One server as an OS process: launches it with its output appended to a log file, remembers its pid in a file (so
 * a later JVM, or another class loader, can stop it), waits for it to answer, stops it (SIGTERM, wait, SIGKILL) or
 * kills it. A pid only counts as this server's while its command line contains {@code marker}, the absolute path of
 * its config file, so a recycled pid is never signalled.
 */
final class ServerProcess {
    private static final System.Logger LOG = System.getLogger(ServerProcess.class.getName());
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final String name;
    private final Path pidFile;
    private final Path logFile;
    private final String marker;
    private Process process;

    ServerProcess(String name, Path pidFile, Path logFile, String marker) {
        this.name = name;
        this.pidFile = pidFile;
        this.logFile = logFile;
        this.marker = marker;
    }

    /** The {@code java} of the running JVM. */
    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    Path logFile() {
        return logFile;
    }

    /** Starts {@code command} in {@code workDir}; output goes to the log file. Does not wait for readiness. */
    synchronized void launch(List<String> command, Path workDir) {
        running().ifPresent(h -> {
            throw new IllegalStateException(name + " is already running (pid " + h.pid() + ")");
        });
        try {
            Process p = start(command, workDir);
            process = p;
            Files.writeString(pidFile, Long.toString(p.pid()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    /** Runs a one-off command (a setup step) to its end; output goes to the log file. */
    void runToEnd(String what, List<String> command, Path workDir, Duration timeout) {
        try {
            Process p = start(command, workDir);
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw failure(what + " did not finish within " + timeout.toSeconds() + " s");
            }
            if (p.exitValue() != 0) {
                throw failure(what + " failed with exit code " + p.exitValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + what + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + what, e);
        }
    }

    /**
     * Polls {@code probe} until it answers true. Fails, pointing at the log, when the process exits first or when
     * {@code timeout} passes (then the process is stopped).
     */
    void awaitReady(BooleanSupplier probe, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<ProcessHandle> handle = running();
            if (handle.isEmpty()) {
                Process p = process;
                String code = p != null && !p.isAlive() ? " with exit code " + p.exitValue() : "";
                throw failure("exited" + code + " while starting");
            }
            if (probe.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                stop();
                throw failure("did not answer within " + timeout.toSeconds() + " s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
        }
    }

    /** This server's live process, from the pid file, if it still runs. */
    Optional<ProcessHandle> running() {
        long pid;
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            pid = Long.parseLong(Files.readString(pidFile).trim());
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
        Process own = process;
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(h -> (own != null && own.pid() == pid)
                        || h.info().commandLine().map(c -> c.contains(marker)).orElse(false));
    }

    boolean isAlive() {
        return running().isPresent();
    }

    /** SIGTERM, up to 30 s for a clean shutdown, then SIGKILL. No-op when not running. */
    synchronized void stop() {
        running().ifPresent(h -> {
            h.destroy();
            if (!awaitExit(h, STOP_GRACE)) {
                LOG.log(
                        System.Logger.Level.WARNING,
                        "{0} did not stop within {1} s, killing it",
                        name,
                        STOP_GRACE.toSeconds());
                h.destroyForcibly();
                awaitExit(h, Duration.ofSeconds(10));
            }
        });
        forget();
    }

    /** SIGKILL: no clean shutdown at all, as in a crash. No-op when not running. */
    synchronized void kill() {
        running().ifPresent(h -> {
            h.destroyForcibly();
            awaitExit(h, Duration.ofSeconds(10));
        });
        forget();
    }

    /** An exception naming the server and the log file, with the log's last lines. */
    IllegalStateException failure(String what) {
        return new IllegalStateException(
                name + " " + what + ". Its log is " + logFile + "; last lines:\n" + logTail(4096));
    }

    private Process start(List<String> command, Path workDir) throws IOException {
        Files.createDirectories(logFile.getParent());
        Files.writeString(
                logFile,
                "---- " + Instant.now() + " " + String.join(" ", command) + "\n",
                StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        Process p = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        return p;
    }

    private void forget() {
        process = null;
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "cannot delete " + pidFile, e);
        }
    }

    private static boolean awaitExit(ProcessHandle h, Duration timeout) {
        try {
            h.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !h.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !h.isAlive();
        }
    }

    private String logTail(int bytes) {
        try (RandomAccessFile file = new RandomAccessFile(logFile.toFile(), "r")) {
            long start = Math.max(0, file.length() - bytes);
            byte[] buffer = new byte[(int) (file.length() - start)];
            file.seek(start);
            file.readFully(buffer);
            String tail = new String(buffer, StandardCharsets.UTF_8);
            return start > 0 && tail.indexOf('\n') >= 0 ? tail.substring(tail.indexOf('\n') + 1) : tail;
        } catch (IOException e) {
            return "(cannot read " + logFile + ": " + e.getMessage() + ")";
        }
    }
}
