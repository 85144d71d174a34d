package dev.atelier.trainer.training;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.onnxruntime.OrtException;
import dev.atelier.imaging.Resizing;
import dev.atelier.trainer.imaging.ImageArrays;
import dev.atelier.trainer.loss.LossNetwork;
import dev.atelier.trainer.loss.LossValues;
import dev.atelier.trainer.loss.LossWeights;
import dev.atelier.trainer.loss.PerceptualLoss;
import dev.atelier.trainer.network.TransformerNet;
import dev.atelier.trainer.network.TransformerNetSpec;
import dev.atelier.trainer.onnx.OnnxRunner;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The quality gate's measurement: stylises fixed held-out photos with a trained network and reports the mean
 * style and content loss under a given judge (SqueezeNet, or the VGG as an independent second opinion).
 */
public final class QualityEvaluation {
    /** Held-out photos are judged at this longest side. */
    public static final int DEFAULT_MAX_SIDE = 384;

    private QualityEvaluation() {}

    /**
     * @param judge a loss network on the network's device
     * @param weights the layers to judge with (e.g. {@code judge.defaultWeights()})
     */
    public static QualityReport evaluate(
            TransformerNet net,
            LossNetwork judge,
            LossWeights weights,
            BufferedImage style,
            List<BufferedImage> holdOut,
            int maxSide) {
        NDArray any = net.parameterArrays().values().iterator().next();
        return measure(any.getManager(), net::forward, judge, weights, style, holdOut, maxSide);
    }

    /**
     * The same figures for the held-out photos left as they are (content loss 0): how far the photos themselves are
     * from the style, the yardstick a stylisation must beat.
     *
     * @param parent a manager on the judge's device
     */
    public static QualityReport evaluatePhotos(
            NDManager parent,
            LossNetwork judge,
            LossWeights weights,
            BufferedImage style,
            List<BufferedImage> holdOut,
            int maxSide) {
        return measure(parent, UnaryOperator.identity(), judge, weights, style, holdOut, maxSide);
    }

    /**
     * The same figures for an exported model run in ONNX Runtime: a trained network's export, or a reference
     * model of the same painting to compare with.
     *
     * @param parent a manager on the judge's device
     */
    public static QualityReport evaluateOnnx(
            NDManager parent,
            OnnxRunner model,
            LossNetwork judge,
            LossWeights weights,
            BufferedImage style,
            List<BufferedImage> holdOut,
            int maxSide) {
        return measure(
                parent,
                x -> {
                    try {
                        long[] shape = x.getShape().getShape();
                        return x.getManager().create(model.run(x.toFloatArray(), shape), new Shape(shape));
                    } catch (OrtException e) {
                        throw new IllegalStateException(
                                "ONNX Runtime failed on a held-out photo: " + e.getMessage(), e);
                    }
                },
                judge,
                weights,
                style,
                holdOut,
                maxSide);
    }

    /**
     * The same figures for one picture made of one photo some other way (Gatys's optimisation, say): its style loss
     * against the painting and its content loss against the photo, both at {@code maxSide}.
     *
     * @param parent a manager on the judge's device
     */
    public static QualityReport evaluatePicture(
            NDManager parent,
            LossNetwork judge,
            LossWeights weights,
            BufferedImage style,
            BufferedImage photo,
            BufferedImage picture,
            int maxSide) {
        return measure(
                parent,
                x -> ImageArrays.toArray(
                        x.getManager(),
                        Resizing.resize(picture, (int) x.getShape().get(3), (int)
                                x.getShape().get(2))),
                judge,
                weights,
                style,
                List.of(photo),
                maxSide);
    }

    /**
     * Everything the quality gate judges, per judge (with its default layers): the network's figures, those of an
     * untrained network of the same shape initialised with {@code seed} (as the training's first weights were), and the
     * photos'.
     */
    public static List<QualityGate.JudgeFigures> gateFigures(
            TransformerNet net,
            long seed,
            List<LossNetwork> judges,
            BufferedImage style,
            List<BufferedImage> holdOut,
            int maxSide) {
        NDArray any = net.parameterArrays().values().iterator().next();
        return gateFigures(
                any.getManager(),
                net.spec(),
                seed,
                judges,
                style,
                holdOut,
                maxSide,
                judge -> evaluate(net, judge, judge.defaultWeights(), style, holdOut, maxSide));
    }

    /**
     * As {@link #gateFigures(TransformerNet, long, List, BufferedImage, List, int)} for an exported model run in ONNX
     * Runtime (a reference model, say), against an untrained network of the given shape and seed.
     *
     * @param parent a manager on the judges' device
     */
    public static List<QualityGate.JudgeFigures> gateFigures(
            NDManager parent,
            OnnxRunner model,
            TransformerNetSpec spec,
            long seed,
            List<LossNetwork> judges,
            BufferedImage style,
            List<BufferedImage> holdOut,
            int maxSide) {
        return gateFigures(
                parent,
                spec,
                seed,
                judges,
                style,
                holdOut,
                maxSide,
                judge -> evaluateOnnx(parent, model, judge, judge.defaultWeights(), style, holdOut, maxSide));
    }

    private static List<QualityGate.JudgeFigures> gateFigures(
            NDManager parent,
            TransformerNetSpec spec,
            long seed,
            List<LossNetwork> judges,
            BufferedImage style,
            List<BufferedImage> holdOut,
            int maxSide,
            Function<LossNetwork, QualityReport> trained) {
        try (NDManager manager = parent.newSubManager()) {
            Engine.getEngine(ComputeDevice.ENGINE).setRandomSeed((int) seed); // as StyleTrainer seeds it
            TransformerNet untrained = TransformerNet.create(spec, manager);
            List<QualityGate.JudgeFigures> figures = new ArrayList<>();
            for (LossNetwork judge : judges) {
                LossWeights weights = judge.defaultWeights();
                figures.add(new QualityGate.JudgeFigures(
                        trained.apply(judge),
                        evaluate(untrained, judge, weights, style, holdOut, maxSide),
                        evaluatePhotos(manager, judge, weights, style, holdOut, maxSide)));
            }
            return figures;
        }
    }

    private static QualityReport measure(
            NDManager parent,
            UnaryOperator<NDArray> stylise,
            LossNetwork judge,
            LossWeights weights,
            BufferedImage style,
            List<BufferedImage> holdOut,
            int maxSide) {
        if (holdOut.isEmpty()) {
            throw new IllegalArgumentException("no held-out photos to judge with");
        }
        try (NDManager manager = parent.newSubManager()) {
            NDArray styleArray = ImageArrays.toArray(manager, Resizing.fitMultipleOf4(style, maxSide));
            double styleSum = 0;
            double contentSum = 0;
            try (PerceptualLoss loss = new PerceptualLoss(judge, weights, styleArray)) {
                for (BufferedImage photo : holdOut) {
                    try (NDManager perPhoto = manager.newSubManager()) {
                        NDArray x = ImageArrays.toArray(perPhoto, Resizing.fitMultipleOf4(photo, maxSide));
                        LossValues values = loss.compute(stylise.apply(x), x).values();
                        styleSum += values.style();
                        contentSum += values.content();
                    }
                }
            }
            return new QualityReport(
                    judge.name(), holdOut.size(), styleSum / holdOut.size(), contentSum / holdOut.size());
        }
    }
}
