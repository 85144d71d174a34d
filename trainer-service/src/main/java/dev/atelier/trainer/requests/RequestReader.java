package dev.atelier.trainer.requests;

import dev.atelier.contracts.AtelierEvent;
import dev.atelier.contracts.events.EventTypes;
import dev.atelier.contracts.events.TrainingRequested;
import dev.atelier.contracts.jobs.JobIds;
import dev.atelier.contracts.models.ModelManifest;
import dev.atelier.platform.events.CloudEventCodec;
import io.cloudevents.CloudEvent;

/** Turns an incoming record's value into a {@link TrainingRequested}, or says why it cannot be one. */
final class RequestReader {
    private RequestReader() {}

    /**
     * @param event the deserialized value; null when the record was not a CloudEvent at all
     * @throws IllegalArgumentException for anything but a complete {@code TrainingRequested}
     */
    static TrainingRequested read(CloudEvent event) {
        if (event == null) {
            throw new IllegalArgumentException("the record is not a CloudEvent");
        }
        AtelierEvent decoded = CloudEventCodec.decode(event);
        if (!(decoded instanceof TrainingRequested request)) {
            throw new IllegalArgumentException(
                    "expected " + EventTypes.TRAINING_REQUESTED + ", got " + event.getType());
        }
        // The id and style id become S3 key segments.
        if (!JobIds.isValid(request.trainingId())
                || request.styleId() == null
                || !request.styleId().matches(ModelManifest.STYLE_ID_PATTERN)
                || request.styleImageKey() == null
                || request.options() == null) {
            throw new IllegalArgumentException("incomplete TrainingRequested " + event.getId() + ": training id '"
                    + request.trainingId() + "', style '" + request.styleId() + "', style image '"
                    + request.styleImageKey()
                    + "', options " + request.options());
        }
        return request;
    }
}
