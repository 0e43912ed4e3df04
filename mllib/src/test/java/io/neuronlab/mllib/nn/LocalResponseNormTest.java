package io.neuronlab.mllib.nn;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import io.neuronlab.mllib.io.ModelFile;
import io.neuronlab.mllib.io.ModelSerializer;
import io.neuronlab.mllib.io.TrainingMetadata;
import io.neuronlab.mllib.tensor.Tensor;

import java.util.Random;

import org.junit.Test;

/** LocalResponseNorm: the formula by hand, finite differences, and a model-file round trip. */
public class LocalResponseNormTest {
    @Test
    public void forwardIsTheFormulaByHand() {
        // one pixel, 4 channels 1, 2, 3, 4; window 3: channel c sums squares of c-1..c+1 (zero outside)
        LocalResponseNorm lrn = new LocalResponseNorm(3, 0.3f, 0.75f, 2f);
        Tensor y = lrn.forward(Tensor.of(new float[] {1, 2, 3, 4}, 1, 4, 1, 1));
        double[] sums = {1 + 4, 1 + 4 + 9, 4 + 9 + 16, 9 + 16};
        float[] want = new float[4];
        for (int c = 0; c < 4; c++) {
            want[c] = (float) ((c + 1) / Math.pow(2 + 0.3 / 3 * sums[c], 0.75));
        }
        assertArrayEquals(want, y.data(), 1e-6f);
    }

    @Test
    public void gradientsMatchFiniteDifferences() {
        Random r = new Random(2);
        GradChecks.assertLayerGradients(new LocalResponseNorm(3, 0.8f, 0.75f, 1f), GradChecks.gaussian(r, 2, 5, 3, 2), 1e-2);
        GradChecks.assertLayerGradients(new LocalResponseNorm(5, 2f, 0.6f, 2f), GradChecks.gaussian(r, 1, 7, 2, 2), 1e-2);
        GradChecks.assertLayerGradients(new LocalResponseNorm(1, 0.5f, 1f, 1f), GradChecks.gaussian(r, 1, 2, 2, 2), 1e-2);
    }

    @Test
    public void evenWindowsAndBadConstantsAreRefused() {
        for (Runnable bad : new Runnable[] {() -> new LocalResponseNorm(4, 1e-4f, 0.75f, 2f),
            () -> new LocalResponseNorm(5, -1f, 0.75f, 2f), () -> new LocalResponseNorm(5, 1e-4f, 0.75f, 0f)}) {
            try {
                bad.run();
                fail("accepted");
            } catch (IllegalArgumentException expected) {
                // named in the message
            }
        }
    }

    @Test
    public void roundTripsThroughAModelFile() throws Exception {
        Sequential net = new Sequential().add("lrn", LocalResponseNorm.alexNet()).add("pool", new MaxPool2d(2, 2));
        net.train(false);
        ModelSerializer serializer = new ModelSerializer();
        byte[] bytes = serializer.toModelFile(net, TrainingMetadata.none()).toBytes();
        Sequential back = serializer.build(ModelFile.fromBytes(bytes, "lrn"), "lrn");
        assertArrayEquals(bytes, serializer.toModelFile(back, TrainingMetadata.none()).toBytes());
        LocalResponseNorm l = (LocalResponseNorm) back.layer("lrn");
        assertEquals(5, l.size());
        assertEquals(5e-4f, l.alpha(), 0f);
        Tensor x = Tensor.randn(new Random(3), 2, 6, 4, 4);
        assertArrayEquals(net.forward(x).data(), back.forward(x).data(), 0f);
    }
}
