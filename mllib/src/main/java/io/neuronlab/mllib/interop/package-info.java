/**
 * Moving weights between mllib and PyTorch: {@link io.neuronlab.mllib.interop.Safetensors} reads and writes the
 * safetensors format (a JSON header and raw little-endian tensors — what PyTorch users share weights in), and
 * {@link io.neuronlab.mllib.interop.TorchNames} maps an mllib network's tensors to PyTorch's state-dict names and
 * layouts (torchvision's, for the networks of {@code io.neuronlab.mllib.models}).
 */
package io.neuronlab.mllib.interop;
