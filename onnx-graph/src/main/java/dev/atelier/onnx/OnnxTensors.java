package dev.atelier.onnx;

import dev.atelier.onnx.proto.Onnx.TensorProto;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/** The values of ONNX tensors stored in the model file, whichever of the schema's two float encodings they use. */
public final class OnnxTensors {
    private OnnxTensors() {}

    /**
     * A float tensor's values, from its little-endian {@code raw_data} or its {@code float_data}.
     *
     * @throws IllegalArgumentException when the values live in an external data file
     */
    public static float[] floats(TensorProto tensor) {
        if (tensor.getDataLocation() == TensorProto.DataLocation.EXTERNAL) {
            throw new IllegalArgumentException("tensor " + tensor.getName() + " is stored outside the model file");
        }
        if (!tensor.getRawData().isEmpty()) {
            FloatBuffer raw = tensor.getRawData()
                    .asReadOnlyByteBuffer()
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .asFloatBuffer();
            float[] values = new float[raw.remaining()];
            raw.get(values);
            return values;
        }
        float[] values = new float[tensor.getFloatDataCount()];
        for (int i = 0; i < values.length; i++) {
            values[i] = tensor.getFloatData(i);
        }
        return values;
    }
}
