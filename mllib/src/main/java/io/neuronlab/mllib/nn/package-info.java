/**
 * Layers, one file each, forward and backward side by side as in the book: {@link io.neuronlab.mllib.nn.Linear}
 * (the book's Affine), {@link io.neuronlab.mllib.nn.Conv2d} via {@link io.neuronlab.mllib.nn.Im2col},
 * {@link io.neuronlab.mllib.nn.MaxPool2d}, {@link io.neuronlab.mllib.nn.AvgPool2d}, activations,
 * {@link io.neuronlab.mllib.nn.BatchNorm}, {@link io.neuronlab.mllib.nn.Dropout}, and
 * {@link io.neuronlab.mllib.nn.Sequential} to chain them. Images are {@code [N, C, H, W]}, dense batches
 * {@code [N, features]}.
 */
package io.neuronlab.mllib.nn;
