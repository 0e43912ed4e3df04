package io.neuronlab.mllib.digits.eval;

import io.neuronlab.mllib.DesktopOnly;
import io.neuronlab.mllib.digits.GrayImage;

import java.awt.Font;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The evaluation sets for recognition off the drawing canvas, built from {@link FontDigits}: single digits
 * (as clean ink for the Draw path, and as dark-on-light and light-on-dark photos of the same ink for the camera
 * and {@code predict} paths) and two-digit strings at given gaps or touching.
 *
 * <p>The font families are split once, by a fixed seed, into a <b>tuning</b> split (thresholds and the
 * confidence calibration are chosen on it) and a <b>held-out</b> split (reported, never tuned on): no font
 * is in both. Every sample is a pure function of (split, kind, index), so sets are reproducible and can be
 * generated one sample at a time.
 */
@DesktopOnly
public final class FontDigitSets {
    public enum Split { TUNING, HELD_OUT }

    /** The seed of the family split and of every sample. */
    public static final long SEED = 14;

    /** Frame height in pixels (the shorter side); widths vary from 1 to 1.5 times it. */
    public static final int FRAME_HEIGHT = 240;

    private final Split split;
    private final List<Font> fonts;
    private final List<String> familyNames = new ArrayList<>();

    public FontDigitSets(Split split) {
        this.split = split;
        List<FontDigits.Family> families = new ArrayList<>(FontDigits.FAMILIES);
        Collections.shuffle(families, new Random(SEED));
        List<FontDigits.Family> mine = new ArrayList<>();
        for (int i = 0; i < families.size(); i++) {
            if ((i % 2 == 0) == (split == Split.TUNING)) {
                mine.add(families.get(i));
                familyNames.add(families.get(i).name());
            }
        }
        this.fonts = FontDigits.load(mine);
    }

    public Split split() {
        return split;
    }

    /** The font families of this split. */
    public List<String> familyNames() {
        return Collections.unmodifiableList(familyNames);
    }

    /**
     * One digit in a frame: the clean ink (what the Draw path sees), and its two photos.
     *
     * @param heightFraction the digit's ink height over the frame height (0.15–0.9)
     */
    public record Single(int label, String font, float heightFraction, GrayImage ink, GrayImage darkOnLight,
                         GrayImage lightOnDark) {
    }

    /** The {@code index}-th single digit (digits cycle 0–9): size 15–90% of the frame, ±15°, random weight. */
    public Single single(int index) {
        Random r = new Random(SEED * 1_000_003L + split.ordinal() * 7_919L + index);
        int label = index % 10;
        Font font = fonts.get(r.nextInt(fonts.size()));
        int h = FRAME_HEIGHT, w = Math.round(h * (1 + 0.5f * r.nextFloat()));
        float fraction = 0.15f + 0.75f * r.nextFloat();
        double rotation = -15 + 30 * r.nextDouble();
        float bold = 0.06f * r.nextFloat() * r.nextFloat();
        Shape glyph = FontDigits.glyph(font, label, new FontDigits.Style(100, rotation, bold));
        // scale so the rotated, outlined ink is fraction × frame height tall
        Rectangle2D b = glyph.getBounds2D();
        double scale = fraction * h / (b.getHeight() + bold * 100);
        if (b.getWidth() * scale > 0.95 * w) scale = 0.95 * w / b.getWidth();
        double gw = b.getWidth() * scale, gh = b.getHeight() * scale, outline = bold * 100 * scale;
        double x = outline / 2 + r.nextDouble() * Math.max(0, w - gw - outline);
        double y = outline / 2 + r.nextDouble() * Math.max(0, h - gh - outline);
        AffineTransform t = AffineTransform.getTranslateInstance(x, y);
        t.scale(scale, scale);
        GrayImage ink = FontDigits.paint(List.of(t.createTransformedShape(glyph)), (float) outline, w, h);
        float digitHeight = (float) (gh + outline);
        GrayImage dark = PhotoFrame.photograph(ink, PhotoFrame.Conditions.random(true, digitHeight, r), r);
        GrayImage light = PhotoFrame.photograph(ink, PhotoFrame.Conditions.random(false, digitHeight, r), r);
        return new Single(label, font.getFontName(), (float) (digitHeight / h), ink, dark, light);
    }

