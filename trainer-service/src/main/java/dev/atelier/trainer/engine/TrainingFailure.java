package dev.atelier.trainer.engine;

/**
 * A training that cannot succeed, with a stable code a client can read in the training record
 * (e.g. {@code quality.below-gate}, {@code export.parity}, {@code style-image.undecodable}).
 */
public class TrainingFailure extends RuntimeException {
    /** The trained model missed a bound of the quality gate; the message has the figures. */
    public static final String QUALITY_BELOW_GATE = "quality.below-gate";
    /** The ONNX export computes something else than the trained network; the message has the figures. */
    public static final String EXPORT_PARITY = "export.parity";
    /** A loss network's weights are not configured, not found, or not what their sha256 says. */
    public static final String LOSS_NETWORK_UNAVAILABLE = "loss-network.unavailable";
    /** The loss became NaN or infinite: the settings (learning rate, weights) made the training diverge. */
    public static final String DIVERGED = "training.diverged";
    /** This trainer cannot train at all (its compute engine did not load). */
    public static final String TRAINER_UNAVAILABLE = "trainer.unavailable";

    private final String code;

    public TrainingFailure(String code, String message) {
        this(code, message, null);
    }

    public TrainingFailure(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
