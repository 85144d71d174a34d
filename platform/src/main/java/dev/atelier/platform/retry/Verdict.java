package dev.atelier.platform.retry;

/** What a failed attempt means for the next one. */
public enum Verdict {
    /** It would fail the same way again (bad input, a missing thing, a bug): given up at once. */
    PERMANENT,
    /** It may pass next time: tried again up to the attempts allowed. */
    TRANSIENT,
    /**
     * A dependency is down (object store, broker): tried again for the outage window whatever the attempts, since
     * while it is down not even the failure could be recorded.
     */
    OUTAGE
}
