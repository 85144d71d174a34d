package dev.atelier.trainer.training;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import dev.atelier.imaging.ImageDecoder;
import dev.atelier.imaging.Resizing;
import dev.atelier.trainer.SharedFiles;
import dev.atelier.trainer.imaging.ImageArrays;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The discriminator on its own, on real pictures: it learns to tell a painting's crops from a photo's. */
class AdversarialTermTest {

    @Test
    void theDiscriminatorLearnsToTellThePaintingFromPhotos() throws Exception {
        var painting = Resizing.fitMultipleOf4(
                ImageDecoder.anySize().read(SharedFiles.require("images/style/starry_night.jpg")), 128);
        var photo = Resizing.fitMultipleOf4(
                ImageDecoder.anySize().read(SharedFiles.require("images/content/chicago.jpg")), 128);
        List<AdversarialTerm.Values> steps = new ArrayList<>();
        try (NDManager manager = ComputeDevice.cpu().newManager()) {
            ai.djl.engine.Engine.getEngine(ComputeDevice.ENGINE).setRandomSeed(3);
            NDArray paintingArray = ImageArrays.toArray(manager, painting);
            NDArray photoArray = ImageArrays.toArray(manager, photo);
            try (AdversarialTerm term =
                    new AdversarialTerm(new AdversarialSettings(1f, 8, 1e-3f, 64), paintingArray, manager, 5L)) {
                for (int i = 0; i < 60; i++) {
                    try (NDScope scope = new NDScope()) {
                        steps.add(term.train(photoArray));
                        scope.suppressNotUsedWarning();
                    }
                }
            }
        }
        AdversarialTerm.Values first = steps.get(0);
        AdversarialTerm.Values last = steps.get(steps.size() - 1);
        System.out.println("discriminator: first step " + first + ", last " + last);
        // Hinge loss 2 is a discriminator that cannot tell them apart; it must end well below, the painting scored
        // above the photo.
        assertThat(first.discriminator()).isGreaterThan(1.8f);
        assertThat(mean(steps.subList(50, 60))).isLessThan(1.2f);
        assertThat(last.realScore()).isGreaterThan(last.fakeScore());
    }

    private static double mean(List<AdversarialTerm.Values> values) {
        return values.stream()
                .mapToDouble(AdversarialTerm.Values::discriminator)
                .average()
                .orElseThrow();
    }
}
