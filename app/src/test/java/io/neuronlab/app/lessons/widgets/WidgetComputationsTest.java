package io.neuronlab.app.lessons.widgets;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.neuronlab.mllib.gradient.GradientDescent;
import java.util.Arrays;
import java.util.List;
import org.junit.Test;

/**
 * Every widget's numbers come from mllib and agree with independent references: the book's published values,
 * closed forms, or the optimizers' formulas re-computed here in double precision.
 */
public class WidgetComputationsTest {
    @Test
    public void broadcastingAddsByNumpyRulesAndRefusesMisfits() {
        List<BroadcastDemo.Choice> choices = BroadcastDemo.choices();
        assertArrayEquals(new float[] {11, 12, 13, 14, 15, 16}, BroadcastDemo.add(choices.get(0).b()).sum().data(), 0);
        assertArrayEquals(new float[] {11, 22, 33, 14, 25, 36}, BroadcastDemo.add(choices.get(1).b()).sum().data(), 0);
        assertArrayEquals(new float[] {11, 12, 13, 24, 25, 26}, BroadcastDemo.add(choices.get(2).b()).sum().data(), 0);
        assertArrayEquals(new int[] {2, 3}, BroadcastDemo.add(choices.get(3).b()).sum().shape());
        BroadcastDemo.Outcome misfit = BroadcastDemo.add(choices.get(4).b());
        assertNull(misfit.sum());
        assertTrue(misfit.error(), misfit.error().contains("[2, 3]") && misfit.error().contains("[2]"));
    }

    @Test
    public void perceptronTablesMatchTheBooksGatesAndNeverXor() {
        assertEquals(List.of("AND"), PerceptronDemo.matchingGates(PerceptronDemo.truthTable(0.5, 0.5, -0.7)));
        assertEquals(List.of("NAND"), PerceptronDemo.matchingGates(PerceptronDemo.truthTable(-0.5, -0.5, 0.7)));
        assertEquals(List.of("OR"), PerceptronDemo.matchingGates(PerceptronDemo.truthTable(0.5, 0.5, -0.2)));
        assertArrayEquals(new int[] {0, 1, 1, 0}, new int[] {PerceptronDemo.gate("XOR", 0, 0),
                PerceptronDemo.gate("XOR", 1, 0), PerceptronDemo.gate("XOR", 0, 1), PerceptronDemo.gate("XOR", 1, 1)});
        // every position of the widget's three sliders (-1..1 in steps of 0.05): never XOR
        for (int i = 0; i <= 40; i++) {
            for (int j = 0; j <= 40; j++) {
                for (int k = 0; k <= 40; k++) {
                    int[] t = PerceptronDemo.truthTable(-1 + i * 0.05, -1 + j * 0.05, -1 + k * 0.05);
                    assertFalse(Arrays.toString(t), PerceptronDemo.matchingGates(t).contains("XOR"));
                }
            }
        }
    }

    @Test
    public void lossesOfTheBooksExamples() {
        float[] y = LossDemo.prediction(0.6);
        assertArrayEquals(LossDemo.BOOK, y, 1e-7f);
        LossDemo.Losses book = LossDemo.losses(y);
        assertEquals(0.0975, book.sumSquared(), 1e-6);
        assertEquals(-Math.log(0.6 + 1e-7), book.crossEntropy(), 1e-6);
        assertEquals(0.51, book.crossEntropy(), 0.005);
        LossDemo.Losses wrong = LossDemo.losses(LossDemo.prediction(0.1));
        assertEquals(2.30, wrong.crossEntropy(), 0.005);
        float sum = 0;
        for (float v : LossDemo.prediction(0.25)) {
            sum += v;
        }
        assertEquals(1f, sum, 1e-6f);
    }

