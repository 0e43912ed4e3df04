/**
 * The training lab shared by every screen that trains (the app's Train screen, fine-tuning, experiments):
 * {@link io.neuronlab.mllib.lab.LabSettings} (what to train), {@link io.neuronlab.mllib.lab.LabNetworks} (the
 * network those settings describe, from the one registry {@code models.Recipes}),
 * {@link io.neuronlab.mllib.lab.TrainingController} (runs, pauses, resumes, stops, checkpoints and reports
 * progress) and {@link io.neuronlab.mllib.lab.FineTuner} (personalises a model on a user's samples with a replay of
 * MNIST). The book's comparison figures run through {@link io.neuronlab.mllib.lab.SideBySideTraining} (several
 * networks from bit-identical weights on the very same mini-batches): {@link io.neuronlab.mllib.lab.OptimizerRace}
 * and {@link io.neuronlab.mllib.lab.OverfittingExperiment}, reported as
 * {@link io.neuronlab.mllib.lab.ExperimentProgress}. Plain Java: no Android, tested on the JVM.
 */
package io.neuronlab.mllib.lab;
