package dev.atelier.trainer.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a NumPy {@code .npy} file of little-endian float32 in C order (format versions 1 to 3). DJL's own
 * parser rejects the header NumPy writes for one-dimensional arrays ({@code 'shape': (64,)}), hence this.
 */
public final class NpyReader {
    private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([^']+)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order':\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");

    private NpyReader() {}

    /** @throws IOException if the stream is not such a file */
    public static NDArray read(InputStream stream, NDManager manager) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        byte[] magic = new byte[6];
        in.readFully(magic);
        if (magic[0] != (byte) 0x93 || !new String(magic, 1, 5, StandardCharsets.US_ASCII).equals("NUMPY")) {
            throw new IOException("not a .npy file");
        }
        int major = in.readUnsignedByte();
        in.readUnsignedByte();
        byte[] lengthBytes = new byte[major == 1 ? 2 : 4];
        in.readFully(lengthBytes);
        ByteBuffer length = ByteBuffer.wrap(Arrays.copyOf(lengthBytes, 4)).order(ByteOrder.LITTLE_ENDIAN);
        byte[] headerBytes = new byte[length.getInt()];
        in.readFully(headerBytes);
        String header = new String(headerBytes, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Matcher descr = DESCR.matcher(header);
        Matcher fortran = FORTRAN.matcher(header);
        Matcher shape = SHAPE.matcher(header);
        if (!descr.find() || !fortran.find() || !shape.find()) {
            throw new IOException("malformed .npy header: " + header.trim());
        }
        if (!descr.group(1).equals("<f4") || fortran.group(1).equals("True")) {
            throw new IOException("only little-endian float32 in C order is supported, got " + header.trim());
        }
        long[] dims = Arrays.stream(shape.group(1).split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .mapToLong(Long::parseLong)
                .toArray();
        long count = Arrays.stream(dims).reduce(1, (a, b) -> a * b);
        byte[] data = new byte[Math.toIntExact(count * 4)];
        in.readFully(data);
        float[] values = new float[(int) count];
        ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        return manager.create(values, new Shape(dims));
    }
}