    @Test
    public void numericalDifferencesShowTruncationThenRounding() {
        NumericalDiffDemo.Slopes book = NumericalDiffDemo.at(4);
        assertEquals(0.1999999999990898, book.central(), 1e-12); // the book's printed value
        assertEquals(0.01 * 1e-4, book.forwardError(), 1e-9); // truncation: f''/2 · h
        assertTrue(NumericalDiffDemo.at(1).forwardError() > NumericalDiffDemo.at(4).forwardError());
        // at h = 1e-17, x + h == x in double: the difference is 0
        assertEquals(0.0, NumericalDiffDemo.at(17).forward(), 0);
        assertTrue(NumericalDiffDemo.at(12).centralError() > 1000 * book.centralError());
    }

    @Test
    public void gradientDescentConvergesCrawlsAndDiverges() {
        assertArrayEquals(new double[] {6, 8}, GradientDescentDemo.gradient(3, 4), 1e-6);
        GradientDescent.Result good = GradientDescentDemo.descend(-1); // lr 0.1: the book's -6.1e-10, 8.1e-10
        assertEquals(-3 * Math.pow(0.8, 100), good.x()[0], 1e-12);
        assertEquals(4 * Math.pow(0.8, 100), good.x()[1], 1e-12);
        GradientDescent.Result slow = GradientDescentDemo.descend(-4); // lr 1e-4
        assertEquals(-3 * Math.pow(1 - 2e-4, 100), slow.x()[0], 1e-9);
        // lr 10: x ← −19x until the numerical gradient's h = 1e-4 drowns in rounding; the book prints -2.58e13
        GradientDescent.Result bad = GradientDescentDemo.descend(1);
        assertEquals(-2.58e13, bad.x()[0], 0.01e13);
    }

    @Test
    public void autogradGivesTheBooksAppleGradients() {
        BackpropDemo.Graph g = BackpropDemo.apples(100, 2, 1.1);
        assertEquals(200f, g.subtotal(), 0);
        assertEquals(220f, g.total(), 1e-4f);
        assertEquals(2.2f, g.dPrice(), 1e-6f);
        assertEquals(110f, g.dCount(), 1e-4f);
        assertEquals(200f, g.dTax(), 0);
    }

    @Test
    public void optimizerEndpointsAfterThirtyStepsMatchTheBooksFormulas() {
        for (int o = 0; o < OptimizerPaths.NAMES.length; o++) {
            String name = OptimizerPaths.NAMES[o];
            float lr = OptimizerPaths.BOOK_RATES[o];
            List<float[]> path = OptimizerPaths.path(name, lr);
            assertEquals(OptimizerPaths.STEPS + 1, path.size());
            assertArrayEquals(OptimizerPaths.START, path.get(0), 0);
            double[] expected = reference(name, lr);
            float[] end = path.get(OptimizerPaths.STEPS);
            assertEquals(name + " x", expected[0], end[0], 1e-3);
            assertEquals(name + " y", expected[1], end[1], 1e-3);
            assertTrue(name + " gets closer", OptimizerPaths.f(end[0], end[1]) < OptimizerPaths.f(-7, 2));
        }
        // SGD in closed form: x·(1 − lr/10)^30, y·(1 − 2lr)^30
        float[] sgd = OptimizerPaths.path("sgd", 0.95f).get(30);
        assertEquals(-7 * Math.pow(0.905, 30), sgd[0], 1e-4);
        assertEquals(2 * Math.pow(-0.9, 30), sgd[1], 1e-4);
    }

    @Test
    public void poolingOfTheBooksGrid() {
        assertArrayEquals(new float[] {2, 4, 3, 4}, PoolingDemo.pool(PoolingDemo.BOOK, 0), 0);
        assertArrayEquals(new float[] {1, 2.25f, 1.5f, 1.75f}, PoolingDemo.pool(PoolingDemo.BOOK, 1), 1e-6f);
        assertArrayEquals(new float[] {4, 9, 6, 7}, PoolingDemo.pool(PoolingDemo.BOOK, 2), 1e-5f);
    }

