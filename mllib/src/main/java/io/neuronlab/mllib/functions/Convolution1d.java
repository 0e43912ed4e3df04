package io.neuronlab.mllib.functions;

import io.neuronlab.mllib.tensor.Tensor;

/**
 * One-dimensional "valid" convolution of a signal {@code [n]} with a kernel {@code [k]}, giving
 * {@code [n - k + 1]}: the kernel is flipped and slid over the signal, only where it fits entirely
 * (NumPy's {@code np.convolve(x, w, 'valid')}). {@link #crossCorrelate} slides it unflipped, which is what
 * CNN layers ({@code Conv2d}) compute under the name convolution.
 *
 * <p>Smoothing {@code (0, 5, 13, 18, 12, 8, 5, 14, 15, 14)} with {@code (0.5, 1, 0.5)} gives
 * {@code (11.5, 24.5, 30.5, 25, 16.5, 16, 24, 29)}.
 */
public final class Convolution1d {
    private Convolution1d() {
    }

    /** out[i] = Σ_j signal[i + j] · kernel[k − 1 − j]. */
    public static float[] convolve(float[] signal, float[] kernel) {
        return slide(signal, flip(kernel));
    }

    /** out[i] = Σ_j signal[i + j] · kernel[j]. */
    public static float[] crossCorrelate(float[] signal, float[] kernel) {
        return slide(signal, kernel);
    }

    /** Convolution of 1-D tensors, differentiable in both the signal and the kernel. */
    public static Tensor convolve(Tensor signal, Tensor kernel) {
        requireVector(signal, kernel);
        Tensor flipped = Tensor.of(flip(kernel.data()), kernel.numel());
        Tensor out = Tensor.of(slide(signal.data(), flipped.data()), signal.numel() - kernel.numel() + 1);
        int k = kernel.numel();
        return Tensor.record(out, "convolve1d", g -> {
            float[] gd = g.data();
            float[] gx = new float[signal.numel()];
            float[] gw = new float[k];
            float[] x = signal.data();
            float[] w = flipped.data();
            for (int i = 0; i < gd.length; i++) {
                for (int j = 0; j < k; j++) {
                    gx[i + j] += gd[i] * w[j];
                    gw[k - 1 - j] += gd[i] * x[i + j];  // flipped position j is kernel position k-1-j
                }
            }
            signal.receiveGrad(Tensor.of(gx, signal.shape()));
            kernel.receiveGrad(Tensor.of(gw, kernel.shape()));
        }, signal, kernel);
    }

    private static float[] slide(float[] x, float[] w) {
        if (w.length == 0 || w.length > x.length) {
            throw new IllegalArgumentException("convolution: a kernel of length " + w.length
                + " does not fit a signal of length " + x.length + " (need 1 <= kernel <= signal)");
        }
        float[] out = new float[x.length - w.length + 1];
        for (int i = 0; i < out.length; i++) {
            double s = 0;
            for (int j = 0; j < w.length; j++) {
                s += (double) x[i + j] * w[j];
            }
            out[i] = (float) s;
        }
        return out;
    }

    private static float[] flip(float[] w) {
        float[] f = new float[w.length];
        for (int i = 0; i < w.length; i++) {
            f[i] = w[w.length - 1 - i];
        }
        return f;
    }

    private static void requireVector(Tensor signal, Tensor kernel) {
        if (signal.dim() != 1 || kernel.dim() != 1) {
            throw new IllegalArgumentException("convolution: signal " + java.util.Arrays.toString(signal.shape())
                + " and kernel " + java.util.Arrays.toString(kernel.shape()) + " must both be 1-D");
        }
    }
}
