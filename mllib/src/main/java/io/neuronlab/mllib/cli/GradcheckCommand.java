package io.neuronlab.mllib.cli;

import io.neuronlab.mllib.DesktopOnly;
import io.neuronlab.mllib.gradient.GradientChecker;
import io.neuronlab.mllib.init.Xavier;
import io.neuronlab.mllib.loss.SoftmaxCrossEntropy;
import io.neuronlab.mllib.nn.AvgPool2d;
import io.neuronlab.mllib.nn.Conv2d;
import io.neuronlab.mllib.nn.Flatten;
import io.neuronlab.mllib.nn.Linear;
import io.neuronlab.mllib.nn.Sequential;
import io.neuronlab.mllib.nn.Sigmoid;
import io.neuronlab.mllib.nn.Tanh;
import io.neuronlab.mllib.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * {@code gradcheck}: the book's gradient check on a small network, printed per parameter. Smooth layers
 * (tanh, sigmoid, average pooling) keep the finite differences away from kinks, so a large error means a
 * wrong backward, not an unlucky input.
 */
@DesktopOnly
final class GradcheckCommand implements Command {
    @Override
    public String name() {
        return "gradcheck";
    }

    @Override
    public String summary() {
        return "compare backprop gradients with numerical ones on a small network";
    }

    @Override
    public String details() {
        return "Networks:\n"
            + "  cnn  Conv2d(1→3, 3×3, pad 1) → Tanh → AvgPool2d(2) → Flatten → Linear(27→10), on 4 images 6×6\n"
            + "  mlp  Linear(20→16) → Sigmoid → Linear(16→10), on 4 vectors\n"
            + "both followed by softmax cross-entropy. Prints 'max relative error: X' and fails (exit 1) above --tolerance.\n"
            + "Finite differences in float32 leave relative errors of a few 1e-3 from rounding; a wrong backward gives errors near 1.";
    }

    @Override
    public List<Option> options() {
        List<Option> o = new ArrayList<>();
        o.add(Option.value("net", "cnn|mlp", "cnn", "network to check"));
        o.add(Option.value("seed", "N", "1", "seed of weights, inputs and labels"));
        o.add(Option.value("tolerance", "X", "1e-2", "largest acceptable relative error"));
        return o;
    }

    @Override
    public int run(Args args, Console console) throws UsageException {
        String net = args.choice("net", "cnn", "mlp");
        long seed = args.longValue("seed");
        double tolerance = args.doubleValue("tolerance");
        if (!args.positional().isEmpty()) {
            throw new UsageException("gradcheck takes no arguments, got " + args.positional());
        }
        Random random = new Random(seed);
        Sequential model;
        Tensor input;
        if (net.equals("cnn")) {
            model = new Sequential()
                .add("conv", new Conv2d(1, 3, 3, 1, 1, new Xavier(), random))
                .add("tanh", new Tanh())
                .add("pool", new AvgPool2d(2, 2))
                .add("flatten", new Flatten())
                .add("fc", new Linear(27, 10, new Xavier(), random));
            input = gaussian(random, 4, 1, 6, 6);
        } else {
            model = new Sequential()
                .add("fc1", new Linear(20, 16, new Xavier(), random))
                .add("sigmoid", new Sigmoid())
                .add("fc2", new Linear(16, 10, new Xavier(), random));
            input = gaussian(random, 4, 20);
        }
        float[] labels = new float[4];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = random.nextInt(10);
        }
        GradientChecker.Report report = new GradientChecker().check(model, new SoftmaxCrossEntropy(), input,
            Tensor.of(labels, 4));
        console.out().println("network: " + net + " " + model);
        console.out().println(report);
        double max = report.maxRelativeError();
        console.out().println(String.format(Locale.ROOT, "max relative error: %.3e", max));
        if (!(max <= tolerance)) {
            console.err().println(String.format(Locale.ROOT,
                "mllib gradcheck: FAILED: max relative error %.3e is above the tolerance %.1e", max, tolerance));
            return 1;
        }
        console.out().println("gradient check passed (tolerance " + args.get("tolerance") + ")");
        return 0;
    }

    private static Tensor gaussian(Random random, int... shape) {
        Tensor t = Tensor.zeros(shape);
        float[] d = t.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) random.nextGaussian();
        }
        return t;
    }
}
