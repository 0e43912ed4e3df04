package io.neuronlab.app.lessons.widgets;

import io.neuronlab.mllib.perceptron.LogicGates;
import io.neuronlab.mllib.perceptron.Perceptron;
import java.util.ArrayList;
import java.util.List;

/** Lesson 2's numbers: a perceptron's truth table from mllib, and which gates it equals. */
public final class PerceptronDemo {
    /** The four inputs, in truth-table order. */
    public static final int[][] INPUTS = {{0, 0}, {1, 0}, {0, 1}, {1, 1}};

    private PerceptronDemo() {
    }

    /** Outputs of mllib's {@link Perceptron} for {@link #INPUTS}. */
    public static int[] truthTable(double w1, double w2, double b) {
        Perceptron p = new Perceptron(new float[] {(float) w1, (float) w2}, (float) b);
        int[] out = new int[INPUTS.length];
        for (int i = 0; i < INPUTS.length; i++) {
            out[i] = p.output(INPUTS[i][0], INPUTS[i][1]);
        }
        return out;
    }

    /** Names of the gates (AND, NAND, OR, XOR) whose truth table this is; mllib's gates give the reference. */
    public static List<String> matchingGates(int[] table) {
        List<String> names = new ArrayList<>();
        String[] gates = {"AND", "NAND", "OR", "XOR"};
        for (String gate : gates) {
            boolean same = true;
            for (int i = 0; i < INPUTS.length; i++) {
                same &= table[i] == gate(gate, INPUTS[i][0], INPUTS[i][1]);
            }
            if (same) {
                names.add(gate);
            }
        }
        return names;
    }

    /** mllib's gate by name; XOR is the two-layer one. */
    public static int gate(String name, int x1, int x2) {
        switch (name) {
            case "AND":
                return LogicGates.and(x1, x2);
            case "NAND":
                return LogicGates.nand(x1, x2);
            case "OR":
                return LogicGates.or(x1, x2);
            case "XOR":
                return LogicGates.xor(x1, x2);
            default:
                throw new IllegalArgumentException("no gate " + name);
        }
    }
}
