package io.neuronlab.mllib.interop;

import io.neuronlab.mllib.data.Dataset;
import io.neuronlab.mllib.data.Mnist;
import io.neuronlab.mllib.io.ModelSerializer;
import io.neuronlab.mllib.models.DeepCnn;
import io.neuronlab.mllib.nn.Sequential;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.util.Collections;

import static org.junit.Assert.assertEquals;
import static org.junit.Assume.assumeTrue;

/**
 * Fixtures of the book's DeepConvNet on the numpy side ({@code scripts/book-deepconvnet.py fixtures}, Debian's
 * python3-numpy), written once per build into {@code target/book-fixtures}: the trained {@code deepcnn.nlmf}'s weights
 * as the book's params pickle (protocols 2..5 and variants), and the book's own forward pass's logits on the first
 * {@link #IMAGES} MNIST test images. Locally a missing numpy skips the tests; in CI (CI=true) it fails them.
 */
public final class BookReference {
    static final int IMAGES = 200;
    private static final String PYTHON = "/usr/bin/python3";

    private BookReference() {
    }

    static Dataset images() throws IOException {
        return Mnist.test(new File(System.getProperty(Mnist.DIR_PROPERTY, ".cache/mnist"))).subset(0, IMAGES);
    }

    /** The mllib network the fixtures come from (inverted dropout, trained to 99.3 %). */
    static Sequential trained() throws IOException {
        Sequential net = DeepCnn.create(0);
        new ModelSerializer().loadInto(net, new File("src/test/resources/models/deepcnn.nlmf"));
        net.train(false);
        return net;
    }

    public static synchronized File fixtures() throws Exception {
        File dir = new File("target/book-fixtures").getAbsoluteFile();
        if (new File(dir, "book_predictions.i32").isFile()) {
            return dir;
        }
        Files.createDirectories(dir.toPath());
        TorchNames.stateDict(trained(), Collections.emptyMap()).write(new File(dir, "trained.safetensors"));
        float[] pixels = images().inputs().data();
        ByteBuffer b = ByteBuffer.allocate(pixels.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(pixels);
        Files.write(new File(dir, "images.f32").toPath(), b.array());

        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        if (!new File(PYTHON).canExecute()) {
            skipOrFail(ci, PYTHON + " not found: install Debian's python3-numpy");
        }
        Process p = new ProcessBuilder(PYTHON, new File(TorchReference.projectRoot(), "scripts/book-deepconvnet.py").getPath(),
            "fixtures", dir.getPath()).redirectErrorStream(true).start();
        String report = read(p.getInputStream());
        int code = p.waitFor();
        if (code == 3) {
            skipOrFail(ci, "numpy not installed: " + report);
        }
        assertEquals("book-deepconvnet.py fixtures failed:\n" + report, 0, code);
        return dir;
    }

    static double[] readDoubles(File f) throws IOException {
        byte[] b = Files.readAllBytes(f.toPath());
        double[] v = new double[b.length / 8];
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(v);
        return v;
    }

    static int[] readInts(File f) throws IOException {
        byte[] b = Files.readAllBytes(f.toPath());
        int[] v = new int[b.length / 4];
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(v);
        return v;
    }

    private static void skipOrFail(boolean ci, String message) {
        if (ci) {
            throw new AssertionError(message);
        }
        assumeTrue(message, false);
    }

    private static String read(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toString("UTF-8");
    }
}