    /** Gap value meaning "the two digits touch" (their ink meets). */
    public static final float TOUCHING = -1;

    /** Two digits side by side: the label (e.g. "10"), the gap asked for and the ink (Draw path), and its photo. */
    public record Pair(String label, float gap, GrayImage ink, GrayImage photo) {
    }

    /**
     * The {@code index}-th pair: two digits of one font, each 70–110 px tall and rotated up to ±5°, with a
     * horizontal gap of {@code gap} × the taller digit's height between their ink, or touching
     * ({@link #TOUCHING}: the second is moved left until its ink meets the first's).
     */
    public Pair pair(int index, float gap) {
        Random r = new Random(SEED * 2_000_003L + split.ordinal() * 7_919L + index * 31L + Math.round(gap * 1000));
        int a = r.nextInt(10), bDigit = r.nextInt(10);
        Font font = fonts.get(r.nextInt(fonts.size()));
        float height = 70 + 40 * r.nextFloat();
        float bold = 0.05f * r.nextFloat() * r.nextFloat();
        float outline = bold * height;
        Shape first = FontDigits.glyph(font, a, new FontDigits.Style(height, -5 + 10 * r.nextDouble(), bold));
        Shape second = FontDigits.glyph(font, bDigit, new FontDigits.Style(height * (0.9f + 0.2f * r.nextFloat()),
            -5 + 10 * r.nextDouble(), bold));
        Rectangle2D fb = first.getBounds2D(), sb = second.getBounds2D();
        int margin = 40;
        int w = (int) Math.ceil(fb.getWidth() + sb.getWidth() + 2 * margin + Math.max(0, gap) * height + outline * 2);
        int h = (int) Math.ceil(Math.max(fb.getHeight(), sb.getHeight()) + 2 * margin);
        double x1 = margin, y1 = (h - fb.getHeight()) / 2, y2 = (h - sb.getHeight()) / 2 + (r.nextDouble() - 0.5) * 0.1 * height;
        Shape placedFirst = AffineTransform.getTranslateInstance(x1, y1).createTransformedShape(first);
        GrayImage ink;
        if (gap != TOUCHING) {
            // gap between the ink: the outline adds half its width on each side
            double x2 = x1 + fb.getWidth() + outline + gap * height;
            ink = FontDigits.paint(List.of(placedFirst,
                AffineTransform.getTranslateInstance(x2, y2).createTransformedShape(second)), outline, w, h);
        } else {
            GrayImage alone = FontDigits.paint(List.of(placedFirst), outline, w, h);
            double x2 = x1 + fb.getWidth() + outline + 0.1 * height;
            while (true) {
                Shape s = AffineTransform.getTranslateInstance(x2, y2).createTransformedShape(second);
                GrayImage other = FontDigits.paint(List.of(s), outline, w, h);
                if (touches(alone, other) || x2 < x1) {
                    ink = FontDigits.paint(List.of(placedFirst, s), outline, w, h);
                    break;
                }
                x2 -= 1;
            }
        }
        GrayImage photo = PhotoFrame.photograph(ink, PhotoFrame.Conditions.random(r.nextBoolean(), height, r), r);
        return new Pair("" + a + bDigit, gap, ink, photo);
    }

    /** True when some ink pixel (> 0.5) of {@code a} has an 8-neighbour (or itself) that is ink in {@code b}. */
    private static boolean touches(GrayImage a, GrayImage b) {
        int w = a.width(), h = a.height();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (a.get(x, y) <= 0.5f) continue;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = x + dx, ny = y + dy;
                        if (nx >= 0 && ny >= 0 && nx < w && ny < h && b.get(nx, ny) > 0.5f) return true;
                    }
                }
            }
        }
        return false;
    }
}
