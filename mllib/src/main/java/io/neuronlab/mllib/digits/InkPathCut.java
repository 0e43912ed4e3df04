package io.neuronlab.mllib.digits;

/**
 * A cut between two touching digits that follows the gap between them instead of a column: the path from the top
 * row to the bottom row that crosses the least ink, moving at most one column sideways per row, inside a band
 * around a starting column. Slanted or overlapping digits (the foot of a 2 reaching under a 4, a 6 leaning into
 * a 2) meet at one small place; a vertical cut through that place also slices off part of one digit, the path
 * goes round it.
 *
 * <p>Found by dynamic programming over the band (shortest path, one column per row); stateless, so it is safe to
 * call from several threads.
 */
final class InkPathCut {
    /**
     * What moving one column sideways costs, in pixels of full ink: enough that the path runs straight through
     * paper instead of wandering, small enough that it bends round a stroke rather than cross it.
     */
    static final float DRIFT_COST = 0.05f;

    /**
     * How far the path may stray either side of the column it starts from, as a share of the ink's height: room
     * for a slant of about 17° over the full height (tuning split, 200 touching pairs, drawn / photographed: 0.1
     * read 70.0 / 69.0 %, 0.2 73.5 / 69.0 %, 0.3 74.5 / 71.5 %, 0.4 74.0 / 71.0 %). The band may reach the
     * paper at the side of the ink, where a path crossing a stroke's tip can be cheaper than the real parting;
     * such a cut leaves a half too small or too short and is dropped by the segmenter.
     */
    static final float BAND = 0.3f;

    private InkPathCut() {
    }

    /**
     * The path of least ink through {@code ink} within {@link #BAND} of {@code column} (and never at its left
     * edge, so both sides can hold ink): {@code path[y]} is the first column of the right-hand side in row y.
     */
    static int[] from(GrayImage ink, int column) {
        int w = ink.width(), band = Math.max(1, Math.round(BAND * ink.height()));
        int lo = Math.max(1, Math.min(w - 1, column - band)), hi = Math.min(w - 1, Math.max(lo, column + band));
        return path(ink, lo, hi, Math.max(lo, Math.min(hi, column)));
    }

    /**
     * The path of least ink from the top row to the bottom row of {@code ink}, within columns {@code [lo, hi]}:
     * {@code path[y]} is the first column of the right-hand side in row {@code y} (the path's pixels go right). Ties
     * go to the straighter path, then to the one ending nearer {@code centre}.
     *
     * @throws IllegalArgumentException when the band is empty or outside the image
     */
    static int[] path(GrayImage ink, int lo, int hi, int centre) {
        int w = ink.width(), h = ink.height();
        if (lo < 0 || hi >= w || lo > hi) {
            throw new IllegalArgumentException("band [" + lo + ", " + hi + "] is not inside the " + w + " px wide image");
        }
        int n = hi - lo + 1;
        float[] cost = new float[n], next = new float[n];
        byte[] from = new byte[h * n];   // per row and column: the step taken from the row above (-1, 0 or 1)
        for (int i = 0; i < n; i++) cost[i] = ink.get(lo + i, 0);
        for (int y = 1; y < h; y++) {
            for (int i = 0; i < n; i++) {
                float best = cost[i];
                byte step = 0;
                if (i > 0 && cost[i - 1] + DRIFT_COST < best) {
                    best = cost[i - 1] + DRIFT_COST;
                    step = -1;
                }
                if (i < n - 1 && cost[i + 1] + DRIFT_COST < best) {
                    best = cost[i + 1] + DRIFT_COST;
                    step = 1;
                }
                next[i] = best + ink.get(lo + i, y);
                from[y * n + i] = step;
            }
            float[] t = cost;
            cost = next;
            next = t;
        }
        int end = 0;
        for (int i = 1; i < n; i++) {
            if (cost[i] < cost[end] || cost[i] == cost[end]
                && Math.abs(lo + i - centre) < Math.abs(lo + end - centre)) {
                end = i;
            }
        }
        int[] path = new int[h];
        for (int y = h - 1, i = end; y >= 0; y--) {
            path[y] = lo + i;
            i += from[y * n + i];
        }
        return path;
    }
}
