/** Weight initialisers: the book's fixed 0.01 spread, Xavier (sigmoid/tanh) and He (ReLU). */
package io.neuronlab.mllib.init;
