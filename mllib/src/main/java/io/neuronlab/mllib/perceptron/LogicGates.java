package io.neuronlab.mllib.perceptron;

/**
 * Logic gates as perceptrons, with the book's parameters. AND, NAND and OR are one perceptron each (their
 * 0/1 outputs are split by a straight line); XOR is not, and needs two layers: XOR = AND(NAND, OR).
 */
public final class LogicGates {
    private static final Perceptron AND = new Perceptron(new float[] {0.5f, 0.5f}, -0.7f);
    private static final Perceptron NAND = new Perceptron(new float[] {-0.5f, -0.5f}, 0.7f);
    private static final Perceptron OR = new Perceptron(new float[] {0.5f, 0.5f}, -0.2f);

    private LogicGates() {
    }

    public static Perceptron andGate() {
        return AND;
    }

    public static Perceptron nandGate() {
        return NAND;
    }

    public static Perceptron orGate() {
        return OR;
    }

    public static int and(int x1, int x2) {
        return AND.output(x1, x2);
    }

    public static int nand(int x1, int x2) {
        return NAND.output(x1, x2);
    }

    public static int or(int x1, int x2) {
        return OR.output(x1, x2);
    }

    /** Two layers: s1 = NAND(x1, x2), s2 = OR(x1, x2), y = AND(s1, s2). */
    public static int xor(int x1, int x2) {
        int s1 = NAND.output(x1, x2);
        int s2 = OR.output(x1, x2);
        return AND.output(s1, s2);
    }
}
