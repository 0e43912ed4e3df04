package io.neuronlab.app.chart;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import android.content.Context;
import android.graphics.Bitmap;
import android.graphics.Canvas;
import android.view.View;
import android.widget.LinearLayout;
import androidx.core.content.ContextCompat;
import androidx.test.core.app.ApplicationProvider;
import io.neuronlab.app.R;
import java.io.File;
import java.io.FileOutputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.ParameterizedRobolectricTestRunner;
import org.robolectric.ParameterizedRobolectricTestRunner.Parameters;
import org.robolectric.RuntimeEnvironment;
import org.robolectric.annotation.Config;
import org.robolectric.annotation.GraphicsMode;

/**
 * The chart and heatmap views drawn with real Skia, light and dark, to target/screenshots/chart_<theme>.png:
 * the series' colours must reach the pixels, the theme's surface must be the background, and the content
 * description must summarise the data.
 */
@RunWith(ParameterizedRobolectricTestRunner.class)
@GraphicsMode(GraphicsMode.Mode.NATIVE)
@Config(qualifiers = "w360dp-h640dp-xhdpi")
public class ChartViewScreenshotTest {
    private static final int WIDTH = 720;
    private final boolean dark;

    public ChartViewScreenshotTest(String theme, boolean dark) {
        this.dark = dark;
    }

    @Parameters(name = "{0}")
    public static List<Object[]> themes() {
        return Arrays.asList(new Object[] {"light", false}, new Object[] {"dark", true});
    }

    @Test
    public void drawsSeriesLegendAxesAndHeatmaps() throws Exception {
        if (dark) {
            RuntimeEnvironment.setQualifiers("+night");
        }
        Context context = ApplicationProvider.getApplicationContext();
        context.setTheme(R.style.Theme_NeuronLab);
        int[] palette = ChartView.palette(context);

        float[] loss = new float[300];
        java.util.Random random = new java.util.Random(1);
        for (int i = 0; i < loss.length; i++) {
            loss[i] = (float) (2.3 * Math.exp(-i / 60.0) + 0.1 + 0.15 * random.nextGaussian());
        }
        Series raw = Series.of("loss", loss, palette[0]);
        ChartView lossChart = new ChartView(context);
        lossChart.setAxisTitles("batch", "loss");
        lossChart.setSeries(Arrays.asList(raw.faint(), raw.smoothed("smoothed", 0.9f)));

        ChartView accuracy = new ChartView(context);
        accuracy.setAxisTitles("epoch", "accuracy");
        accuracy.setYRange(Float.NaN, 1f);
        accuracy.setWholeNumberX(true);
        accuracy.setSeries(Arrays.asList(Series.of("train", new float[] {0.91f, 0.96f, 0.975f}, palette[1]),
                Series.of("test", new float[] {0.93f, 0.962f, 0.97f}, palette[2])));

        HeatmapView confusion = new HeatmapView(context);
        int[][] counts = new int[10][10];
        for (int r = 0; r < 10; r++) {
            counts[r][r] = 190 + r;
            counts[r][(r + 3) % 10] = r;
        }
        confusion.setHeatmap(Heatmap.confusion("confusion", counts));
        HeatmapView filters = new HeatmapView(context);
        List<Heatmap> tiles = new java.util.ArrayList<>();
        for (int f = 0; f < 6; f++) {
            float[] w = new float[25];
            for (int i = 0; i < 25; i++) {
                w[i] = (float) Math.sin(i * (f + 1) * 0.7);
            }
            tiles.add(new Heatmap("f" + (f + 1), 5, 5, w, Heatmap.Scale.DIVERGING, false));
        }
        filters.setHeatmaps(tiles, 48);

        LinearLayout column = new LinearLayout(context);
        column.setOrientation(LinearLayout.VERTICAL);
        column.setBackgroundColor(ContextCompat.getColor(context, R.color.surface));
        column.setPadding(24, 24, 24, 24);
        column.addView(lossChart, new LinearLayout.LayoutParams(-1, 420));
        column.addView(accuracy, new LinearLayout.LayoutParams(-1, 360));
        column.addView(filters, new LinearLayout.LayoutParams(-1, -2));
        column.addView(confusion, new LinearLayout.LayoutParams(-1, -2));
        column.measure(View.MeasureSpec.makeMeasureSpec(WIDTH, View.MeasureSpec.EXACTLY),
                View.MeasureSpec.makeMeasureSpec(0, View.MeasureSpec.UNSPECIFIED));
        int height = column.getMeasuredHeight();
        column.layout(0, 0, WIDTH, height);
        Bitmap bitmap = Bitmap.createBitmap(WIDTH, height, Bitmap.Config.ARGB_8888);
        column.draw(new Canvas(bitmap));

        int surface = ContextCompat.getColor(context, R.color.surface);
        assertEquals(dark ? 0xFF131318 : 0xFFFBF8FF, surface);
        assertEquals(Integer.toHexString(surface), Integer.toHexString(bitmap.getPixel(2, height - 2)));
        // each opaque series colour is drawn somewhere inside its own chart
        assertTrue("smoothed loss line", count(bitmap, palette[0], 24, 24 + 420) > 200);
        assertTrue("train accuracy", count(bitmap, palette[1], 444, 444 + 360) > 50);
        assertTrue("test accuracy", count(bitmap, palette[2], 444, 444 + 360) > 50);
        // the confusion matrix's largest count is drawn in the full "high" colour
        assertTrue("heatmap cells", count(bitmap, ContextCompat.getColor(context, R.color.heat_high), 804, height) > 500);

        assertTrue(lossChart.getContentDescription().toString(),
                lossChart.getContentDescription().toString().startsWith("loss / batch. loss: 300 points"));
        assertTrue(accuracy.getContentDescription().toString(),
                accuracy.getContentDescription().toString().contains("test: 3 points, from 0.930 to 0.970"));
        assertEquals("confusion: 1945 of 1990 on the diagonal (correct).",
                confusion.getContentDescription().toString());

        File file = new File(System.getProperty("neuronlab.screenshots.dir", "target/screenshots"),
                "chart_" + (dark ? "dark" : "light") + ".png");
        assertTrue(file.getParentFile().isDirectory() || file.getParentFile().mkdirs());
        try (FileOutputStream out = new FileOutputStream(file)) {
            assertTrue(bitmap.compress(Bitmap.CompressFormat.PNG, 100, out));
        }
    }

