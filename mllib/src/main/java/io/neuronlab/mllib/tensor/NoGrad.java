package io.neuronlab.mllib.tensor;

/**
 * A scope in which operations are not recorded for autograd (inference, optimizer updates):
 * <pre>{@code try (NoGrad scope = NoGrad.enter()) { y = model.forward(x); } }</pre>
 * Scopes nest; the setting is per thread.
 */
public final class NoGrad implements AutoCloseable {
    // ThreadLocal.withInitial is API 26; Android API 24 needs the subclass form.
    private static final ThreadLocal<int[]> DEPTH = new ThreadLocal<int[]>() {
        @Override
        protected int[] initialValue() {
            return new int[1];
        }
    };

    private boolean closed;

    private NoGrad() {
        DEPTH.get()[0]++;
    }

    public static NoGrad enter() {
        return new NoGrad();
    }

    /** True when operations on this thread should be recorded for autograd. */
    public static boolean isGradEnabled() {
        return DEPTH.get()[0] == 0;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            DEPTH.get()[0]--;
        }
    }
}