    @Test
    public void im2colRowsArePatchesAndTheProductIsTheConvolution() {
        assertArrayEquals(new int[] {4, 4}, Im2colDemo.columns().shape());
        assertArrayEquals(new float[] {1, 2, 4, 5, 2, 3, 5, 6, 4, 5, 7, 8, 5, 6, 8, 9}, Im2colDemo.columns().data(), 0);
        // 2·top-left − bottom-right of each patch
        assertArrayEquals(new float[] {2 - 5, 4 - 6, 8 - 8, 10 - 9}, Im2colDemo.product(), 0);
        assertArrayEquals(Im2colDemo.product(), Im2colDemo.conv2d(), 1e-6f);
    }

    @Test
    public void activationValuesAndAutogradSlopes() {
        for (double x : new double[] {-3, -0.5, 0.7, 2}) {
            double sigmoid = 1 / (1 + Math.exp(-x));
            assertEquals(sigmoid, ActivationDemo.at(1, x).value(), 1e-6);
            assertEquals(sigmoid * (1 - sigmoid), ActivationDemo.at(1, x).slope(), 1e-6);
            assertEquals(1 - Math.pow(Math.tanh(x), 2), ActivationDemo.at(2, x).slope(), 1e-6);
            assertEquals(x > 0 ? 1 : 0, ActivationDemo.at(3, x).slope(), 0);
            assertEquals(Math.log1p(Math.exp(x)), ActivationDemo.at(4, x).value(), 1e-6);
            assertEquals(sigmoid, ActivationDemo.at(4, x).slope(), 1e-6); // softplus' = sigmoid
            assertEquals(x > 0 ? 1 : 0, ActivationDemo.at(0, x).value(), 0);
        }
    }

    @Test
    public void parameterCountsOfMllibsNetworksFollowTheFormulas() {
        for (io.neuronlab.mllib.models.Recipe r : ArchitectureDemo.networks()) {
            long sum = 0;
            for (ArchitectureDemo.LayerCount layer : ArchitectureDemo.layers(r)) {
                sum += layer.parameters();
            }
            assertEquals(r.name(), ArchitectureDemo.total(r), sum);
            if (r.name().equals("lenet")) {
                // conv 1→6 5×5, conv 6→16 5×5, 400→120, 120→84, 84→10: F(Ck²+1) and m(n+1)
                assertEquals(6 * 26 + 16 * 151 + 120 * 401 + 84 * 121 + 10 * 85, sum);
            }
            if (r.name().equals("mlp")) {
                assertEquals(100 * 785 + 10 * 101, sum);
            }
        }
    }

    @Test
    public void convolutionsAverageFilterAndSize() {
        float[] avg = ConvolutionDemo.movingAverage();
        assertEquals(8, avg.length);
        for (int i = 0; i < avg.length; i++) {
            float[] s = ConvolutionDemo.SIGNAL;
            assertEquals((s[i] + s[i + 1] + s[i + 2]) / 3, avg[i], 1e-5f);
        }
        assertEquals("32", ConvolutionDemo.outputSize(32, 5, 2, 1));
        assertEquals("14", ConvolutionDemo.outputSize(28, 2, 0, 2));
        assertTrue(ConvolutionDemo.outputSize(3, 5, 0, 1).contains("does not fit"));
        io.neuronlab.mllib.digits.GrayImage seven = ConvolutionDemo.seven();
        // identity keeps the image; the Laplacian ("all edges") sums to 0 on flat areas, so inside the bar it is 0
        assertArrayEquals(seven.pixels(), ConvolutionDemo.apply(seven, 0).data(), 1e-6f);
        io.neuronlab.mllib.tensor.Tensor edges = ConvolutionDemo.apply(seven, 5);
        assertEquals(0f, edges.get(0, 0, 7, 12), 1e-6f);   // middle row of the 3-pixel bar... flat along x
        assertEquals(0f, edges.get(0, 0, 0, 0), 0f);       // empty corner
        // at the bar's top-left corner pixel (7, 6): 8·1 − (3 ink neighbours) = 5
        assertEquals(5f, edges.get(0, 0, 6, 7), 1e-5f);
        // blur: the mean of the 3×3 neighbourhood
        assertEquals(6f / 9, ConvolutionDemo.apply(seven, 1).get(0, 0, 7, 7), 1e-6f);
    }

