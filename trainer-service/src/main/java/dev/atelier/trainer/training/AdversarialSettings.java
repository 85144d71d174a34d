package dev.atelier.trainer.training;

/**
 * The optional adversarial term of a training: a patch discriminator learns to tell crops of the painting from crops
 * of the network's output, and the network is also trained to fool it.
 *
 * @param weight the generator's adversarial loss weight beside the perceptual loss; 0 turns the term off
 * @param width the discriminator's first layer's channels (doubling twice)
 * @param learningRate the discriminator's Adam step size
 * @param cropSide the side of the square crops the discriminator sees, at most the painting's and the photos' sides
 */
public record AdversarialSettings(float weight, int width, float learningRate, int cropSide) {
    public static final int DEFAULT_WIDTH = 32;
    /** The rate of pix2pix's and CycleGAN's discriminators. */
    public static final float DEFAULT_LEARNING_RATE = 2e-4f;
    /** About three of the discriminator's 38 px patches across: texture, not composition. */
    public static final int DEFAULT_CROP_SIDE = 128;

    public static final AdversarialSettings OFF =
            new AdversarialSettings(0f, DEFAULT_WIDTH, DEFAULT_LEARNING_RATE, DEFAULT_CROP_SIDE);

    public AdversarialSettings {
        if (!(weight >= 0) || width < 1 || !(learningRate > 0) || cropSide < 32) {
            throw new IllegalArgumentException("invalid adversarial settings: weight " + weight + " (>= 0), width "
                    + width + " (>= 1), learning rate " + learningRate + " (> 0), crop side " + cropSide + " (>= 32)");
        }
    }

    /** At the given weight, the rest the defaults. */
    public static AdversarialSettings weighted(float weight) {
        return new AdversarialSettings(weight, DEFAULT_WIDTH, DEFAULT_LEARNING_RATE, DEFAULT_CROP_SIDE);
    }

    public boolean enabled() {
        return weight > 0;
    }
}
