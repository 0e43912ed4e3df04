package io.neuronlab.mllib.digits.eval;

import io.neuronlab.mllib.DesktopOnly;
import io.neuronlab.mllib.digits.GrayImage;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Digits drawn from font files that Debian ships (handwriting-like, comic, script and plain fonts): a source of
 * digit shapes that has nothing to do with MNIST, the app's pen or its preprocessing, for measuring recognition
 * on data nobody tuned on. Each glyph is filled (and optionally outlined, to vary the stroke weight) as an
 * anti-aliased shape, ink = 1 on 0.
 */
@DesktopOnly
public final class FontDigits {
    /** Font families and their files, with the Debian package that installs them (see .ci/run). */
    public record Family(String name, String debianPackage, List<String> files) {
    }

    public static final List<Family> FAMILIES = List.of(
        new Family("Because We Had To", "fonts-bwht", paths("/usr/share/fonts/opentype/bwht/",
            "BecauseWeBuild-Regular.otf", "BecauseWeConnect-Regular.otf", "BecauseWeCreate-Regular.otf",
            "BecauseWeLearn-Regular.otf", "BecauseWeMentor-Regular.otf", "BecauseWeOrganize-Regular.otf")),
        new Family("Comic Neue", "fonts-comic-neue", paths("/usr/share/fonts/opentype/comic-neue/",
            "ComicNeue-Regular.otf", "ComicNeue-Bold.otf", "ComicNeue-Italic.otf", "ComicNeue-Light.otf")),
        new Family("Dancing Script", "fonts-dancingscript", paths("/usr/share/fonts/opentype/dancingscript/",
            "DancingScript-Regular.otf", "DancingScript-Bold.otf")),
        new Family("Kaushan Script", "fonts-kaushanscript", paths("/usr/share/fonts/opentype/kaushanscript/",
            "KaushanScript-Regular.otf")),
        new Family("Breip", "fonts-breip", paths("/usr/share/fonts/truetype/breip/", "Breip.ttf")),
        new Family("Femke Klaver", "fonts-femkeklaver", paths("/usr/share/fonts/truetype/femkeklaver/", "femkeklaver.ttf")),
        new Family("DKG handwriting", "fonts-dkg-handwriting", paths("/usr/share/fonts/truetype/fifthhorseman/",
            "dkg.ttf", "dkgBd.ttf", "dkgIt.ttf")),
        new Family("Humor Sans", "fonts-humor-sans", paths("/usr/share/fonts/truetype/humor-sans/", "Humor-Sans.ttf")),
        new Family("Rufscript", "fonts-rufscript", paths("/usr/share/fonts/truetype/rufscript/", "Rufscript010.ttf")),
        new Family("SJ fonts", "fonts-sjfonts", paths("/usr/share/fonts/truetype/sjfonts/", "Delphine.ttf", "SteveHand.ttf")),
        new Family("Liberation", "fonts-liberation", paths("/usr/share/fonts/truetype/liberation/",
            "LiberationSans-Regular.ttf", "LiberationSerif-Regular.ttf",
            "LiberationMono-Regular.ttf", "LiberationSansNarrow-Bold.ttf", "LiberationSerif-Italic.ttf")),
        new Family("DejaVu", "fonts-dejavu-core", paths("/usr/share/fonts/truetype/dejavu/",
            "DejaVuSans.ttf", "DejaVuSerif.ttf", "DejaVuSansMono.ttf", "DejaVuSans-Bold.ttf")));

    private static List<String> paths(String dir, String... names) {
        List<String> out = new ArrayList<>();
        for (String n : names) out.add(dir + n);
        return Collections.unmodifiableList(out);
    }

    /** Every font package the sets need, for the error message and .ci/run. */
    public static String debianPackages() {
        StringBuilder sb = new StringBuilder();
        for (Family f : FAMILIES) sb.append(sb.length() == 0 ? "" : " ").append(f.debianPackage());
        return sb.toString();
    }

    /** Loads every font of {@code families}; a missing file is an error naming the package to install. */
    public static List<Font> load(List<Family> families) {
        List<Font> fonts = new ArrayList<>();
        for (Family f : families) {
            for (String path : f.files()) {
                File file = new File(path);
                if (!file.isFile()) {
                    throw new IllegalStateException("font " + path + " is missing: apt-get install " + f.debianPackage()
                        + " (all of them: apt-get install " + debianPackages() + ")");
                }
                try {
                    fonts.add(Font.createFont(Font.TRUETYPE_FONT, file));
                } catch (FontFormatException | IOException e) {
                    throw new IllegalStateException("cannot read font " + path + ": " + e.getMessage(), e);
                }
            }
        }
        return fonts;
    }

    /** How one glyph is drawn: its ink height in pixels, rotation, extra outline weight (fraction of the height). */
    public record Style(float heightPixels, double rotationDegrees, float boldFraction) {
    }

    /** The outline of {@code digit} in {@code font}, scaled to the style's height and rotated, top-left at (0, 0). */
    public static Shape glyph(Font font, int digit, Style style) {
        FontRenderContext frc = new FontRenderContext(null, true, true);
        GlyphVector gv = font.deriveFont(100f).createGlyphVector(frc, String.valueOf((char) ('0' + digit)));
        Shape outline = gv.getOutline();
        Rectangle2D b = outline.getBounds2D();
        if (b.getHeight() <= 0) {
            throw new IllegalStateException(font.getFontName() + " has no glyph for " + digit);
        }
        double scale = style.heightPixels() / b.getHeight();
        AffineTransform t = new AffineTransform();
        t.rotate(Math.toRadians(style.rotationDegrees()));
        t.scale(scale, scale);
        t.translate(-b.getCenterX(), -b.getCenterY());
        Shape placed = t.createTransformedShape(outline);
        Rectangle2D p = placed.getBounds2D();
        return AffineTransform.getTranslateInstance(-p.getX(), -p.getY()).createTransformedShape(placed);
    }

    /** Paints {@code shapes} (already in canvas coordinates) on a new {@code w × h} canvas, ink = 1 on 0. */
    public static GrayImage paint(List<Shape> shapes, float outlinePixels, int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(java.awt.Color.WHITE);
        for (Shape s : shapes) {
            g.fill(s);
            if (outlinePixels > 0) {
                g.setStroke(new BasicStroke(outlinePixels, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(s);
            }
        }
        g.dispose();
        byte[] data = ((java.awt.image.DataBufferByte) img.getRaster().getDataBuffer()).getData();
        float[] px = new float[w * h];
        for (int i = 0; i < px.length; i++) px[i] = (data[i] & 0xff) / 255f;
        return new GrayImage(w, h, px);
    }
}