    @Test
    public void initialisationHistogramsBehaveAsTheBookShows() {
        InitHistogramDemo.LayerStats[] std1 = InitHistogramDemo.layers(InitHistogramDemo.SIGMOID, 0);
        InitHistogramDemo.LayerStats[] small = InitHistogramDemo.layers(InitHistogramDemo.SIGMOID, 1);
        InitHistogramDemo.LayerStats[] xavier = InitHistogramDemo.layers(InitHistogramDemo.SIGMOID, 2);
        InitHistogramDemo.LayerStats[] reluSmall = InitHistogramDemo.layers(InitHistogramDemo.RELU, 1);
        InitHistogramDemo.LayerStats[] reluXavier = InitHistogramDemo.layers(InitHistogramDemo.RELU, 2);
        InitHistogramDemo.LayerStats[] he = InitHistogramDemo.layers(InitHistogramDemo.RELU, 3);
        for (int l = 0; l < InitHistogramDemo.LAYERS; l++) {
            // std 1: more than half of every layer's sigmoids sit within 0.02 of 0 or 1 (measured 0.54..0.69)
            assertTrue("std 1, layer " + (l + 1) + ": " + std1[l].saturated(), std1[l].saturated() > 0.5);
            InitHistogramDemo.LayerStats h = std1[l];
            assertTrue("std 1 piles up in the end bins", h.counts()[0] + h.counts()[InitHistogramDemo.BINS - 1]
                    > 0.4 * InitHistogramDemo.SAMPLES * InitHistogramDemo.UNITS);
            // std 0.01: the sums are ~0, so every sigmoid is ~0.5 (std 0.01..0.025 measured)
            assertEquals(0.5, small[l].mean(), 0.01);
            assertTrue("std 0.01 spread " + small[l].std(), small[l].std() < 0.03);
            // Xavier: a real spread and no saturation in every layer
            assertTrue("Xavier spread " + xavier[l].std(), xavier[l].std() > 0.1 && xavier[l].std() < 0.3);
            assertTrue("Xavier saturation " + xavier[l].saturated(), xavier[l].saturated() < 0.01);
            // ReLU: about half zeros; He keeps the spread (0.82..0.95), std 0.01 shrinks it ~10× per layer
            assertEquals(0.5, he[l].zeros(), 0.05);
            assertTrue("He spread " + he[l].std(), he[l].std() > 0.7 && he[l].std() < 1.1);
            if (l > 0) {
                assertTrue("std 0.01 ReLU shrinks", reluSmall[l].std() < 0.2 * reluSmall[l - 1].std());
                assertTrue("Xavier ReLU shrinks", reluXavier[l].std() < reluXavier[l - 1].std());
            }
        }
        // the histogram counts exactly the values in [0, 1], zeros dropped on request
        InitHistogramDemo.LayerStats tiny = InitHistogramDemo.histogram(new float[] {0f, 0f, 0.01f, 0.5f, 0.99f, 1f, 1.5f},
                true, 1f);
        float total = 0;
        for (float c : tiny.counts()) {
            total += c;
        }
        assertEquals(4f, total, 0f);
        assertEquals(2.0 / 7, tiny.zeros(), 1e-9);
        assertEquals(2f, tiny.counts()[InitHistogramDemo.BINS - 1], 0f); // 0.99 and 1.0
        assertEquals(1f, tiny.counts()[15], 0f);                          // 0.5
    }

    private static io.neuronlab.mllib.data.MnistSlice slice() throws java.io.IOException {
        // the app's bundled slice, made by the build's generate-sources step
        return io.neuronlab.mllib.data.MnistSlice.read(new java.io.File("target/generated-assets/datasets/mnist-slice.bin.gz"));
    }

