package dev.atelier.trainer.starter;

import dev.atelier.trainer.training.CheckpointStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Checkpoints in a folder: {@code state.bin} (the step count, then the trainer's state), replaced atomically, so a
 * long offline run that is stopped resumes when the command is run again with the same output folder.
 */
final class FileCheckpoints implements CheckpointStore {
    private final Path file;

    FileCheckpoints(Path folder) {
        this.file = folder.resolve("state.bin");
    }

    @Override
    public Optional<Checkpoint> latest() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file));
            int step = bytes.getInt();
            byte[] state = new byte[bytes.remaining()];
            bytes.get(state);
            return Optional.of(new Checkpoint(step, state));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the checkpoint " + file, e);
        }
    }

    @Override
    public void save(int step, byte[] state) {
        try {
            Files.createDirectories(file.getParent());
            Path partial = file.resolveSibling("state.bin.part");
            Files.write(
                    partial,
                    ByteBuffer.allocate(4 + state.length)
                            .putInt(step)
                            .put(state)
                            .array());
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the checkpoint " + file, e);
        }
    }
}
