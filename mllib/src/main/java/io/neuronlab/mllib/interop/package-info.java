/**
 * Moving weights between mllib and PyTorch: {@link io.neuronlab.mllib.interop.Safetensors} reads and writes the
 * safetensors format (a JSON header and raw little-endian tensors — what PyTorch users share weights in), and
 * {@link io.neuronlab.mllib.interop.TorchNames} maps an mllib network's tensors to PyTorch's state-dict names and
 * layouts (torchvision's, for the networks of {@code io.neuronlab.mllib.models}). The book's own format comes in too:
 * {@link io.neuronlab.mllib.interop.NumpyPickle} reads a pickled dict of numpy arrays without running anything, and
 * {@link io.neuronlab.mllib.interop.BookDeepConvNet} loads the book's chapter-8 parameters into mllib's DeepCnn.
 */
package io.neuronlab.mllib.interop;
