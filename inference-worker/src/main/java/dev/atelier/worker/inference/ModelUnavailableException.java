package dev.atelier.worker.inference;

/** No model can be had for a style or version: unknown style, unknown version, or a missing file. */
public class ModelUnavailableException extends RuntimeException {
    private final boolean mayAppear;

    /** @param mayAppear whether waiting could help (a style the catalog has not caught up with yet) */
    public ModelUnavailableException(String message, boolean mayAppear) {
        super(message);
        this.mayAppear = mayAppear;
    }

    public boolean mayAppear() {
        return mayAppear;
    }
}
