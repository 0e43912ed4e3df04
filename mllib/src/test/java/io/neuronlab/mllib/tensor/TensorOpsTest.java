package io.neuronlab.mllib.tensor;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.Random;
import org.junit.Test;

/** Forward values of the tensor operations, computed by hand, and their error messages. */
public class TensorOpsTest {
    private static final float TOL = 1e-6f;

    private static Tensor m(double[][] rows) {
        return Tensor.of(rows);
    }

    private static void assertValues(Tensor t, int[] shape, float... values) {
        assertArrayEquals("shape", shape, t.shape());
        assertArrayEquals(values, t.data(), 1e-5f);
    }

    private static void assertMessage(Runnable r, String... parts) {
        try {
            r.run();
            fail("expected IllegalArgumentException");
        } catch (IllegalArgumentException e) {
            for (String p : parts) {
                assertTrue("message '" + e.getMessage() + "' should contain '" + p + "'", e.getMessage().contains(p));
            }
        }
    }

    @Test
    public void addBroadcastsRowVectorOverRows() {
        Tensor a = m(new double[][] {{1, 2, 3}, {4, 5, 6}});
        Tensor b = Tensor.of(new float[] {10, 20, 30}, 3);
        assertValues(a.add(b), new int[] {2, 3}, 11, 22, 33, 14, 25, 36);
    }

    @Test
    public void broadcastsColumnAgainstRowToMatrix() {
        Tensor col = Tensor.of(new float[] {1, 2}, 2, 1);
        Tensor row = Tensor.of(new float[] {10, 20, 30}, 1, 3);
        assertValues(col.mul(row), new int[] {2, 3}, 10, 20, 30, 20, 40, 60);
        assertValues(row.sub(col), new int[] {2, 3}, 9, 19, 29, 8, 18, 28);
        assertValues(row.div(col), new int[] {2, 3}, 10, 20, 30, 5, 10, 15);
    }

    @Test
    public void broadcastsScalarTensorAndMiddleAxis() {
        Tensor a = Tensor.arange(12).reshape(2, 3, 2);
        Tensor b = Tensor.of(new float[] {100, 200}, 2, 1, 1);
        assertValues(a.add(b), new int[] {2, 3, 2}, 100, 101, 102, 103, 104, 105, 206, 207, 208, 209, 210, 211);
        assertValues(a.slice(0, 1).mul(Tensor.scalar(2)), new int[] {1, 3, 2}, 0, 2, 4, 6, 8, 10);
    }

    @Test
    public void mismatchedShapesNameBothShapes() {
        Tensor a = Tensor.zeros(2, 3);
        Tensor b = Tensor.zeros(4);
        assertMessage(() -> a.add(b), "add: shapes [2, 3] and [4] cannot be broadcast");
        assertMessage(() -> a.mul(Tensor.zeros(3, 3)), "mul", "[2, 3]", "[3, 3]");
        assertMessage(() -> a.matmul(Tensor.zeros(2, 3)), "matmul", "[2, 3]", "[2, 3]");
        assertMessage(() -> a.reshape(4, 2), "reshape", "[2, 3]", "[4, 2]");
        assertMessage(() -> Tensor.where(Tensor.zeros(5), a, a), "where", "[5]");
        assertMessage(() -> a.slice(1, 3), "slice(1, 3)", "[2, 3]");
        assertMessage(() -> a.transpose(0, 0), "permute", "[2, 3]");
    }

    @Test
    public void scalarFormsAndUnaryFunctions() {
        Tensor x = Tensor.of(new float[] {1, 4, 9}, 3);
        assertValues(x.add(1), new int[] {3}, 2, 5, 10);
        assertValues(x.sub(1), new int[] {3}, 0, 3, 8);
        assertValues(x.mul(2), new int[] {3}, 2, 8, 18);
        assertValues(x.div(2), new int[] {3}, 0.5f, 2, 4.5f);
        assertValues(x.neg(), new int[] {3}, -1, -4, -9);
        assertValues(x.sqrt(), new int[] {3}, 1, 2, 3);
        assertValues(x.pow(1.5), new int[] {3}, 1, 8, 27);
        assertValues(x.log(), new int[] {3}, 0f, (float) Math.log(4), (float) Math.log(9));
        assertValues(Tensor.of(new float[] {0, 1}, 2).exp(), new int[] {2}, 1f, (float) Math.E);
    }

    @Test
    public void activationsAsTensorOps() {
        Tensor x = Tensor.of(new float[] {-2, 0, 3}, 3);
        assertValues(x.relu(), new int[] {3}, 0, 0, 3);
        assertValues(x.sigmoid(), new int[] {3}, 0.11920292f, 0.5f, 0.95257413f);
        assertValues(x.tanh(), new int[] {3}, -0.96402758f, 0f, 0.99505475f);
        // no overflow to NaN at the extremes
        assertValues(Tensor.of(new float[] {-1000, 1000}, 2).sigmoid(), new int[] {2}, 0f, 1f);
    }

    @Test
    public void matmulAndDot() {
        Tensor a = m(new double[][] {{1, 2}, {3, 4}});
        Tensor b = m(new double[][] {{5, 6}, {7, 8}});
        assertValues(a.matmul(b), new int[] {2, 2}, 19, 22, 43, 50);
        Tensor c = m(new double[][] {{1, 2, 3}, {4, 5, 6}});
        Tensor d = m(new double[][] {{1, 2}, {3, 4}, {5, 6}});
        assertValues(c.matmul(d), new int[] {2, 2}, 22, 28, 49, 64);
        Tensor v = Tensor.of(new float[] {1, 2, 3}, 3);
        assertValues(v.dot(v), new int[] {}, 14);
        assertValues(v.dot(d), new int[] {2}, 22, 28);
        assertValues(c.dot(v), new int[] {2}, 14, 32);
        assertValues(a.dot(b), new int[] {2, 2}, 19, 22, 43, 50);
        assertMessage(() -> v.dot(Tensor.zeros(2)), "dot", "[3]", "[2]");
    }

