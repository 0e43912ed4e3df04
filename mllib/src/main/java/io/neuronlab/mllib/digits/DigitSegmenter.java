package io.neuronlab.mllib.digits;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Splits an image holding several digits side by side into single digits, ordered left to right, each turned
 * into a 28×28 MNIST input by {@link MnistPreprocessor}.
 *
 * <p>Pixels above the ink threshold are grouped by 8-connectivity after bridging tiny gaps (the mask is
 * dilated by 1.5 % of the ink height: digits written 0.05 of their height apart stay apart). Groups smaller
 * than an absolute size — their longer side under 2.5 % of the image's shorter side — are dust and are
 * dropped first, whatever else is in the picture; then groups that overlap mostly in x are stacked parts of
 * one digit (the bar of a 5, the stem of a 4) and are merged. Digits that touch form one group: {@link #cuts}
 * offers ways to split such a group, and {@link DigitRecognizer} keeps a cut when the network is surer of
 * both halves than of the whole.
 */
public final class DigitSegmenter {
    private final float inkThreshold;
    private final float gapFraction;
    private final float speckFraction;
    private final MnistPreprocessor preprocessor = new MnistPreprocessor();

    /** Defaults: ink above 0.2, gaps up to 3 % of the ink height bridged, specks under 2.5 % of the shorter side dropped. */
    public DigitSegmenter() {
        this(0.2f, 0.015f, 0.025f);
    }

    public DigitSegmenter(float inkThreshold, float gapFraction, float speckFraction) {
        this.inkThreshold = inkThreshold;
        this.gapFraction = gapFraction;
        this.speckFraction = speckFraction;
    }

    /**
     * One digit found in the image: where it was, what the network will see, and its own ink cropped to
     * {@code bounds} (neighbours reaching into the box left out).
     */
    public record Segment(GrayImage.Box bounds, GrayImage mnistInput, GrayImage ink) {
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
        dropSpecks(groups, Math.min(w, h));
        if (groups.isEmpty()) {
            throw new EmptyDrawingException("Only specks of ink (each under " + speckFraction + " of the "
                + Math.min(w, h) + " px side) in the " + w + "x" + h + " image: nothing to recognise");
        }
        mergeStacked(groups);
        mergeFragments(groups);
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
            out.add(new Segment(b, preprocessor.process(only), only));
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

    /**
     * A group under 40 % as tall as the tallest is a broken-off piece of a stroke (the flag of a 1, the hook of
     * a 6 written apart) rather than a digit of the same line: it joins the group nearest to it in x.
     */
    private static void mergeFragments(List<Group> groups) {
        boolean merged = true;
        while (merged && groups.size() > 1) {
            merged = false;
            int tallest = 0;
            for (Group g : groups) tallest = Math.max(tallest, g.box.height());
            for (int a = 0; a < groups.size() && !merged; a++) {
                GrayImage.Box p = groups.get(a).box;
                if (p.height() >= 0.4f * tallest) continue;
                int nearest = -1;
                int best = Integer.MAX_VALUE;
                for (int b = 0; b < groups.size(); b++) {
                    if (b == a) continue;
                    GrayImage.Box q = groups.get(b).box;
                    int gap = Math.max(0, Math.max(q.x() - p.right(), p.x() - q.right()));
                    if (gap < best) {
                        best = gap;
                        nearest = b;
                    }
                }
                Group fragment = groups.get(a), into = groups.get(nearest);
                groups.remove(a);
                into.absorb(fragment);
                merged = true;
            }
        }
    }

    /** Drops groups too small to be a digit at all, by their own size: a speck is dust even when alone. */
    private void dropSpecks(List<Group> groups, int shorterSide) {
        float min = Math.max(2, speckFraction * shorterSide);
        groups.removeIf(g -> g.inkCount == 0 || Math.max(g.box.width(), g.box.height()) < min);
    }

    /**
     * Ways to cut {@code s} into a left and a right digit, for digits that touch: vertical cuts at the deepest
     * minima of the ink's column profile in the middle half of the box (where two touching digits meet, the
     * ink is thinnest), best first; at most {@code max}. Each half is trimmed and preprocessed like a segment.
     */
    public List<Segment[]> cuts(Segment s, int max) {
        return cuts(s, max, 0.25f, false);
    }

    /**
     * {@link #cuts(Segment, int)}, and with {@code bent} each vertical cut followed by the {@link InkPathCut} from
     * its column — the path of least ink from top to bottom, for slanted or overlapping digits that no vertical
     * line parts — when that path is not the same straight line (so up to {@code 2 × max} cuts).
     */
    public List<Segment[]> cuts(Segment s, int max, boolean bent) {
        return cuts(s, max, 0.25f, bent);
    }

    /**
     * {@link #cuts(Segment, int, boolean)} with minima searched between {@code margin} × width from either side
     * (0.25: the middle half; smaller reaches a narrow digit such as a 1 at the edge).
     */
    public List<Segment[]> cuts(Segment s, int max, float margin, boolean bent) {
        GrayImage ink = s.ink();
        int w = ink.width(), h = ink.height();
        float[] column = new float[w];
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) column[x] += ink.get(x, y);
        List<Integer> minima = new ArrayList<>();
        int from = Math.max(1, (int) (w * margin)), to = Math.min(w - 2, (int) (w * (1 - margin)));
        for (int x = from; x <= to; x++) {
            if (column[x] <= column[x - 1] && column[x] <= column[x + 1]) minima.add(x);
        }
        minima.sort(Comparator.comparingDouble(x -> column[x]));
        List<Segment[]> out = new ArrayList<>();
        List<Integer> taken = new ArrayList<>();
        for (int cut : minima) {
            if (taken.size() == max) break;
            boolean near = false;   // a flat valley gives neighbouring minima: one cut per valley
            for (int t : taken) near |= Math.abs(t - cut) < Math.max(2, w / 20);
            if (near) continue;
            int[] vertical = new int[h];
            java.util.Arrays.fill(vertical, cut);
            Segment[] straight = split(s, vertical);
            if (straight != null) {
                taken.add(cut);
                out.add(straight);
            }
            if (bent) {
                int[] path = InkPathCut.from(ink, cut);
                Segment[] curved = java.util.Arrays.equals(path, vertical) ? null : split(s, path);
                if (curved != null) out.add(curved);
            }
        }
        return out;
    }

    /**
     * {@code s} cut along {@code boundary} ({@code boundary[y]}: the first column of the right half in row y) into a
     * left and a right segment; null when a half holds no ink or is shorter than {@link #MIN_HALF_HEIGHT} of the
     * whole (two digits of a line are about as tall as each other: a short half is a hook, flag or tail).
     */
    private Segment[] split(Segment s, int[] boundary) {
        Segment left = side(s, boundary, true), right = side(s, boundary, false);
        int h = s.ink().height();
        if (left == null || right == null || left.bounds().height() < MIN_HALF_HEIGHT * h
            || right.bounds().height() < MIN_HALF_HEIGHT * h) return null;
        return new Segment[] {left, right};
    }

    /** Each half of a cut must be at least this share of the whole's height. */
    static final float MIN_HALF_HEIGHT = 0.6f;

    /**
     * The ink of {@code s} left of {@code boundary} (or from it rightwards) as a segment of its own, trimmed to its
     * ink; null when it holds too little ink to be a digit.
     */
    private Segment side(Segment s, int[] boundary, boolean left) {
        GrayImage ink = s.ink();
        int w = ink.width(), h = ink.height();
        GrayImage mine = new GrayImage(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = left ? 0 : boundary[y]; x < (left ? boundary[y] : w); x++) mine.set(x, y, ink.get(x, y));
        }
        GrayImage.Box b = mine.inkBounds(inkThreshold);
        if (b == null || Math.max(b.width(), b.height()) < MnistPreprocessor.MIN_INK_SIDE) return null;
        GrayImage only = mine.crop(b.x(), b.y(), b.width(), b.height());
        GrayImage.Box at = new GrayImage.Box(s.bounds().x() + b.x(), s.bounds().y() + b.y(), b.width(), b.height());
        return new Segment(at, preprocessor.process(only), only);
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
