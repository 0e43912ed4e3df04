package io.neuronlab.mllib.perceptron;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import org.junit.Test;

/** Truth tables, and why XOR needs a second layer. */
public class LogicGatesTest {
    private static final int[][] INPUTS = {{0, 0}, {1, 0}, {0, 1}, {1, 1}};

    @Test
    public void andGate() {
        assertTable(new int[] {0, 0, 0, 1}, LogicGates::and);
    }

    @Test
    public void nandGate() {
        assertTable(new int[] {1, 1, 1, 0}, LogicGates::nand);
    }

    @Test
    public void orGate() {
        assertTable(new int[] {0, 1, 1, 1}, LogicGates::or);
    }

    @Test
    public void xorAsTwoLayers() {
        assertTable(new int[] {0, 1, 1, 0}, LogicGates::xor);
    }

    @Test
    public void noSinglePerceptronOnAGridComputesXor() {
        // XOR's outputs are not linearly separable: searching weights and bias on a grid finds none
        for (int a = -20; a <= 20; a++) {
            for (int b = -20; b <= 20; b++) {
                for (int c = -20; c <= 20; c++) {
                    Perceptron p = new Perceptron(new float[] {a / 10f, b / 10f}, c / 10f);
                    boolean isXor = true;
                    int[] expected = {0, 1, 1, 0};
                    for (int i = 0; i < 4 && isXor; i++) {
                        isXor = p.output(INPUTS[i][0], INPUTS[i][1]) == expected[i];
                    }
                    assertFalse("weights " + a + ", " + b + " bias " + c, isXor);
                }
            }
        }
    }

    @Test(expected = IllegalArgumentException.class)
    public void wrongNumberOfInputsIsRejected() {
        LogicGates.andGate().output(1, 0, 1);
    }

    private interface Gate {
        int apply(int x1, int x2);
    }

    private static void assertTable(int[] expected, Gate gate) {
        for (int i = 0; i < 4; i++) {
            assertEquals("inputs " + INPUTS[i][0] + ", " + INPUTS[i][1], expected[i], gate.apply(INPUTS[i][0], INPUTS[i][1]));
        }
    }
}
