package io.neuronlab.mllib.lab;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.neuronlab.mllib.data.Mnist;
import io.neuronlab.mllib.data.MnistSlice;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import org.junit.Test;

/**
 * The promise for the Train screen: its default settings train LeNet to ≥ 97 % in one short run — on exactly
 * the app's bundled slice (built here from the IDX files, checked against the app's recorded checksum), tested on the
 * slice's 2,000 test images, which played no part in choosing the defaults (see {@link LabSettings#defaults}).
 * Measured: 98.10 % (Vector API kernel), 97.95 % (the plain-Java kernel that Android runs).
 */
public class LabDefaultsAccuracyTest {
    @Test
    public void defaultLeNetReaches97PercentOnTheSlice() throws Exception {
        File dir = new File(System.getProperty(Mnist.DIR_PROPERTY, ".cache/mnist"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MnistSlice.write(Mnist.train(dir), Mnist.test(dir), MnistSlice.DEFAULT_TRAIN, MnistSlice.DEFAULT_TEST,
            MnistSlice.DEFAULT_SEED, out);
        MnistSlice slice = MnistSlice.read(new ByteArrayInputStream(out.toByteArray()), "slice");
        assertEquals("the app's slice", MnistSlice.PAYLOAD_SHA256, slice.sha256());

        LabSettings defaults = LabSettings.defaults("lenet", MnistSlice.DEFAULT_TRAIN);
        TrainingController controller = new TrainingController(defaults, slice.train(), slice.test(), null);
        LabProgress end = controller.run();
        assertEquals(LabProgress.Status.FINISHED, end.status);
        assertEquals(3, end.testAccuracy.length);
        float accuracy = controller.result().accuracy();
        assertTrue("default LeNet on the slice: " + accuracy + " (per epoch "
            + java.util.Arrays.toString(end.testAccuracy) + ")", accuracy >= 0.97f);
    }
}
