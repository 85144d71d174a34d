package dev.atelier.worker.jobs;

import dev.atelier.contracts.AtelierEvent;
import dev.atelier.contracts.events.EventTypes;
import dev.atelier.contracts.events.JobRequested;
import dev.atelier.contracts.jobs.JobIds;
import dev.atelier.platform.events.CloudEventCodec;
import io.cloudevents.CloudEvent;

/** Turns an incoming record's value into a {@link JobRequested}, or says why it is poison. */
final class RequestReader {
    private RequestReader() {}

    /**
     * @param event the deserialized value; null when the record was not a CloudEvent at all
     * @throws PoisonMessageException for anything but a complete {@code JobRequested}
     */
    static JobRequested read(CloudEvent event) {
        if (event == null) {
            throw new PoisonMessageException("the record is not a CloudEvent");
        }
        AtelierEvent decoded;
        try {
            decoded = CloudEventCodec.decode(event);
        } catch (IllegalArgumentException e) {
            throw new PoisonMessageException(e.getMessage());
        }
        if (!(decoded instanceof JobRequested request)) {
            throw new PoisonMessageException("expected " + EventTypes.JOB_REQUESTED + ", got " + event.getType());
        }
        if (!JobIds.isValid(request.jobId())
                || !isKeySafe(request.tenant())
                || request.styleId() == null
                || request.inputKey() == null) {
            throw new PoisonMessageException("incomplete JobRequested " + event.getId() + ": job id '" + request.jobId()
                    + "', tenant '" + request.tenant() + "', style '" + request.styleId() + "', input '"
                    + request.inputKey() + "'");
        }
        return request;
    }

    /** Tenants become S3 key segments. */
    private static boolean isKeySafe(String segment) {
        return segment != null && !segment.isBlank() && !segment.contains("/") && !segment.equals("..");
    }
}
