package io.neuronlab.mllib.tensor;

import static io.neuronlab.mllib.tensor.FiniteDifferences.check;
import static io.neuronlab.mllib.tensor.FiniteDifferences.uniform;

import java.util.Random;
import org.junit.Test;

/** Every differentiable operation's autograd gradient against central differences. */
public class TensorGradTest {
    private final Random random = new Random(2024);

    private Tensor u(double lo, double hi, int... shape) {
        return uniform(random, lo, hi, shape);
    }

    @Test
    public void broadcastingArithmeticReducesGradientsToInputShapes() {
        check(t -> t[0].add(t[1]), u(-1, 1, 2, 3), u(-1, 1, 3));
        check(t -> t[0].sub(t[1]), u(-1, 1, 2, 1), u(-1, 1, 1, 3));
        check(t -> t[0].mul(t[1]), u(-1, 1, 2, 3, 2), u(-1, 1, 3, 1));
        check(t -> t[0].div(t[1]), u(-1, 1, 4), u(1, 2, 2, 1));
        check(t -> t[0].mul(t[1]), u(-1, 1, 2, 2), Tensor.scalar(0.7));
    }

    @Test
    public void scalarForms() {
        check(t -> t[0].add(2).mul(3).sub(1).div(4), u(-1, 1, 5));
    }

    @Test
    public void unaryFunctions() {
        check(t -> t[0].neg(), u(-1, 1, 3));
        check(t -> t[0].exp(), u(-1, 1, 2, 3));
        check(t -> t[0].log(), u(0.5, 2, 2, 3));
        check(t -> t[0].sqrt(), u(0.5, 2, 6));
        check(t -> t[0].pow(3), u(-1, 1, 6));
        check(t -> t[0].pow(0.5), u(0.5, 2, 6));
        check(t -> t[0].sigmoid(), u(-3, 3, 6));
        check(t -> t[0].tanh(), u(-2, 2, 6));
    }

    @Test
    public void reluAwayFromTheKink() {
        Tensor x = u(0.1, 1, 8);
        for (int i = 0; i < 8; i += 2) {
            x.data()[i] = -x.data()[i];
        }
        check(t -> t[0].relu(), x);
    }

    @Test
    public void matmulDotAndTranspose() {
        check(t -> t[0].matmul(t[1]), u(-1, 1, 3, 4), u(-1, 1, 4, 2));
        check(t -> t[0].dot(t[1]), u(-1, 1, 4), u(-1, 1, 4));
        check(t -> t[0].dot(t[1]), u(-1, 1, 3), u(-1, 1, 3, 2));
        check(t -> t[0].dot(t[1]), u(-1, 1, 2, 3), u(-1, 1, 3));
        check(t -> t[0].transpose(), u(-1, 1, 2, 3));
        check(t -> t[0].transpose(1, 2, 0), u(-1, 1, 2, 3, 4));
    }

    @Test
    public void reductions() {
        check(t -> t[0].sum(), u(-1, 1, 2, 3));
        check(t -> t[0].mean(), u(-1, 1, 2, 3));
        check(t -> t[0].sum(1, false), u(-1, 1, 2, 3, 4));
        check(t -> t[0].sum(0, true), u(-1, 1, 2, 3));
        check(t -> t[0].mean(-1, true), u(-1, 1, 2, 3));
        // distinct values so that the maximum is unambiguous within eps
        Tensor x = Tensor.arange(12).reshape(3, 4);
        Tensor shuffled = x.index(new int[] {2, 0, 1}).transpose().mul(0.1).detach().copy();
        check(t -> t[0].max(1, false), shuffled);
        check(t -> t[0].max(0, true), shuffled.copy());
        check(t -> t[0].max(), shuffled.copy());
    }

    @Test
    public void shapeAndSelection() {
        check(t -> t[0].reshape(3, 2), u(-1, 1, 2, 3));
        check(t -> t[0].flatten(1), u(-1, 1, 2, 3, 2));
        check(t -> t[0].slice(1, 3), u(-1, 1, 4, 2));
        // row 2 picked twice: its gradient is the sum of both uses
        check(t -> t[0].index(new int[] {2, 0, 2}), u(-1, 1, 3, 2));
    }

    @Test
    public void whereAndMask() {
        Tensor cond = Tensor.of(new float[] {1, 0, 0, 1, 1, 0}, 2, 3);
        check(t -> Tensor.where(cond, t[0], t[1]), u(-1, 1, 2, 3), u(-1, 1, 3));
        check(t -> t[0].mul(cond), u(-1, 1, 2, 3));
    }

    @Test
    public void composedExpressionLikeALayer() {
        // sigmoid(x W + b) summed per row, with b broadcast over the batch
        check(t -> t[0].matmul(t[1]).add(t[2]).sigmoid().sum(1, false),
            u(-1, 1, 4, 3), u(-1, 1, 3, 2), u(-1, 1, 2));
    }
}
