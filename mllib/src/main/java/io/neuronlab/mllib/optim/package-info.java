/**
 * Optimizers in order of increasing complexity — SGD, Momentum, Nesterov, AdaGrad, RMSprop, Adam — and
 * per-epoch learning-rate schedules (StepLr, CosineLr).
 */
package io.neuronlab.mllib.optim;
