package io.neuronlab.mllib.data;

import java.io.File;
import java.io.IOException;

/**
 * Loads MNIST's training (60 000) and test (10 000) sets from a directory holding the four uncompressed IDX
 * files under their usual names ({@code scripts/fetch-mnist.sh} puts them in {@code .cache/mnist}).
 */
public final class Mnist {
    public static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    public static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    public static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    public static final String TEST_LABELS = "t10k-labels-idx1-ubyte";
    /** System property naming the MNIST directory (Maven sets it for the tests). */
    public static final String DIR_PROPERTY = "neuronlab.mnist.dir";

    private Mnist() {
    }

    /** The 60 000 training examples, {@code [60000, 1, 28, 28]}. */
    public static Dataset train(File dir) throws IOException {
        return load(dir, TRAIN_IMAGES, TRAIN_LABELS);
    }

    /** The 10 000 test examples, {@code [10000, 1, 28, 28]}. */
    public static Dataset test(File dir) throws IOException {
        return load(dir, TEST_IMAGES, TEST_LABELS);
    }

    /**
     * The MNIST directory: system property {@value #DIR_PROPERTY}, else environment variable
     * {@code NEURONLAB_DATA}, else {@code .cache/mnist} under the working directory.
     */
    public static File defaultDir() {
        String dir = System.getProperty(DIR_PROPERTY);
        if (dir == null || dir.isEmpty()) {
            dir = System.getenv("NEURONLAB_DATA");
        }
        return new File(dir == null || dir.isEmpty() ? ".cache/mnist" : dir);
    }

    private static Dataset load(File dir, String imagesName, String labelsName) throws IOException {
        if (!dir.isDirectory()) {
            throw new IOException("MNIST directory " + dir.getPath() + " does not exist (run scripts/fetch-mnist.sh "
                + dir.getPath() + ")");
        }
        File imagesFile = new File(dir, imagesName);
        File labelsFile = new File(dir, labelsName);
        // kept as bytes: batches convert them (training LeNet-bench fits in 250 MiB of resident memory)
        MnistIdxReader.Pixels images = MnistIdxReader.readPixels(imagesFile);
        int[] labels = MnistIdxReader.readLabels(labelsFile);
        if (images.shape[0] != labels.length) {
            throw new IOException(imagesFile.getPath() + " holds " + images.shape[0] + " images but "
                + labelsFile.getPath() + " holds " + labels.length + " labels");
        }
        return Dataset.ofPixels(images.values, images.shape, labels, MnistIdxReader.NUM_CLASSES);
    }
}
