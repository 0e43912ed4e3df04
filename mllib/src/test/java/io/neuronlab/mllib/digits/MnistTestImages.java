package io.neuronlab.mllib.digits;

import java.io.DataInputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.BufferedInputStream;

/** Reads the first images of MNIST's test set for the preprocessing tests (null when MNIST is absent). */
final class MnistTestImages {
    private MnistTestImages() {
    }

    static File dir() {
        String d = System.getProperty("neuronlab.mnist.dir");
        return d == null ? null : new File(d);
    }

    /** The first {@code n} test images as 28×28 GrayImages in [0, 1], or null when the files are missing. */
    static GrayImage[] images(int n) throws IOException {
        File dir = dir();
        if (dir == null || !new File(dir, "t10k-images-idx3-ubyte").isFile()) return null;
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(
                new FileInputStream(new File(dir, "t10k-images-idx3-ubyte"))))) {
            if (in.readInt() != 2051) throw new IOException("not an IDX image file");
            int count = in.readInt(), rows = in.readInt(), cols = in.readInt();
            GrayImage[] out = new GrayImage[Math.min(n, count)];
            for (int i = 0; i < out.length; i++) {
                float[] p = new float[rows * cols];
                for (int k = 0; k < p.length; k++) p[k] = in.readUnsignedByte() / 255f;
                out[i] = new GrayImage(cols, rows, p);
            }
            return out;
        }
    }

    static int[] labels(int n) throws IOException {
        File dir = dir();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(
                new FileInputStream(new File(dir, "t10k-labels-idx1-ubyte"))))) {
            if (in.readInt() != 2049) throw new IOException("not an IDX label file");
            int count = in.readInt();
            int[] out = new int[Math.min(n, count)];
            for (int i = 0; i < out.length; i++) out[i] = in.readUnsignedByte();
            return out;
        }
    }
}
