package io.neuronlab.app.lessons.widgets;

import io.neuronlab.mllib.tensor.Tensor;

/**
 * Lesson 8's numbers: the book's apple shopping, total = price · count · tax, forward and backward through
 * mllib's autograd (each value a tensor that records its operation; backward() fills the gradients).
 */
public final class BackpropDemo {
    /** Forward values and the derivative of the total with respect to each input. */
    public record Graph(float subtotal, float total, float dPrice, float dCount, float dTax) {
    }

    private BackpropDemo() {
    }

    public static Graph apples(double price, double count, double tax) {
        Tensor p = Tensor.scalar(price).requiresGrad(true);
        Tensor n = Tensor.scalar(count).requiresGrad(true);
        Tensor t = Tensor.scalar(tax).requiresGrad(true);
        Tensor subtotal = p.mul(n);
        Tensor total = subtotal.mul(t);
        total.backward();
        return new Graph(subtotal.item(), total.item(), p.grad().item(), n.grad().item(), t.grad().item());
    }
}
