package io.neuronlab.mllib.digits.eval;

import io.neuronlab.mllib.digits.GrayImage;

import java.util.Random;

/**
 * Turns clean ink (1 on 0) into what a phone camera or a scanned PNG delivers: luminance with paper and ink
 * levels of either polarity, uneven light (a linear ramp and vignetting), lens blur, sensor noise and 8-bit
 * quantisation. The degradations are drawn at random within stated ranges, so a set of frames covers them.
 */
public final class PhotoFrame {
    /** How one frame is degraded. Levels are luminance (0 black, 1 white). */
    public record Conditions(boolean darkInk, float paper, float ink, float rampStrength, double rampAngle,
                             float vignette, float blurSigmaPixels, float noiseSigma) {
        /** Nothing but the two levels: a clean scan. */
        public static Conditions clean(boolean darkInk) {
            return darkInk ? new Conditions(true, 0.9f, 0.1f, 0, 0, 0, 0, 0)
                : new Conditions(false, 0.1f, 0.9f, 0, 0, 0, 0, 0);
        }

        /**
         * Random conditions: contrast 0.35–0.85, a ramp up to 35% of the contrast across the frame, vignetting up
         * to 20%, blur σ up to 2.2% of the digit height, noise σ up to 0.05.
         */
        public static Conditions random(boolean darkInk, float digitHeightPixels, Random r) {
            float contrast = 0.35f + 0.5f * r.nextFloat();
            float mid = 0.45f + 0.1f * r.nextFloat();
            float light = Math.min(0.98f, mid + contrast / 2), dark = Math.max(0.02f, mid - contrast / 2);
            return new Conditions(darkInk, darkInk ? light : dark, darkInk ? dark : light,
                0.35f * contrast * r.nextFloat(), 2 * Math.PI * r.nextDouble(), 0.2f * r.nextFloat(),
                0.022f * digitHeightPixels * r.nextFloat(), 0.05f * r.nextFloat());
        }
    }

    private PhotoFrame() {
    }

    /** The luminance photo of {@code ink} (same size) under {@code c}; {@code noise} seeds the sensor noise. */
    public static GrayImage photograph(GrayImage ink, Conditions c, Random noise) {
        int w = ink.width(), h = ink.height();
        GrayImage soft = c.blurSigmaPixels() > 0.3f ? gaussianBlur(ink, c.blurSigmaPixels()) : ink;
        float[] in = soft.pixels();
        float[] out = new float[w * h];
        float cos = (float) Math.cos(c.rampAngle()), sin = (float) Math.sin(c.rampAngle());
        float half = 0.5f * (float) Math.hypot(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float dx = x - w / 2f, dy = y - h / 2f;
                float ramp = c.rampStrength() * ((dx * cos + dy * sin) / half);          // -strength..strength
                float r2 = (dx * dx + dy * dy) / (half * half);
                float light = (1 + ramp) * (1 - c.vignette() * r2);                     // illumination factor
                float reflect = c.paper() + (c.ink() - c.paper()) * in[y * w + x];
                float v = reflect * light + c.noiseSigma() * (float) noise.nextGaussian();
                v = Math.max(0, Math.min(1, v));
                out[y * w + x] = Math.round(v * 255) / 255f;                          // 8-bit, like a PNG or a Bitmap
            }
        }
        return new GrayImage(w, h, out);
    }

    /** Separable Gaussian blur, edges clamped. */
    static GrayImage gaussianBlur(GrayImage src, float sigma) {
        int radius = Math.max(1, (int) Math.ceil(3 * sigma));
        float[] k = new float[2 * radius + 1];
        float sum = 0;
        for (int i = -radius; i <= radius; i++) {
            k[i + radius] = (float) Math.exp(-i * i / (2.0 * sigma * sigma));
            sum += k[i + radius];
        }
        for (int i = 0; i < k.length; i++) k[i] /= sum;
        int w = src.width(), h = src.height();
        float[] s = src.pixels(), tmp = new float[w * h], out = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float acc = 0;
                for (int i = -radius; i <= radius; i++) acc += k[i + radius] * s[y * w + Math.max(0, Math.min(w - 1, x + i))];
                tmp[y * w + x] = acc;
            }
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float acc = 0;
                for (int i = -radius; i <= radius; i++) acc += k[i + radius] * tmp[Math.max(0, Math.min(h - 1, y + i)) * w + x];
                out[y * w + x] = acc;
            }
        }
        return new GrayImage(w, h, out);
    }
}
