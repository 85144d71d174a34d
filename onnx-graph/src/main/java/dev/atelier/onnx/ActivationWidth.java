package dev.atelier.onnx;

import dev.atelier.onnx.proto.Onnx.GraphProto;
import dev.atelier.onnx.proto.Onnx.ModelProto;
import dev.atelier.onnx.proto.Onnx.NodeProto;
import java.util.List;
import java.util.OptionalInt;

/**
 * How many channels a style model's activations have at the image's own resolution: those of its first and last
 * convolutions (a transform network's 9 x 9 layers), whose activations, several alive at once, are what its memory
 * grows with per pixel of the image.
 */
public final class ActivationWidth {
    private ActivationWidth() {}

    /** @return empty when the model has no convolution with a constant weight */
    public static OptionalInt of(ModelProto model) {
        GraphProto graph = model.getGraph();
        List<NodeProto> convs = graph.getNodeList().stream()
                .filter(n -> n.getOpType().equals("Conv"))
                .toList();
        if (convs.isEmpty()) {
            return OptionalInt.empty();
        }
        OptionalInt first = weightDim(graph, convs.get(0), 0);
        OptionalInt last = weightDim(graph, convs.get(convs.size() - 1), 1);
        if (first.isEmpty() && last.isEmpty()) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Math.max(first.orElse(0), last.orElse(0)));
    }

    /** Dimension {@code dim} of a convolution's weight (0: output channels, 1: input channels), when it is a constant. */
    private static OptionalInt weightDim(GraphProto graph, NodeProto conv, int dim) {
        if (conv.getInputCount() < 2) {
            return OptionalInt.empty();
        }
        String weight = conv.getInput(1);
        return graph.getInitializerList().stream()
                .filter(t -> t.getName().equals(weight) && t.getDimsCount() > dim)
                .mapToInt(t -> (int) t.getDims(dim))
                .findFirst();
    }
}
