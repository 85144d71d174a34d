package dev.atelier.trainer.training;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.lang.System.Logger.Level;

/**
 * Where training runs: the first GPU when DJL's PyTorch engine sees one, else the CPU.
 *
 * @param device the DJL device
 * @param description what was picked and why, for logs and progress events
 */
public record ComputeDevice(Device device, String description) {
    public static final String ENGINE = "PyTorch";
    private static volatile boolean warned;

    /** Picks the device; sets {@code ai.djl.offline=true} first unless told otherwise, so DJL never downloads. */
    public static ComputeDevice pick() {
        Engine engine = engine();
        int gpus = engine.getGpuCount();
        if (gpus > 0) {
            return new ComputeDevice(
                    Device.gpu(), "GPU 0 of " + gpus + " (" + ENGINE + " " + engine.getVersion() + ")");
        }
        return new ComputeDevice(Device.cpu(), "CPU, no GPU visible to " + ENGINE + " " + engine.getVersion());
    }

    /** The CPU, whatever else is present (parity checks and tests that must be reproducible). */
    public static ComputeDevice cpu() {
        Engine engine = engine();
        return new ComputeDevice(Device.cpu(), "CPU (" + ENGINE + " " + engine.getVersion() + ")");
    }

    public static Engine engine() {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        if (!warned) {
            warned = true;
            OneDnnIsa.warning()
                    .ifPresent(
                            w -> System.getLogger(ComputeDevice.class.getName()).log(Level.WARNING, w));
        }
        return Engine.getEngine(ENGINE);
    }

    /** A new root manager on this device; close it to free everything made under it. */
    public NDManager newManager() {
        return NDManager.newBaseManager(device, ENGINE);
    }
}
