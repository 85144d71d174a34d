package dev.atelier.cli.datasets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads the files out of a Qt resource ({@code .rcc}) file, as described in {@code DATASETS.md}:
 * big-endian; header {@code qres}, version, tree, data and names offsets; tree entries of 14 bytes
 * (version 1) or 22 (version 2 and later); zlib-compressed files (flag 1) carry their size first.
 * zstd (flag 4) is refused: no file Atelier reads uses it.
 */
public final class QtResources {
    private static final int DIRECTORY = 2;
    private static final int ZLIB = 1;
    private static final int ZSTD = 4;

    private final ByteBuffer data;
    private final int entrySize;
    private final int tree;
    private final int payload;
    private final int names;

    private QtResources(byte[] bytes) throws IOException {
        data = ByteBuffer.wrap(bytes);
        if (bytes.length < 20 || !new String(bytes, 0, 4, StandardCharsets.US_ASCII).equals("qres")) {
            throw new IOException("not a Qt resource file (no 'qres' magic)");
        }
        int version = data.getInt(4);
        entrySize = version >= 2 ? 22 : 14;
        tree = data.getInt(8);
        payload = data.getInt(12);
        names = data.getInt(16);
    }

    /** Every file in the resource, by path ({@code dir/sub/name.webp}), decompressed. */
    public static Map<String, byte[]> files(byte[] rcc) throws IOException {
        QtResources resources = new QtResources(rcc);
        Map<String, byte[]> files = new LinkedHashMap<>();
        try {
            resources.walk(0, "", files, 0);
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new IOException("damaged Qt resource file: " + e, e);
        }
        return files;
    }

    private void walk(int index, String path, Map<String, byte[]> files, int depth) throws IOException {
        if (depth > 64) {
            throw new IOException("damaged Qt resource file: directories nested too deep");
        }
        int entry = tree + index * entrySize;
        int flags = data.getShort(entry + 4) & 0xffff;
        String name = index == 0 ? "" : name(data.getInt(entry));
        String full = path.isEmpty() ? name : path + "/" + name;
        if ((flags & DIRECTORY) != 0) {
            int count = data.getInt(entry + 6);
            int first = data.getInt(entry + 10);
            for (int child = first; child < first + count; child++) {
                walk(child, full, files, depth + 1);
            }
            return;
        }
        if ((flags & ZSTD) != 0) {
            throw new IOException(full + " is zstd-compressed, which this reader does not support");
        }
        int offset = payload + data.getInt(entry + 10);
        int size = data.getInt(offset);
        byte[] content = new byte[size];
        data.get(offset + 4, content);
        files.put(full, (flags & ZLIB) != 0 ? inflate(content, full) : content);
    }

    private String name(int offset) {
        int at = names + offset;
        int length = data.getShort(at) & 0xffff;
        byte[] utf16 = new byte[length * 2];
        data.get(at + 6, utf16);
        return new String(utf16, StandardCharsets.UTF_16BE);
    }

    private static byte[] inflate(byte[] compressed, String name) throws IOException {
        // The first 4 bytes are the uncompressed size; a zlib stream follows.
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(compressed, 4, compressed.length - 4);
            ByteArrayOutputStream out =
                    new ByteArrayOutputStream(ByteBuffer.wrap(compressed).getInt());
            byte[] buffer = new byte[64 * 1024];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IOException(name + ": truncated zlib data");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new IOException(name + ": bad zlib data: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }
}
