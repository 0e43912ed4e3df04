package io.neuronlab.mllib.gradient;

import io.neuronlab.mllib.init.Xavier;
import io.neuronlab.mllib.loss.SoftmaxCrossEntropy;
import io.neuronlab.mllib.nn.Layer;
import io.neuronlab.mllib.nn.Linear;
import io.neuronlab.mllib.nn.Sequential;
import io.neuronlab.mllib.nn.Sigmoid;
import io.neuronlab.mllib.tensor.Tensor;
import org.junit.Test;

import java.util.Map;
import java.util.Random;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

public class GradientCheckerTest {
    /** y = s·x² with a learnable scale s; {@code bug} makes the backward wrong in one chosen way. */
    private static final class ScaledSquare extends Layer {
        private final Tensor s = Tensor.of(new float[] {1.5f}, 1).requiresGrad(true);
        private final String bug;
        private Tensor x;

        ScaledSquare(String bug) {
            this.bug = bug;
        }

        @Override
        public Tensor forward(Tensor x) {
            this.x = x;
            float[] y = new float[x.numel()];
            for (int i = 0; i < y.length; i++) {
                y[i] = s.data()[0] * x.data()[i] * x.data()[i];
            }
            return Tensor.of(y, x.shape());
        }

        @Override
        public Tensor backward(Tensor g) {
            float[] dx = new float[g.numel()];
            float ds = 0;
            for (int i = 0; i < dx.length; i++) {
                float xi = x.data()[i];
                dx[i] = (bug.equals("input") ? 1 : 2) * s.data()[0] * xi * g.data()[i];
                ds += xi * xi * g.data()[i];
            }
            s.accumulateGrad(Tensor.of(new float[] {bug.equals("param") ? ds * 1.01f : ds}, 1));
            return Tensor.of(dx, x.shape());
        }

        @Override
        public Map<String, Tensor> parameters() {
            return named("scale", s);
        }
    }

    private static Tensor input() {
        return Tensor.of(new float[] {0.5f, -1.2f, 2f, 0.3f}, 2, 2);
    }

    @Test
    public void correctBackwardPasses() {
        GradientChecker.Report r = new GradientChecker().checkLayer(new ScaledSquare("none"), input(), 1);
        assertTrue(r.toString(), r.maxRelativeError() < 1e-5);
        assertEquals(2, r.entries().size());
    }

    @Test
    public void wrongInputGradientIsCaughtAndNamed() {
        GradientChecker.Report r = new GradientChecker().checkLayer(new ScaledSquare("input"), input(), 1);
        assertEquals(0.5, r.entry("input").maxRelativeError(), 1e-3);   // half the true gradient
        assertTrue(r.entry("scale").maxRelativeError() < 1e-5);
        assertTrue(r.toString(), r.toString().contains("input") && r.toString().contains("rel 5.0"));
    }

    @Test
    public void onePercentParameterErrorIsCaught() {
        GradientChecker.Report r = new GradientChecker().checkLayer(new ScaledSquare("param"), input(), 1);
        assertTrue(r.toString(), r.entry("scale").maxRelativeError() > 5e-3);
        assertThrows(IllegalArgumentException.class, () -> r.entry("weight"));
    }

    @Test
    public void twoLayerNetWithFusedLossAgrees() {
        Random rnd = new Random(4);
        Sequential net = new Sequential()
            .add(new Linear(4, 5, new Xavier(), rnd))
            .add(new Sigmoid())
            .add(new Linear(5, 3, new Xavier(), rnd));
        Tensor x = Tensor.zeros(3, 4);
        for (int i = 0; i < x.numel(); i++) {
            x.data()[i] = (float) rnd.nextGaussian();
        }
        GradientChecker.Report r = new GradientChecker().check(net, new SoftmaxCrossEntropy(), x,
            Tensor.of(new float[] {0, 2, 1}, 3));
        assertTrue(r.toString(), r.maxRelativeError() < 1e-3);
        assertEquals(5, r.entries().size());
        assertTrue(r.entry("Linear2.weight").maxAbsoluteError() < 1e-4);
    }
}
