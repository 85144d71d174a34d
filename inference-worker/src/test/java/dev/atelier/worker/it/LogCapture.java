package dev.atelier.worker.it;

import dev.atelier.platform.logging.LogFields;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;

/** Every log record the service writes while installed, with the MDC as it was when written. */
final class LogCapture extends Handler implements AutoCloseable {
    /** A log line and the MDC fields it carried. */
    record Line(String message, String jobId, String trace) {}

    private final List<Line> lines = new CopyOnWriteArrayList<>();

    static LogCapture install() {
        LogCapture capture = new LogCapture();
        Logger.getLogger("").addHandler(capture);
        return capture;
    }

    List<Line> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void publish(LogRecord record) {
        if (record instanceof ExtLogRecord ext) {
            lines.add(new Line(ext.getFormattedMessage(), ext.getMdc(LogFields.JOB_ID), ext.getMdc(LogFields.TRACE)));
        }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
