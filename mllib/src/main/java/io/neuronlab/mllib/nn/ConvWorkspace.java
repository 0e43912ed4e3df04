package io.neuronlab.mllib.nn;

import java.lang.ref.SoftReference;
import java.util.Arrays;

/**
 * {@link Conv2d}'s scratch memory. While training (one caller, batch after batch of the same shape) the im2col
 * columns and the backward's per-thread buffers are kept and reused, so a training loop makes no garbage; in
 * evaluation the forward takes its columns fresh per call, so threads sharing a layer share no scratch.
 */
final class ConvWorkspace {
    /**
     * Evaluation's columns, one array per calling thread shared by every layer (a forward uses them only until it
     * returns): a ResNet-18 forward at 224×224 would otherwise take about 60 MB of fresh arrays, each big enough for the
     * garbage collector to place and reclaim it on its own (G1's humongous objects), and clear them all. Softly
     * held: the collector may take them back when memory runs short.
     */
    private static final ThreadLocal<SoftReference<float[]>> THREAD_COLUMNS = new ThreadLocal<>();

    private float[] columns;
    private Share[] shares;
    private float[][] groupRows;

    /**
     * At least {@code size} floats of the calling thread's evaluation columns (see {@link #THREAD_COLUMNS}); the next
     * forward on this thread overwrites them.
     */
    static float[] threadColumns(int size) {
        SoftReference<float[]> ref = THREAD_COLUMNS.get();
        float[] mine = ref == null ? null : ref.get();
        if (mine == null || mine.length < size) {
            mine = new float[size];
            THREAD_COLUMNS.set(new SoftReference<>(mine));
        }
        return mine;
    }

    /** {@code size} floats for a training forward's columns, kept for the backward (single caller). */
    float[] columns(int size) {
        if (columns == null || columns.length != size) {
            columns = new float[size];
        }
        return columns;
    }

    /**
     * One scratch array of {@code size} floats per thread share for the grouped layout's rows
     * ({@link ConvKernels#forwardGroup}, {@link ConvKernels#addWeightGradientGroup}): kept when {@code keep}.
     */
    float[][] groupRows(int shares, int size, boolean keep) {
        if (keep && groupRows != null && groupRows.length >= shares && groupRows[0].length == size) {
            return groupRows;
        }
        float[][] rows = new float[shares][size];
        if (keep) {
            groupRows = rows;
        }
        return rows;
    }

    /**
     * The backward's buffers for {@code threads} shares of a layer of geometry {@code g}, cleared; re-made when the
     * shape or the thread count changes. Single caller (the backward is).
     */
    Share[] shares(int threads, ConvGeometry g) {
        boolean products = WeightProducts.suits(g.outC, g.kk, g.plane);
        if (shares == null || shares.length < threads || !shares[0].fits(g, products)) {
            shares = new Share[threads];
            for (int i = 0; i < threads; i++) {
                shares[i] = new Share(g, products);
            }
        }
        return shares;
    }

    /** One thread share's running sums and scratch in a backward. */
    static final class Share {
        final float[] dWeight;
        final float[] dBias;
        final float[] dcol;                  // one image's column gradient [OH·OW, C·KH·KW]
        final WeightProducts products;       // null: dW by GEMM

        Share(ConvGeometry g, boolean products) {
            this.dWeight = new float[g.outC * g.kk];
            this.dBias = new float[g.outC];
            this.dcol = new float[g.kk * g.plane];
            this.products = products ? new WeightProducts(g.outC, g.kk, g.plane) : null;
        }

        boolean fits(ConvGeometry g, boolean withProducts) {
            return dWeight.length == g.outC * g.kk && dBias.length == g.outC && dcol.length == g.kk * g.plane
                && (withProducts ? products != null && products.fits(g.outC, g.kk, g.plane) : products == null);
        }

        void clear() {
            Arrays.fill(dWeight, 0f);
            Arrays.fill(dBias, 0f);
            if (products != null) {
                products.clear();
            }
        }
    }
}
