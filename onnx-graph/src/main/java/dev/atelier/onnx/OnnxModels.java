package dev.atelier.onnx;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.atelier.onnx.proto.Onnx.ModelProto;

/** Reads a serialised ONNX model once, for the readers and rewriters of this package to share. */
public final class OnnxModels {
    private OnnxModels() {}

    /** @throws IllegalArgumentException when the bytes are not an ONNX model */
    public static ModelProto parse(byte[] onnx) {
        try {
            return ModelProto.parseFrom(onnx);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("not an ONNX model: " + e.getMessage(), e);
        }
    }
}