    /** A histogram: bars filled in the series' colour, standing on 0, their heights in proportion to the counts. */
    @Test
    public void drawsBarsFromZero() throws Exception {
        if (dark) {
            RuntimeEnvironment.setQualifiers("+night");
        }
        Context context = ApplicationProvider.getApplicationContext();
        context.setTheme(R.style.Theme_NeuronLab);
        int color = ChartView.palette(context)[3];
        ChartView chart = new ChartView(context);
        chart.setAxisTitles("value", "count");
        chart.setXRange(0f, 1f);
        chart.setSeries(java.util.Collections.singletonList(
                new Series("histogram", new float[] {0.25f, 0.75f}, new float[] {1f, 4f}, color).bars()));
        chart.measure(View.MeasureSpec.makeMeasureSpec(WIDTH, View.MeasureSpec.EXACTLY),
                View.MeasureSpec.makeMeasureSpec(400, View.MeasureSpec.EXACTLY));
        chart.layout(0, 0, WIDTH, 400);
        Bitmap bitmap = Bitmap.createBitmap(WIDTH, 400, Bitmap.Config.ARGB_8888);
        Canvas canvas = new Canvas(bitmap);
        canvas.drawColor(ContextCompat.getColor(context, R.color.surface));
        chart.draw(canvas);
        // the left half holds the count-1 bar, the right half the count-4 bar: 4 times the filled pixels
        int left = 0;
        int right = 0;
        for (int y = 0; y < 400; y++) {
            for (int x = 0; x < WIDTH; x++) {
                if (bitmap.getPixel(x, y) == color) {
                    if (x < WIDTH / 2) {
                        left++;
                    } else {
                        right++;
                    }
                }
            }
        }
        assertTrue("bars drawn: " + left + ", " + right, left > 1000);
        assertEquals(4.0, right / (double) left, 0.35);
        assertTrue(chart.model().yAxis().min() == 0);
    }

    private static int count(Bitmap bitmap, int color, int fromY, int toY) {
        int n = 0;
        for (int y = fromY; y < Math.min(toY, bitmap.getHeight()); y++) {
            for (int x = 0; x < bitmap.getWidth(); x++) {
                if (bitmap.getPixel(x, y) == color) {
                    n++;
                }
            }
        }
        return n;
    }
}
