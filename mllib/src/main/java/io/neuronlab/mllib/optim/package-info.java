/**
 * Optimizers in order of increasing complexity — Sgd, Momentum, Nesterov, AdaGrad, RmsProp, Adam — and
 * per-epoch learning-rate schedules (StepLr, CosineLr).
 */
package io.neuronlab.mllib.optim;
