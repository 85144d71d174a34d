package dev.atelier.trainer.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class QualityGateTest {
    private static final QualityGate GATE = new QualityGate(QualityGate.Bounds.DEFAULTS);

    private static QualityGate.JudgeFigures figures(
            String judge,
            double style,
            double content,
            double untrainedStyle,
            double untrainedContent,
            double photoStyle) {
        return new QualityGate.JudgeFigures(
                new QualityReport(judge, 2, style, content),
                new QualityReport(judge, 2, untrainedStyle, untrainedContent),
                new QualityReport(judge, 2, photoStyle, 0));
    }

    @Test
    void aModelWellBelowBothYardsticksUnderEveryJudgePassesAndPublishesItsFigures() {
        QualityGate.Verdict verdict =
                GATE.judge(List.of(figures("a", 1.4, 0.3, 5.0, 0.8, 2.2), figures("b", 0.6, 2.0, 5.3, 1.07, 4.0)));

        assertThat(verdict.passed()).as(verdict.description()).isTrue();
        assertThat(verdict.figures())
                .containsEntry("a.styleLoss", 1.4)
                .containsEntry("a.contentLoss", 0.3)
                .containsEntry("a.untrainedStyleLoss", 5.0)
                .containsEntry("a.untrainedContentLoss", 0.8)
                .containsEntry("a.photoStyleLoss", 2.2)
                .containsEntry("b.styleLoss", 0.6)
                .containsEntry("heldOutPhotos", 2.0);
        assertThat(verdict.description()).contains("a: style loss 1.4000 = 0.280 of an untrained net's (bound 0.500)");
    }

    @Test
    void eachBoundFailsOnItsOwnUnderAnyJudge() {
        QualityGate.JudgeFigures good = figures("a", 1.0, 0.5, 5.0, 0.8, 2.0);
        assertThat(GATE.judge(List.of(good)).passed()).isTrue();
        // style not cut to half of an untrained net's
        assertThat(GATE.judge(List.of(good, figures("b", 2.6, 0.5, 5.0, 0.8, 20.0)))
                        .passed())
                .isFalse();
        // style not below 0.8 of the photos' own: a network that returns the photo
        assertThat(GATE.judge(List.of(figures("a", 1.7, 0.5, 5.0, 0.8, 2.0))).passed())
                .isFalse();
        // content given up for too little style: each ratio within its bound, their product (0.75) not
        assertThat(GATE.judge(List.of(figures("a", 1.2, 1.0, 5.0, 0.8, 2.0))).passed())
                .isFalse();
        // content blown up: a diverged network
        assertThat(GATE.judge(List.of(figures("a", 1.0, 6.5, 5.0, 0.8, 2.0))).passed())
                .isFalse();
        QualityGate.Verdict nan = GATE.judge(List.of(figures("a", Double.NaN, 0.5, 5.0, 0.8, 2.0)));
        assertThat(nan.passed()).isFalse();
        assertThat(nan.description()).contains("a: style loss NaN").endsWith("FAILED");
    }

    @Test
    void relaxedBoundsLetAWeakModelThrough() {
        QualityGate.JudgeFigures weak = figures("a", 4.8, 0.9, 5.0, 0.8, 2.0);
        assertThat(GATE.judge(List.of(weak)).passed()).isFalse();
        assertThat(new QualityGate(new QualityGate.Bounds(10, 10, 10, 100))
                        .judge(List.of(weak))
                        .passed())
                .isTrue();
    }
}