    @Test
    public void theTrainingLoopPlotsMllibsBatchLossesAndLearns() throws Exception {
        io.neuronlab.mllib.data.MnistSlice slice = slice();
        io.neuronlab.mllib.lab.LabSettings s = TrainingLoopDemo.settings(100, 0.1f).withEpochs(1);
        io.neuronlab.mllib.lab.LabProgress p = new io.neuronlab.mllib.lab.TrainingController(s, slice.train(),
                slice.test(), null).run();
        assertEquals(io.neuronlab.mllib.lab.LabProgress.Status.FINISHED, p.status);
        assertEquals(TrainingLoopDemo.TRAIN_IMAGES / 100, p.batchLoss.length);
        // the first point is the loss of the first shuffled batch through the starting network, computed here
        io.neuronlab.mllib.nn.Sequential net = io.neuronlab.mllib.lab.LabNetworks.build(s);
        io.neuronlab.mllib.data.Batch first = new io.neuronlab.mllib.data.DataLoader(
                slice.train().subset(0, TrainingLoopDemo.TRAIN_IMAGES), 100).shuffle(s.seed).epoch().iterator().next();
        float loss = new io.neuronlab.mllib.loss.SoftmaxCrossEntropy().forward(net.forward(first.inputs()), first.targets());
        assertEquals(loss, p.batchLoss[0], 1e-5f);
        assertEquals(Math.log(10), p.batchLoss[0], 0.3); // an untrained net guesses: about ln 10
        assertTrue("learned: " + p.testAccuracy[0], p.testAccuracy[0] > 0.85);
        float[] x = TrainingLoopDemo.epochs(p.batchLoss.length, p.batches);
        assertEquals(1f / 60, x[0], 1e-7f);
        assertEquals(1f, x[59], 1e-6f);
        // a small rate learns less in the same epoch; a huge one wrecks the network
        io.neuronlab.mllib.lab.LabProgress slow = new io.neuronlab.mllib.lab.TrainingController(
                TrainingLoopDemo.settings(100, 0.01f).withEpochs(1), slice.train(), slice.test(), null).run();
        assertTrue(slow.testAccuracy[0] + " vs " + p.testAccuracy[0], slow.testAccuracy[0] < p.testAccuracy[0] - 0.1);
        io.neuronlab.mllib.lab.LabProgress wild = new io.neuronlab.mllib.lab.TrainingController(
                TrainingLoopDemo.settings(100, 10f).withEpochs(1), slice.train(), slice.test(), null).run();
        // lr 10 (measured, seed 1): the loss jumps to 13–14 within two steps, then sits at ln 10 — the ReLUs are dead
        // and the network guesses (10 % test accuracy)
        float highest = 0;
        for (int i = 0; i < 5; i++) {
            highest = Math.max(highest, wild.batchLoss[i]);
        }
        assertTrue("lr 10 jumps: " + highest, highest > 10);
        assertTrue("lr 10 ends guessing: " + wild.testAccuracy[0], wild.testAccuracy[0] < 0.15);
    }

