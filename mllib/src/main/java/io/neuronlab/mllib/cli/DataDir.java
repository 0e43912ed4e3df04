package io.neuronlab.mllib.cli;

import io.neuronlab.mllib.DesktopOnly;
import io.neuronlab.mllib.data.Dataset;
import io.neuronlab.mllib.data.Mnist;

import java.io.File;
import java.io.IOException;

/** Where the commands find MNIST: --data DIR, else $NEURONLAB_DATA, else -Dneuronlab.mnist.dir, else .cache/mnist. */
@DesktopOnly
final class DataDir {
    static final Option OPTION = Option.value("data", "DIR", null,
        "MNIST directory (default: $NEURONLAB_DATA, else .cache/mnist)");

    private DataDir() {
    }

    static File resolve(Args args, Console console) {
        String dir = args.get("data");
        if (dir == null || dir.isEmpty()) {
            dir = console.env().get("NEURONLAB_DATA");
        }
        if (dir == null || dir.isEmpty()) {
            dir = System.getProperty(Mnist.DIR_PROPERTY);
        }
        return new File(dir == null || dir.isEmpty() ? ".cache/mnist" : dir);
    }

    static Dataset testSet(Args args, Console console) throws CommandFailedException {
        File dir = resolve(args, console);
        try {
            return Mnist.test(dir);
        } catch (IOException e) {
            throw new CommandFailedException(e.getMessage() + hint(dir), e);
        }
    }

    static Dataset trainingSet(Args args, Console console) throws CommandFailedException {
        File dir = resolve(args, console);
        try {
            return Mnist.train(dir);
        } catch (IOException e) {
            throw new CommandFailedException(e.getMessage() + hint(dir), e);
        }
    }

    private static String hint(File dir) {
        return dir.isDirectory() ? "" : "; fetch it with scripts/fetch-mnist.sh " + dir.getPath() + " or pass --data DIR";
    }
}
