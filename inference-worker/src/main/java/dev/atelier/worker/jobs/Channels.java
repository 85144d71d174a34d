package dev.atelier.worker.jobs;

/** Messaging channel names; their topics and serializers are bound in {@code application.properties}. */
public final class Channels {
    /** Incoming {@code JobRequested} CloudEvents from {@code atelier.stylize.requests}. */
    public static final String REQUESTS = "job-requests";
    /** Outgoing job events to {@code atelier.stylize.events}. */
    public static final String EVENTS = "job-events";

    private Channels() {}
}
