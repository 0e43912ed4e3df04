/**
 * Data for training: {@link io.neuronlab.mllib.data.MnistIdxReader} reads MNIST's IDX files,
 * {@link io.neuronlab.mllib.data.Mnist} loads the training and test sets as
 * {@link io.neuronlab.mllib.data.Dataset}s ({@code [N, 1, 28, 28]}, pixels in [0, 1]),
 * {@link io.neuronlab.mllib.data.DataLoader} cuts them into shuffled mini-batches and
 * {@link io.neuronlab.mllib.data.Augmentation} distorts training images a little.
 */
package io.neuronlab.mllib.data;
