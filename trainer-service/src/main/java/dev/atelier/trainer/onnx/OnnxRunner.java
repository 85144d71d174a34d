package dev.atelier.trainer.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.Map;

/**
 * One ONNX model in an ONNX Runtime CPU session, run the way the worker runs it (a single float NCHW input,
 * a single output). Used to check exports, so it always runs on the CPU provider.
 */
public final class OnnxRunner implements AutoCloseable {
    private final OrtSession session;
    private final String input;
    private final String output;

    /** @throws OrtException if ONNX Runtime rejects the model (the message says why) */
    public OnnxRunner(byte[] model, String input, String output) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(Math.max(1, Runtime.getRuntime().availableProcessors()));
            this.session = env.createSession(model, options);
        }
        if (!session.getInputNames().contains(input)
                || !session.getOutputNames().contains(output)) {
            String found = session.getInputNames() + " -> " + session.getOutputNames();
            session.close();
            throw new IllegalArgumentException(
                    "model must read '" + input + "' and write '" + output + "', it has " + found);
        }
        this.input = input;
        this.output = output;
    }

    /** A runner for a model with one input and one output, whatever their names (a reference model's). */
    public static OnnxRunner of(byte[] model) throws OrtException {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                OrtSession probe = OrtEnvironment.getEnvironment().createSession(model, options)) {
            return new OnnxRunner(
                    model,
                    probe.getInputNames().iterator().next(),
                    probe.getOutputNames().iterator().next());
        }
    }

    /** Runs the model on {@code data} of the given shape and returns the output's values in row-major order. */
    public float[] run(float[] data, long[] shape) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(data), shape);
                OrtSession.Result result = session.run(Map.of(input, tensor))) {
            OnnxTensor out = (OnnxTensor) result.get(output).orElseThrow();
            FloatBuffer buffer = out.getFloatBuffer();
            float[] values = new float[buffer.remaining()];
            buffer.get(values);
            return values;
        }
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
