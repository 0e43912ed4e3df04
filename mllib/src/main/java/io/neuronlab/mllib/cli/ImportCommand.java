package io.neuronlab.mllib.cli;

import io.neuronlab.mllib.DesktopOnly;
import io.neuronlab.mllib.interop.BookDeepConvNet;
import io.neuronlab.mllib.interop.Safetensors;
import io.neuronlab.mllib.interop.TorchNames;
import io.neuronlab.mllib.io.ModelSerializer;
import io.neuronlab.mllib.io.TrainingMetadata;
import io.neuronlab.mllib.models.Architectures;
import io.neuronlab.mllib.models.ImageInput;
import io.neuronlab.mllib.nn.Sequential;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code import --from W.safetensors --net resnet18 --out M.nlmf}: PyTorch weights into an mllib model file; and
 * {@code import --from deep_convnet_params.pkl --net deepcnn --out M.nlmf}: the book's chapter-8 pickle.
 */
@DesktopOnly
final class ImportCommand implements Command {
    /** The book's DeepConvNet, whose parameters come as a pickle rather than safetensors. */
    static final String BOOK_NET = "deepcnn";

    @Override
    public String name() {
        return "import";
    }

    @Override
    public String summary() {
        return "PyTorch weights (.safetensors with torchvision's names) or the book's DeepConvNet pickle into a model file";
    }

    @Override
    public String details() {
        return "In PyTorch: safetensors.torch.save_file(model.state_dict(), 'weights.safetensors') (or scripts/torch-reference.py's\n"
            + "writer). Every tensor must match --net's layer names and shapes; nothing is written otherwise.\n"
            + "--net " + BOOK_NET + " reads the book's chapter-8 pickle instead (deep_convnet_params.pkl: W1..W8, b1..b8;\n"
            + "protocols 2-5, numpy arrays only: any other Python global in the file is refused, nothing in it is run).\n"
            + "The book's test-time dropout (x * 0.5) is folded into fc2, so the model gives the book's logits.";
    }

    @Override
    public List<Option> options() {
        List<Option> o = new ArrayList<>();
        o.add(Option.value("from", "FILE", null, "safetensors file with a PyTorch state dict, or with --net " + BOOK_NET
            + " the book's .pkl (required)"));
        o.add(Option.value("net", "NAME", null, "architecture: " + String.join(", ", Architectures.names()) + ", or "
            + BOOK_NET + " (required)"));
        o.add(NetworkInputs.inputOption());
        o.add(NetworkInputs.classesOption());
        o.add(Option.value("out", "FILE", null, "model file (.nlmf) to write (required)"));
        return o;
    }

    @Override
    public int run(Args args, Console console) throws UsageException, CommandFailedException {
        if (!args.positional().isEmpty()) {
            throw new UsageException("import takes no arguments, got " + args.positional());
        }
        File from = args.file("from");
        File out = args.file("out");
        String netName = args.required("net");
        if (netName.equals(BOOK_NET)) {
            if ((args.has("input") && !args.get("input").equals("mnist")) || args.has("classes")) {
                throw new UsageException("--net " + BOOK_NET + " is the book's DeepConvNet: 28x28x1 MNIST input, 10 classes; "
                    + "drop --input/--classes");
            }
            return importBookPickle(from, out, args, console);
        }
        if (from.getName().endsWith(".pkl") || from.getName().endsWith(".pickle")) {
            throw new UsageException("--from " + from + " is a pickle: mllib reads the book's DeepConvNet pickle with --net "
                + BOOK_NET + "; other networks come as .safetensors");
        }
        Architectures.Architecture a;
        try {
            a = Architectures.byName(netName);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--net: " + e.getMessage());
        }
        ImageInput in = NetworkInputs.of(args);
        Sequential net = a.build(in);
        try {
            TorchNames.load(net, Safetensors.read(from), from.getPath());
        } catch (IOException | IllegalArgumentException e) {
            throw new CommandFailedException(e.getMessage(), e);
        }
        net.train(false);
        TrainingMetadata meta = new TrainingMetadata("", 0, Float.NaN, 0, args.commandLine(), null)
            .with("imported from", from.getName()).with("net", a.name())
            .with("input", in.size() + "x" + in.size() + "x" + in.channels());
        try {
            new ModelSerializer().save(net, meta, out);
        } catch (IOException e) {
            throw new CommandFailedException("cannot write " + out + ": " + e.getMessage(), e);
        }
        console.out().println(String.format(Locale.ROOT, "%s: %,d parameters from %s", a.name(),
            Architectures.parameterCount(net), from));
        console.out().println("wrote " + out + " (" + out.length() + " bytes)");
        return 0;
    }

    private int importBookPickle(File from, File out, Args args, Console console) throws CommandFailedException {
        Sequential net;
        try {
            net = BookDeepConvNet.read(from);
        } catch (IOException | IllegalArgumentException e) {
            throw new CommandFailedException(e.getMessage(), e);
        }
        TrainingMetadata meta = new TrainingMetadata("", 0, Float.NaN, 0, args.commandLine(), null)
            .with("imported from", from.getName()).with("net", BOOK_NET + " (the book's DeepConvNet pickle)")
            .with("input", "28x28x1");
        try {
            new ModelSerializer().save(net, meta, out);
        } catch (IOException e) {
            throw new CommandFailedException("cannot write " + out + ": " + e.getMessage(), e);
        }
        console.out().println(String.format(Locale.ROOT, "%s: %,d parameters from %s (the book's test-time dropout "
            + "folded into fc2)", BOOK_NET, Architectures.parameterCount(net), from));
        console.out().println("wrote " + out + " (" + out.length() + " bytes)");
        return 0;
    }
}
