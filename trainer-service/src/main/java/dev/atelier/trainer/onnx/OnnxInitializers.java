package dev.atelier.trainer.onnx;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.atelier.onnx.OnnxTensors;
import dev.atelier.onnx.proto.Onnx.ModelProto;
import dev.atelier.onnx.proto.Onnx.TensorProto;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the float initializers (the weights) of an ONNX model through the protobuf schema. */
public final class OnnxInitializers {
    private OnnxInitializers() {}

    /** @throws IOException if the stream is not an ONNX model */
    public static Map<String, NDArray> read(InputStream in, NDManager manager) throws IOException {
        ModelProto model = ModelProto.parseFrom(in);
        Map<String, NDArray> arrays = new LinkedHashMap<>();
        for (TensorProto tensor : model.getGraph().getInitializerList()) {
            if (tensor.getDataType() != TensorProto.DataType.FLOAT_VALUE) {
                continue; // shapes, pads and other integer constants are not weights
            }
            if (tensor.getDataLocation() == TensorProto.DataLocation.EXTERNAL) {
                throw new IOException("initializer " + tensor.getName() + " lives in an external data file, which is"
                        + " not supported: re-save the model with its weights inside");
            }
            long[] dims =
                    tensor.getDimsList().stream().mapToLong(Long::longValue).toArray();
            float[] values = OnnxTensors.floats(tensor);
            NDArray array = manager.create(values, new Shape(dims));
            array.setName(tensor.getName());
            arrays.put(tensor.getName(), array);
        }
        return arrays;
    }
}