    @Test
    public void batchNormStartsFromTheSameWeightsAndLearnsFaster() throws Exception {
        io.neuronlab.mllib.data.MnistSlice slice = slice();
        for (int init = 0; init < BatchNormDemo.INITS.length; init++) {
            io.neuronlab.mllib.lab.LabSettings[] both = BatchNormDemo.settings(init);
            java.util.Map<String, io.neuronlab.mllib.tensor.Tensor> plain = io.neuronlab.mllib.lab.LabNetworks
                    .build(both[0]).parameters();
            java.util.Map<String, io.neuronlab.mllib.tensor.Tensor> normed = io.neuronlab.mllib.lab.LabNetworks
                    .build(both[1]).parameters();
            for (java.util.Map.Entry<String, io.neuronlab.mllib.tensor.Tensor> e : plain.entrySet()) {
                assertArrayEquals(e.getKey(), e.getValue().data(), normed.get(e.getKey()).data(), 0f);
            }
            assertTrue(normed.size() > plain.size()); // + γ, β
            io.neuronlab.mllib.lab.LabProgress without = new io.neuronlab.mllib.lab.TrainingController(both[0],
                    slice.train(), slice.test(), null).run();
            io.neuronlab.mllib.lab.LabProgress with = new io.neuronlab.mllib.lab.TrainingController(both[1],
                    slice.train(), slice.test(), null).run();
            // the same first batch: before any update BatchNorm changes the loss only by its normalisation
            assertEquals(without.batchLoss.length, with.batchLoss.length);
            String where = BatchNormDemo.INIT_LABELS[init];
            // measured (seed 1, 10 epochs): loss of the last 10 batches 2.29/1.82/1.56 without, 1.22/0.86/0.85 with
            assertTrue(where, recentLoss(with.batchLoss) < recentLoss(without.batchLoss) - 0.3);
            float accWithout = without.testAccuracy[BatchNormDemo.EPOCHS - 1];
            float accWith = with.testAccuracy[BatchNormDemo.EPOCHS - 1];
            assertTrue(where + ": " + accWith + " vs " + accWithout, accWith > accWithout + 0.1);
        }
    }

    @Test
    public void overfittingShowsTheGapAndTheRemediesNarrowIt() throws Exception {
        io.neuronlab.mllib.data.MnistSlice slice = slice();
        io.neuronlab.mllib.lab.SideBySideTraining experiment = OverfittingDemo.experiment(slice);
        long start = System.nanoTime();
        io.neuronlab.mllib.lab.ExperimentProgress p = experiment.run(new io.neuronlab.mllib.train.CancelToken());
        System.out.printf(java.util.Locale.ROOT, "overfitting, %d epochs (%.1f s):%n", OverfittingDemo.EPOCHS,
                (System.nanoTime() - start) / 1e9);
        for (int c = 0; c < 3; c++) {
            float[] train = p.trainAccuracy(c);
            float[] test = p.testAccuracy(c);
            System.out.printf(java.util.Locale.ROOT, "  %s: train %.3f test %.3f gap %.3f%n", p.names.get(c),
                    train[train.length - 1], test[test.length - 1], p.gap(c));
        }
        assertEquals(io.neuronlab.mllib.lab.ExperimentProgress.Status.FINISHED, p.status);
        assertEquals(OverfittingDemo.EPOCHS, p.trainAccuracy(0).length);
        // the plotted test accuracy of the plain network, recounted here from its outputs
        io.neuronlab.mllib.data.Dataset test = OverfittingDemo.testImages(slice);
        io.neuronlab.mllib.tensor.Tensor scores = experiment.model(0).forward(test.inputs());
        int right = 0;
        for (int i = 0; i < test.size(); i++) {
            int best = 0;
            for (int k = 1; k < 10; k++) {
                if (scores.get(i, k) > scores.get(i, best)) {
                    best = k;
                }
            }
            right += best == test.label(i) ? 1 : 0;
        }
        float[] plainTest = p.testAccuracy(io.neuronlab.mllib.lab.OverfittingExperiment.PLAIN);
        assertEquals(right / (float) test.size(), plainTest[plainTest.length - 1], 1e-6f);
        float plainGap = p.gap(io.neuronlab.mllib.lab.OverfittingExperiment.PLAIN);
        assertTrue("plain gap " + plainGap, plainGap > 0.15); // measured seed 1 (500 test images, 100 epochs): see the commit
        assertTrue(p.gap(io.neuronlab.mllib.lab.OverfittingExperiment.WEIGHT_DECAY) < plainGap);
        assertTrue(p.gap(io.neuronlab.mllib.lab.OverfittingExperiment.DROPOUT) < plainGap);
    }

