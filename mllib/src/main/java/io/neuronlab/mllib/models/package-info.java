/**
 * Ready-made networks — {@link io.neuronlab.mllib.models.Mlp}, {@link io.neuronlab.mllib.models.LeNetBench},
 * the book's {@link io.neuronlab.mllib.models.DeepCnn} — and {@link io.neuronlab.mllib.models.Recipes} that
 * train them on MNIST to a known accuracy.
 */
package io.neuronlab.mllib.models;