    @Test
    public void transposeAndPermute() {
        Tensor c = m(new double[][] {{1, 2, 3}, {4, 5, 6}});
        assertValues(c.transpose(), new int[] {3, 2}, 1, 4, 2, 5, 3, 6);
        Tensor x = Tensor.arange(24).reshape(2, 3, 4);
        Tensor p = x.transpose(2, 0, 1);
        assertArrayEquals(new int[] {4, 2, 3}, p.shape());
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 4; k++) {
                    assertEquals(x.get(i, j, k), p.get(k, i, j), 0f);
                }
            }
        }
        assertTrue(p.transpose(1, 2, 0).sameValues(x));
    }

    @Test
    public void reshapeAndFlatten() {
        Tensor x = Tensor.arange(24).reshape(2, 3, -1);
        assertArrayEquals(new int[] {2, 3, 4}, x.shape());
        assertArrayEquals(new int[] {2, 12}, x.flatten(1).shape());
        assertArrayEquals(new int[] {24}, x.flatten().shape());
        assertEquals(23f, x.flatten().get(23), 0f);
        assertMessage(() -> x.reshape(-1, -1), "only one size may be -1");
        assertMessage(() -> x.reshape(5, -1), "[2, 3, 4]", "[5, -1]");
    }

    @Test
    public void reductionsAlongAxes() {
        Tensor c = m(new double[][] {{1, 5, 3}, {4, 2, 6}});
        assertValues(c.sum(), new int[] {}, 21);
        assertValues(c.mean(), new int[] {}, 3.5f);
        assertValues(c.sum(0, false), new int[] {3}, 5, 7, 9);
        assertValues(c.sum(1, true), new int[] {2, 1}, 9, 12);
        assertValues(c.mean(-1, false), new int[] {2}, 3, 4);
        assertValues(c.max(), new int[] {}, 6);
        assertValues(c.max(1, false), new int[] {2}, 5, 6);
        assertValues(c.max(0, true), new int[] {1, 3}, 4, 5, 6);
        assertEquals(5, c.argmax());
        assertValues(c.argmax(1, false), new int[] {2}, 1, 2);
        assertValues(c.argmax(0, true), new int[] {1, 3}, 1, 0, 1);
        Tensor x = Tensor.arange(24).reshape(2, 3, 4);
        // middle axis of [2, 3, 4]: element [i, k] = sum_j (12 i + 4 j + k) = 36 i + 12 + 3 k
        assertValues(x.sum(1, false), new int[] {2, 4}, 12, 15, 18, 21, 48, 51, 54, 57);
    }

    @Test
    public void comparisonsWhereAndMask() {
        Tensor x = Tensor.of(new float[] {-1, 2, 0, 3}, 4);
        Tensor y = Tensor.of(new float[] {0, 2, 1, 1}, 4);
        assertValues(x.gt(y), new int[] {4}, 0, 0, 0, 1);
        assertValues(x.lt(y), new int[] {4}, 1, 0, 1, 0);
        assertValues(x.eq(y), new int[] {4}, 0, 1, 0, 0);
        assertValues(x.gt(0), new int[] {4}, 0, 1, 0, 1);
        assertValues(Tensor.where(x.gt(0), x, Tensor.scalar(-9)), new int[] {4}, -9, 2, -9, 3);
        assertValues(x.mul(x.gt(0)), new int[] {4}, 0, 2, 0, 3);
    }

    @Test
    public void sliceAndIndexSelectRows() {
        Tensor x = Tensor.arange(12).reshape(4, 3);
        assertValues(x.slice(1, 3), new int[] {2, 3}, 3, 4, 5, 6, 7, 8);
        assertValues(x.slice(2, 2), new int[] {0, 3});
        assertValues(x.index(new int[] {3, 0, 3}), new int[] {3, 3}, 9, 10, 11, 0, 1, 2, 9, 10, 11);
        try {
            x.index(new int[] {4});
            fail();
        } catch (IndexOutOfBoundsException e) {
            assertTrue(e.getMessage().contains("row 4"));
        }
    }

    @Test
    public void creation() {
        assertValues(Tensor.arange(4), new int[] {4}, 0, 1, 2, 3);
        assertValues(Tensor.arange(-1, 1, 0.5), new int[] {4}, -1, -0.5f, 0, 0.5f);
        assertValues(Tensor.arange(3, 0, -1), new int[] {3}, 3, 2, 1);
        assertValues(Tensor.zerosLike(Tensor.ones(2, 2)), new int[] {2, 2}, 0, 0, 0, 0);
        Tensor r1 = Tensor.rand(new Random(42), 1000);
        assertTrue(r1.sameValues(Tensor.rand(new Random(42), 1000)));
        assertTrue(r1.max().item() < 1f && -r1.neg().max().item() >= 0f);
        assertEquals(0.5, r1.mean().item(), 0.05);
        Tensor n = Tensor.randn(new Random(1), 20000);
        assertEquals(0, n.mean().item(), 0.03);
        assertEquals(1, n.pow(2).mean().item(), 0.05);
        assertTrue(n.sameValues(Tensor.randn(new Random(1), 20000)));
    }

    @Test
    public void toStringIsReadable() {
        String s = Tensor.of(new double[][] {{1, 2}, {3, 4.5}}).toString();
        assertEquals("tensor([[1., 2.],\n        [3., 4.500]], shape=[2, 2])", s);
    }
}
