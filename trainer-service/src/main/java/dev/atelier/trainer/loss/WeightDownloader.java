package dev.atelier.trainer.loss;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Fetches a weight file from a URL once into a data folder, named by its digest, and checks it against the
 * expected sha256 before anything reads it. A file already there with that digest is used without a download.
 */
public final class WeightDownloader {
    private static final int TIMEOUT_MS = 30_000;

    private WeightDownloader() {}

    /**
     * @return the local copy, {@code dataDir/loss-networks/<sha256>/<file name>}
     * @throws IOException if the download fails or the digest differs (the partial file is deleted)
     */
    public static Path fetch(URI url, String sha256, Path dataDir) throws IOException {
        if (sha256 == null || !sha256.matches("(?i)[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a download needs the file's sha256 (64 hex digits), got " + sha256);
        }
        String expected = sha256.toLowerCase(Locale.ROOT);
        String path = url.getPath() == null ? "" : url.getPath();
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (name.isBlank()) {
            name = "weights";
        }
        Path folder = dataDir.resolve("loss-networks").resolve(expected);
        Path target = folder.resolve(name);
        if (Files.isRegularFile(target) && sha256(target).equals(expected)) {
            return target;
        }
        Files.createDirectories(folder);
        Path partial = Files.createTempFile(folder, name, ".part");
        try {
            URLConnection connection = url.toURL().openConnection();
            connection.setConnectTimeout(TIMEOUT_MS);
            connection.setReadTimeout(TIMEOUT_MS);
            MessageDigest digest = newDigest();
            try (InputStream in = new DigestInputStream(connection.getInputStream(), digest);
                    OutputStream out = Files.newOutputStream(partial)) {
                in.transferTo(out);
            }
            String actual = HexFormat.of().formatHex(digest.digest());
            if (!actual.equals(expected)) {
                throw new IOException("download of " + url + " has sha256 " + actual + ", expected " + expected);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    public static String sha256(Path file) throws IOException {
        MessageDigest digest = newDigest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
