package dev.atelier.platform.events;

/** A CloudEvent whose {@code ce_type} this version of Atelier does not know. */
public class UnknownEventTypeException extends IllegalArgumentException {
    public UnknownEventTypeException(String type) {
        super("unknown event type '" + type + "'");
    }
}
