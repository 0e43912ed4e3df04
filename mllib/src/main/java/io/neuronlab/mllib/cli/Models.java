package io.neuronlab.mllib.cli;

import io.neuronlab.mllib.DesktopOnly;
import io.neuronlab.mllib.digits.DigitRecognizer;
import io.neuronlab.mllib.digits.PairModel;
import io.neuronlab.mllib.io.ModelFile;
import io.neuronlab.mllib.io.ModelSerializer;
import io.neuronlab.mllib.nn.Sequential;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Loading model files for the commands, with failures turned into one-line errors. */
@DesktopOnly
final class Models {
    private Models() {
    }

    static ModelFile readFile(File file) throws CommandFailedException {
        try {
            return ModelFile.read(file);
        } catch (IOException e) {
            throw new CommandFailedException(e.getMessage(), e);
        }
    }

    /** The option naming the "one or two touching digits" network ({@link PairModel}) of the digit commands. */
    static final String PAIR_FILE = "pairs.nlmf";
    static final Option PAIR_MODEL = Option.value("pair-model", "FILE", null,
        "the 'one or two touching digits' network (default: " + PAIR_FILE + " beside --model, if there; 'none': without)");

    /**
     * The digit recogniser for {@code model} (loaded from {@code modelFile}) with its pair network: --pair-model,
     * else {@value #PAIR_FILE} in the model's directory (the app's assets hold both), else none.
     */
    static DigitRecognizer recognizer(Sequential model, File modelFile, Args args) throws CommandFailedException {
        String given = args.get("pair-model");
        if ("none".equals(given)) return new DigitRecognizer(model);
        File pairs = given != null ? new File(given) : new File(modelFile.getAbsoluteFile().getParentFile(), PAIR_FILE);
        if (given == null && !pairs.isFile()) return new DigitRecognizer(model);
        try (InputStream in = new FileInputStream(pairs)) {
            return new DigitRecognizer(model, PairModel.load(in, pairs.getPath()));
        } catch (IOException e) {
            throw new CommandFailedException(e.getMessage(), e);
        }
    }

    /** The network a model file describes, in evaluation mode. */
    static Sequential load(File file) throws CommandFailedException {
        try {
            return new ModelSerializer().build(ModelFile.read(file), file.getPath());
        } catch (IOException e) {
            throw new CommandFailedException(e.getMessage(), e);
        }
    }
}
