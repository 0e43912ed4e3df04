package io.neuronlab.mllib.digits;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Splits an image holding several digits side by side into single digits, ordered left to right, each turned
 * into a 28×28 MNIST input by {@link MnistPreprocessor}.
 *
 * <p>Pixels above the ink threshold are grouped by 8-connectivity after bridging small gaps (the mask is
 * dilated by a few per cent of the ink height, so a 4 or a 5 drawn with strokes that do not quite touch stays
 * one digit). Groups that overlap mostly in x are stacked parts of one digit and are merged; tiny specks that
 * sit beside no digit are dust and are dropped.
 */
public final class DigitSegmenter {
    private final float inkThreshold;
    private final float gapFraction;
    private final float speckFraction;
    private final MnistPreprocessor preprocessor = new MnistPreprocessor();

    /** Defaults: ink above 0.2, gaps up to 4% of the ink height bridged, specks below 3% of the largest area dropped. */
    public DigitSegmenter() {
        this(0.2f, 0.04f, 0.03f);
    }

    public DigitSegmenter(float inkThreshold, float gapFraction, float speckFraction) {
        this.inkThreshold = inkThreshold;
        this.gapFraction = gapFraction;
        this.speckFraction = speckFraction;
    }

    /** One digit found in the image: where it was and what the network will see. */
    public record Segment(GrayImage.Box bounds, GrayImage mnistInput) {
    }

    /**
     * @return the digits left to right (by the centre of their bounding box)
     * @throws EmptyDrawingException when the image holds no ink
     */
    public List<Segment> segment(GrayImage image) {
        int w = image.width(), h = image.height();
        float[] px = image.pixels();
        GrayImage.Box all = image.inkBounds(inkThreshold);
        if (all == null) {
            throw new EmptyDrawingException("No ink above " + inkThreshold + " in the " + w + "x" + h
                + " image: nothing to recognise");
        }
        boolean[] ink = new boolean[w * h];
        for (int i = 0; i < ink.length; i++) {
            ink[i] = px[i] > inkThreshold;
        }
        int radius = Math.max(1, Math.round(gapFraction * all.height()));
        int[] labels = label(dilate(ink, w, h, radius), w, h);

        // collect the real ink of each dilated component
        List<Group> groups = new ArrayList<>();
        int[] groupOfLabel = new int[w * h + 1];
        java.util.Arrays.fill(groupOfLabel, -1);
        for (int i = 0; i < ink.length; i++) {
            // faint anti-aliased rim pixels go with the digit whose bridged area they lie in
            if (px[i] <= 0 || labels[i] == 0) continue;
            int l = labels[i];
            if (groupOfLabel[l] < 0) {
                groupOfLabel[l] = groups.size();
                groups.add(new Group());
            }
            groups.get(groupOfLabel[l]).add(i % w, i / w, i, ink[i]);
        }
        mergeStacked(groups);
        dropSpecks(groups);
        groups.sort(Comparator.comparingDouble(g -> g.box.x() + g.box.width() / 2.0));

        List<Segment> out = new ArrayList<>();
        for (Group g : groups) {
            GrayImage.Box b = g.box;
            GrayImage only = new GrayImage(b.width(), b.height());
            // copy this group's pixels with their grey values, leaving out any neighbour reaching into the box
            for (int k = 0; k < g.size; k++) {
                int i = g.indices[k], x = i % w, y = i / w;
                only.set(x - b.x(), y - b.y(), px[i]);
            }
            out.add(new Segment(b, preprocessor.process(only)));
        }
        return Collections.unmodifiableList(out);
    }

    /** Groups whose x-ranges overlap by at least half the narrower one are parts of one digit. */
    private static void mergeStacked(List<Group> groups) {
        boolean merged = true;
        while (merged) {
            merged = false;
            outer:
            for (int a = 0; a < groups.size(); a++) {
                for (int b = a + 1; b < groups.size(); b++) {
                    GrayImage.Box p = groups.get(a).box, q = groups.get(b).box;
                    int overlap = Math.min(p.right(), q.right()) - Math.max(p.x(), q.x());
                    if (overlap >= 0.5f * Math.min(p.width(), q.width())) {
                        groups.get(a).absorb(groups.remove(b));
                        merged = true;
                        break outer;
                    }
                }
            }
        }
    }

    private void dropSpecks(List<Group> groups) {
        int largest = 0;
        for (Group g : groups) largest = Math.max(largest, g.inkCount);
        float min = speckFraction * largest;
        groups.removeIf(g -> g.inkCount < min);
    }

    /** Square dilation by {@code r}: separable running max along rows, then along columns. */
    private static boolean[] dilate(boolean[] m, int w, int h, int r) {
        boolean[] rows = new boolean[m.length];
        for (int y = 0; y < h; y++) {
            int last = Integer.MIN_VALUE / 2;   // x of the last ink pixel seen going right
            for (int x = 0; x < w; x++) {
                if (m[y * w + x]) last = x;
                if (x - last <= r) rows[y * w + x] = true;
            }
            last = Integer.MAX_VALUE / 2;
            for (int x = w - 1; x >= 0; x--) {
                if (m[y * w + x]) last = x;
                if (last - x <= r) rows[y * w + x] = true;
            }
        }
        boolean[] out = new boolean[m.length];
        for (int x = 0; x < w; x++) {
            int last = Integer.MIN_VALUE / 2;
            for (int y = 0; y < h; y++) {
                if (rows[y * w + x]) last = y;
                if (y - last <= r) out[y * w + x] = true;
            }
            last = Integer.MAX_VALUE / 2;
            for (int y = h - 1; y >= 0; y--) {
                if (rows[y * w + x]) last = y;
                if (last - y <= r) out[y * w + x] = true;
            }
        }
        return out;
    }

    /** 8-connected component labels (1, 2, ...; 0 = background) by flood fill with an explicit stack. */
    static int[] label(boolean[] m, int w, int h) {
        int[] labels = new int[m.length];
        int[] stack = new int[m.length];
        int next = 0;
        for (int start = 0; start < m.length; start++) {
            if (!m[start] || labels[start] != 0) continue;
            next++;
            int top = 0;
            stack[top++] = start;
            labels[start] = next;
            while (top > 0) {
                int i = stack[--top];
                int x = i % w, y = i / w;
                for (int ny = Math.max(0, y - 1); ny <= Math.min(h - 1, y + 1); ny++) {
                    for (int nx = Math.max(0, x - 1); nx <= Math.min(w - 1, x + 1); nx++) {
                        int j = ny * w + nx;
                        if (m[j] && labels[j] == 0) {
                            labels[j] = next;
                            stack[top++] = j;
                        }
                    }
                }
            }
        }
        return labels;
    }

    /** Ink pixels of one candidate digit and their bounding box. */
    private static final class Group {
        int[] indices = new int[64];
        int size;
        int inkCount;
        GrayImage.Box box;

        void add(int x, int y, int index, boolean isInk) {
            if (isInk) inkCount++;
            if (size == indices.length) indices = java.util.Arrays.copyOf(indices, size * 2);
            indices[size++] = index;
            GrayImage.Box p = new GrayImage.Box(x, y, 1, 1);
            box = box == null ? p : box.union(p);
        }

        void absorb(Group o) {
            if (size + o.size > indices.length) indices = java.util.Arrays.copyOf(indices, size + o.size);
            System.arraycopy(o.indices, 0, indices, size, o.size);
            size += o.size;
            inkCount += o.inkCount;
            box = box.union(o.box);
        }
    }
}
