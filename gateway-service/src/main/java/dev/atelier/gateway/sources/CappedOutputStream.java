package dev.atelier.gateway.sources;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Passes bytes through until a cap, then throws {@link CapReached}: a download that cannot grow without bound. */
final class CappedOutputStream extends FilterOutputStream {
    private final long cap;
    private long written;

    CappedOutputStream(OutputStream out, long cap) {
        super(out);
        this.cap = cap;
    }

    @Override
    public void write(int b) throws IOException {
        count(1);
        out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        count(len);
        out.write(b, off, len);
    }

    private void count(long n) throws CapReached {
        written += n;
        if (written > cap) {
            throw new CapReached();
        }
    }

    static final class CapReached extends IOException {
        CapReached() {
            super("size cap reached");
        }
    }
}
