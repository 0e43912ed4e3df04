package io.neuronlab.mllib.data;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Random;

/**
 * Cuts a {@link Dataset} into mini-batches, one pass per {@link #epoch()}, as the book's training loop does
 * with {@code np.random.choice} — except that every example is seen exactly once per epoch.
 *
 * <ul>
 *   <li>Shuffling ({@link #shuffle(long)}): a new order every epoch from one seeded {@link Random}, so a seed
 *       gives the same sequence of epochs on every run.</li>
 *   <li>The last, partial batch is kept: N = 100 with batch size 32 gives batches of 32, 32, 32 and 4.</li>
 *   <li>Optional {@link Augmentation} of image inputs {@code [N, C, H, W]}, applied as batches are filled.</li>
 *   <li>Batch buffers are allocated once and refilled (see {@link Batch}).</li>
 * </ul>
 */
public final class DataLoader {
    private final Dataset dataset;
    private final int batchSize;
    private final int[] order;
    private Random shuffler;
    private Augmentation augmentation;
    private Batch full;
    private Batch partial;
    /** One example before augmentation (the dataset may hold bytes). */
    private float[] example;
    private int epochs;

    public DataLoader(Dataset dataset, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
        }
        if (dataset.size() == 0) {
            throw new IllegalArgumentException("cannot load batches from an empty dataset");
        }
        this.dataset = dataset;
        this.batchSize = batchSize;
        this.order = new int[dataset.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
    }

    /** Shuffles the examples at the start of every epoch, from a Random seeded with {@code seed}. Returns this. */
    public DataLoader shuffle(long seed) {
        this.shuffler = new Random(seed);
        return this;
    }

    /** Augments every example as it is put into a batch (inputs must be {@code [N, C, H, W]}). Returns this. */
    public DataLoader augment(Augmentation augmentation) {
        if (augmentation != null && dataset.inputDims() != 4) {
            throw new IllegalArgumentException("augmentation needs image inputs [N, C, H, W], the dataset has "
                + dataset.inputDims() + " axes");
        }
        this.augmentation = augmentation;
        return this;
    }

    public Dataset dataset() {
        return dataset;
    }

    public int batchSize() {
        return batchSize;
    }

    /** Batches per epoch: ceil(N / batchSize). */
    public int numBatches() {
        return (dataset.size() + batchSize - 1) / batchSize;
    }

    /** Number of epochs started so far. */
    public int epochsStarted() {
        return epochs;
    }

    /** Starts a new epoch (reshuffling if enabled) and returns its batches in order. */
    public Iterable<Batch> epoch() {
        epochs++;
        if (shuffler != null) {
            // Fisher–Yates over the previous order: uniform, and deterministic for a seed
            for (int i = order.length - 1; i > 0; i--) {
                int j = shuffler.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }
        final int epochNumber = epochs;
        return () -> new Iterator<Batch>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < order.length;
            }

            @Override
            public Batch next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                if (epochNumber != epochs) {
                    throw new IllegalStateException("epoch " + epochNumber + " is over: a newer epoch() was started");
                }
                int from = next;
                int size = Math.min(batchSize, order.length - from);
                next += size;
                Batch b = fill(buffer(size), from);
                b.number = from / batchSize;
                return b;
            }
        };
    }

    private Batch buffer(int size) {
        if (size == batchSize) {
            if (full == null) {
                full = new Batch(size, dataset.exampleShape());
            }
            return full;
        }
        if (partial == null) {
            partial = new Batch(size, dataset.exampleShape());
        }
        return partial;
    }

    private Batch fill(Batch b, int from) {
        int n = dataset.exampleSize();
        float[] dst = b.inputs().data();
        float[] targets = b.targets().data();
        int[] shape = augmentation == null ? null : dataset.exampleShape();
        if (augmentation != null && (example == null || example.length != n)) {
            example = new float[n];
        }
        for (int i = 0; i < b.size(); i++) {
            int index = order[from + i];
            if (augmentation == null) {
                dataset.copyExample(index, dst, i * n);
            } else {
                dataset.copyExample(index, example, 0);
                augmentation.apply(example, 0, dst, i * n, shape[0], shape[1], shape[2]);
            }
            b.indices()[i] = index;
            b.labels()[i] = dataset.label(index);
            targets[i] = dataset.label(index);
        }
        return b;
    }
}
