package dev.atelier.local;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Finds the server jars under the stack home, or says clearly that {@code deploy/local} has not been built. */
final class ServerJars {
    private ServerJars() {}

    /**
     * The broker's class path: the jars {@code <home>/kafka.classpath} lists (written by the build, so jars an
     * older build left in {@code kafka/} stay out), else {@code <home>/kafka/*}.
     */
    static String kafkaClasspath(StackSettings settings) {
        Path home = settings.stackHome();
        Path dir = home.resolve("kafka");
        if (!Files.isDirectory(dir) || !containsBroker(dir)) {
            throw missing(dir, "the Apache Kafka broker jars (kafka_2.13-*.jar)");
        }
        Path listing = home.resolve("kafka.classpath");
        if (!Files.isRegularFile(listing)) {
            return dir + "/*";
        }
        try {
            List<Path> jars = Arrays.stream(Files.readString(listing).trim().split("[:\\n]"))
                    .filter(entry -> !entry.isBlank())
                    .map(entry -> home.resolve(entry.trim()))
                    .toList();
            for (Path jar : jars) {
                if (!Files.isRegularFile(jar)) {
                    throw missing(dir, jar.getFileName() + " (listed in " + listing + ")");
                }
            }
            return jars.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + listing, e);
        }
    }

    /** {@code <home>/s3proxy/s3proxy.jar}. */
    static Path s3proxyJar(StackSettings settings) {
        Path jar = settings.stackHome().resolve("s3proxy").resolve("s3proxy.jar");
        if (!Files.isRegularFile(jar)) {
            throw missing(jar.getParent(), "s3proxy.jar");
        }
        return jar;
    }

    private static boolean containsBroker(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.getFileName().toString().startsWith("kafka_2.13-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static IllegalStateException missing(Path where, String what) {
        return new IllegalStateException("The local stack's server jars are missing: " + where
                + " does not hold " + what + ". Build deploy/local first (from the repository root: "
                + "mvn -pl deploy/local/stack -am install -DskipTests), or point the system property "
                + StackSettings.STACK_HOME_PROPERTY + " (env ATELIER_STACK_HOME) at the folder holding kafka/ "
                + "and s3proxy/.");
    }
}
