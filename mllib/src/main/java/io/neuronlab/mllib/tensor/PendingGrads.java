package io.neuronlab.mllib.tensor;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/** The gradients being collected by the backward pass running on this thread (nested passes stack). */
final class PendingGrads {
    // ThreadLocal.withInitial is API 26; Android API 24 needs the subclass form.
    private static final ThreadLocal<Deque<Map<Tensor, Tensor>>> STACK = new ThreadLocal<Deque<Map<Tensor, Tensor>>>() {
        @Override
        protected Deque<Map<Tensor, Tensor>> initialValue() {
            return new ArrayDeque<>();
        }
    };

    private PendingGrads() {
    }

    static void push(Map<Tensor, Tensor> grads) {
        STACK.get().push(grads);
    }

    static void pop() {
        STACK.get().pop();
    }

    static Map<Tensor, Tensor> current() {
        return STACK.get().peek();
    }
}
