/**
 * The training loop: {@link io.neuronlab.mllib.train.Trainer} runs epochs of mini-batch gradient descent and
 * reports to {@link io.neuronlab.mllib.train.TrainingListener}s; {@link io.neuronlab.mllib.train.Evaluation},
 * {@link io.neuronlab.mllib.train.Metrics} and {@link io.neuronlab.mllib.train.ConfusionMatrix} measure a
 * classifier; {@link io.neuronlab.mllib.train.Checkpointer} saves it as it goes.
 */
package io.neuronlab.mllib.train;
