package io.neuronlab.mllib.functions;

import static io.neuronlab.mllib.tensor.FiniteDifferences.check;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import io.neuronlab.mllib.tensor.Tensor;
import org.junit.Test;

public class ActivationsTest {
    private static final float[] X = {-1f, 1f, 2f};

    @Test
    public void stepAsInTheBook() {
        assertArrayEquals(new float[] {0, 1, 1}, Activations.step(X), 0f);
        assertArrayEquals(new float[] {0, 0, 1}, Activations.step(Tensor.of(new float[] {-1, 0, 3}, 3)).data(), 0f);
    }

    @Test
    public void sigmoidAsInTheBook() {
        // np: sigmoid(np.array([-1.0, 1.0, 2.0])) = [0.26894142, 0.73105858, 0.88079708]
        float[] expected = {0.26894142f, 0.73105858f, 0.88079708f};
        assertArrayEquals(expected, Activations.sigmoid(X), 1e-7f);
        assertArrayEquals(expected, Activations.sigmoid(Tensor.of(X, 3)).data(), 1e-7f);
        assertArrayEquals(new float[] {0f, 1f}, Activations.sigmoid(new float[] {-1000f, 1000f}), 0f);
    }

    @Test
    public void tanhReluLeakyReluIdentity() {
        assertArrayEquals(new float[] {-0.7615942f, 0.7615942f, 0.9640276f}, Activations.tanh(X), 1e-7f);
        assertArrayEquals(new float[] {0, 1, 2}, Activations.relu(X), 0f);
        assertArrayEquals(new float[] {0, 1, 2}, Activations.relu(Tensor.of(X, 3)).data(), 0f);
        assertArrayEquals(new float[] {-0.01f, 1, 2}, Activations.leakyRelu(X, 0.01f), 1e-9f);
        assertArrayEquals(new float[] {-0.1f, 1, 2}, Activations.leakyRelu(Tensor.of(X, 3), 0.1f).data(), 1e-7f);
        float[] id = Activations.identity(X);
        assertArrayEquals(X, id, 0f);
        id[0] = 5;
        assertEquals(-1f, X[0], 0f);
    }

    @Test
    public void softplusIsStableAtTheExtremes() {
        float[] y = Activations.softplus(new float[] {0f, 1f, 100f, -100f});
        assertEquals(Math.log(2), y[0], 1e-7);
        assertEquals(Math.log(1 + Math.E), y[1], 1e-6);
        assertEquals(100f, y[2], 0f);
        assertEquals(Math.exp(-100), y[3], 1e-45);
        Tensor t = Activations.softplus(Tensor.of(new float[] {0f, 1f, 100f, -100f}, 4));
        assertArrayEquals(y, t.data(), 1e-6f);
    }

    @Test
    public void tensorFormsHaveCorrectGradients() {
        check(t -> Activations.softplus(t[0]), Tensor.of(new float[] {-2, -0.5f, 0.3f, 1.5f}, 2, 2));
        check(t -> Activations.leakyRelu(t[0], 0.1f), Tensor.of(new float[] {-2, -0.5f, 0.3f, 1.5f}, 4));
        check(t -> Activations.tanh(t[0]), Tensor.of(new float[] {-2, -0.5f, 0.3f, 1.5f}, 4));
    }
}
