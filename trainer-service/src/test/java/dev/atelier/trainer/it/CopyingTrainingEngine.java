package dev.atelier.trainer.it;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.atelier.contracts.datasets.DatasetPhoto;
import dev.atelier.trainer.engine.ProgressListener;
import dev.atelier.trainer.engine.TrainedModel;
import dev.atelier.trainer.engine.TrainingEngine;
import dev.atelier.trainer.engine.TrainingFailure;
import dev.atelier.trainer.engine.TrainingPlan;
import dev.atelier.trainer.engine.TrainingStoppedException;
import dev.atelier.trainer.training.CheckpointStore;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;

/**
 * TEST ONLY, and no training at all: walks the steps of a plan without learning anything and returns a
 * copy of a pretrained ONNX model from {@code ../shared/models}, so the service around the trainer
 * (Kafka, records, checkpoints, progress, publication) can be tested end to end before the real trainer
 * exists. It reports no losses (an empty map), checkpoints just its step number, uses a held-out photo
 * itself as the preview, and its only quality figure is the true count of held-out photos it was given.
 * Selected over any real trainer in this module's tests by {@code @Alternative @Priority}.
 */
@Alternative
@Priority(1)
@Singleton
public class CopyingTrainingEngine implements TrainingEngine {
    public static final String DEVICE = "cpu (test copy, no training)";
    /** The model it copies, relative to the shared folder. */
    public static final String MODEL = "models/fast_neural_style/pytorch_nc8/candy_nc8.onnx";

    /** Pause per step, so tests can watch a training while it runs. */
    public static volatile long stepMillis = 0;
    /** Training id to the step after which to die the way a killed JVM does: no final record, no cleanup. */
    public static final Map<String, Integer> CRASH_AFTER = new ConcurrentHashMap<>();
    /** Training id to the step after which the engine stops as on a shutdown (once). */
    public static final Map<String, Integer> STOP_AFTER = new ConcurrentHashMap<>();

    /** A crash that nothing in the service catches (an Error, like the JVM going away). */
    public static final class SimulatedCrash extends Error {
        SimulatedCrash(String message) {
            super(message);
        }
    }

    @Override
    public String device() {
        return DEVICE;
    }

    @Override
    public TrainedModel train(TrainingPlan plan, CheckpointStore checkpoints, ProgressListener progress)
            throws Exception {
        Path model = Path.of(System.getProperty("atelier.shared.dir", "../../shared"))
                .resolve(MODEL);
        if (!Files.isRegularFile(model)) {
            throw new TrainingFailure("test.no-model", "the shared model " + model + " is absent");
        }
        int from = checkpoints
                .latest()
                .map(c -> ByteBuffer.wrap(c.state()).getInt())
                .orElse(0);
        int steps = plan.options().steps();
        Integer crashAfter = CRASH_AFTER.get(plan.trainingId());
        for (int step = from + 1; step <= steps; step++) {
            if (stepMillis > 0) {
                Thread.sleep(stepMillis);
            }
            progress.onStep(step, Map.of());
            if (step % plan.checkpointEvery() == 0 || step == steps) {
                checkpoints.save(step, ByteBuffer.allocate(4).putInt(step).array());
            }
            if (step % plan.previewEvery() == 0) {
                progress.onPreview(
                        step,
                        jpeg(plan.photos().load(plan.photos().heldOutPhotos().get(0))));
            }
            if (STOP_AFTER.get(plan.trainingId()) != null && step == STOP_AFTER.get(plan.trainingId())) {
                STOP_AFTER.remove(plan.trainingId());
                throw new TrainingStoppedException("stopping after step " + step);
            }
            if (crashAfter != null && step == crashAfter) {
                CRASH_AFTER.remove(plan.trainingId());
                throw new SimulatedCrash("simulated crash after step " + step);
            }
        }
        byte[] onnx = Files.readAllBytes(model);
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                OrtSession session = OrtEnvironment.getEnvironment().createSession(onnx, options)) {
            String input = session.getInputNames().iterator().next();
            String output = session.getOutputNames().iterator().next();
            long[] shape = ((TensorInfo) session.getInputInfo().get(input).getInfo()).getShape();
            DatasetPhoto preview = plan.photos().heldOutPhotos().get(0);
            return new TrainedModel(
                    onnx,
                    input,
                    output,
                    Arrays.stream(shape).boxed().toList(),
                    jpeg(plan.photos().load(preview)),
                    Map.of("heldOutPhotos", (double)
                            plan.photos().heldOutPhotos().size()));
        } catch (OrtException e) {
            throw new IllegalStateException("cannot read the shared model " + model, e);
        }
    }

    private static byte[] jpeg(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "jpeg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
