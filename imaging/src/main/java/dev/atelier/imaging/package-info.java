/**
 * Pixels in and out, one way for every part of Atelier (the worker serves with it, the trainer trains with it, the
 * command line imports datasets with it), so a photo becomes the same tensor wherever it goes: decoding to upright
 * RGB ({@link dev.atelier.imaging.ImageDecoder}, with the EXIF orientation), the one resize
 * ({@link dev.atelier.imaging.Resizing}), and RGB images to and from float tensors in the fast-neural-style convention,
 * planar RGB with values 0..255 ({@link dev.atelier.imaging.TensorImages}), and a result given the photo's colours
 * ({@link dev.atelier.imaging.PhotoColours}, for the worker's models and the trainer's optimisation alike). No framework and no model runtime: what
 * feeds a tensor to ONNX Runtime or DJL stays with the service that runs it.
 */
package dev.atelier.imaging;