    @Test
    public void plotsOfActivationsDescentAndOptimizersHoldMllibsNumbers() {
        float[][] sigmoid = ActivationDemo.curve(1, -5, 5, 201);
        assertEquals(201, sigmoid[0].length);
        for (int i = 0; i < 201; i += 25) {
            double x = -5 + 0.05 * i;
            double y = 1 / (1 + Math.exp(-x));
            assertEquals(x, sigmoid[0][i], 1e-6);
            assertEquals(y, sigmoid[1][i], 1e-6);
            assertEquals(y * (1 - y), sigmoid[2][i], 1e-6);
        }
        assertEquals(0.25, sigmoid[2][100], 1e-7); // the sigmoid's steepest point, x = 0
        // descent at lr 0.1: each step multiplies f by 0.8² = 0.64, from f = 25
        GradientDescent.Result good = GradientDescentDemo.descend(-1);
        float[] logF = GradientDescentDemo.logLoss(good);
        float[][] xy = GradientDescentDemo.pathXY(good);
        assertEquals(GradientDescentDemo.STEPS + 1, logF.length);
        for (int k = 0; k <= GradientDescentDemo.STEPS; k += 10) {
            assertEquals(Math.log10(25 * Math.pow(0.64, k)), logF[k], 1e-3);
            assertEquals(-3 * Math.pow(0.8, k), xy[0][k], 1e-6);
        }
        assertEquals(k(GradientDescentDemo.steps(good), 7), 7f, 0f);
        float[] exploded = GradientDescentDemo.logLoss(GradientDescentDemo.descend(1));
        assertTrue("lr 10 ends at f = 1e" + exploded[exploded.length - 1], exploded[exploded.length - 1] > 20);
        // every contour point lies on its level
        io.neuronlab.app.chart.Series ellipse = OptimizerPaths.contour(2f, "f = 2", 0);
        io.neuronlab.app.chart.Series circle = GradientDescentDemo.contour(3f, "f = 9", 0);
        for (int i = 0; i < ellipse.size(); i++) {
            assertEquals(2.0, OptimizerPaths.f(ellipse.x(i), ellipse.y(i)), 1e-5);
            assertEquals(9.0, GradientDescentDemo.F.applyAsDouble(new double[] {circle.x(i), circle.y(i)}), 1e-4);
        }
    }

    private static float k(float[] values, int index) {
        return values[index];
    }

    private static double recentLoss(float[] loss) {
        double sum = 0;
        for (int i = loss.length - 10; i < loss.length; i++) {
            sum += loss[i];
        }
        return sum / 10;
    }

    /** The book's update rules in double, 30 steps on x²/20 + y² from (−7, 2). */
    private static double[] reference(String name, double lr) {
        double[] w = {-7, 2};
        double[] a = new double[2];
        double[] b = new double[2];
        for (int t = 1; t <= 30; t++) {
            double[] g = {w[0] / 10, 2 * w[1]};
            for (int i = 0; i < 2; i++) {
                switch (name) {
                    case "sgd":
                        w[i] -= lr * g[i];
                        break;
                    case "momentum":
                        a[i] = 0.9 * a[i] - lr * g[i];
                        w[i] += a[i];
                        break;
                    case "adagrad":
                        a[i] += g[i] * g[i];
                        w[i] -= lr * g[i] / (Math.sqrt(a[i]) + 1e-7);
                        break;
                    case "rmsprop":
                        a[i] = 0.99 * a[i] + 0.01 * g[i] * g[i];
                        w[i] -= lr * g[i] / (Math.sqrt(a[i]) + 1e-7);
                        break;
                    case "adam":
                        a[i] += (1 - 0.9) * (g[i] - a[i]);
                        b[i] += (1 - 0.999) * (g[i] * g[i] - b[i]);
                        double lrT = lr * Math.sqrt(1 - Math.pow(0.999, t)) / (1 - Math.pow(0.9, t));
                        w[i] -= lrT * a[i] / (Math.sqrt(b[i]) + 1e-7);
                        break;
                    default:
                        throw new AssertionError(name);
                }
            }
        }
        return w;
    }
}
