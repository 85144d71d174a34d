package dev.atelier.trainer.training;

/**
 * Where the trainer's content photos come from, one batch per step: crops of local images
 * ({@link RandomCropSource}) or of a data set in object storage. Called from the training thread only.
 */
public interface ContentSource {
    /**
     * @param batchSize how many images the batch holds
     * @return a batch of square crops whose side is a multiple of 4
     */
    ImageBatch next(int batchSize);
}
