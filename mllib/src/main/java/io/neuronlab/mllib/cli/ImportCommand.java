package io.neuronlab.mllib.cli;

import io.neuronlab.mllib.DesktopOnly;
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

/** {@code import --from W.safetensors --net resnet18 --out M.nlmf}: PyTorch weights into an mllib model file. */
@DesktopOnly
final class ImportCommand implements Command {
    @Override
    public String name() {
        return "import";
    }

    @Override
    public String summary() {
        return "PyTorch weights (.safetensors with torchvision's names) into a model file";
    }

    @Override
    public String details() {
        return "In PyTorch: safetensors.torch.save_file(model.state_dict(), 'weights.safetensors') (or scripts/torch-reference.py's\n"
            + "writer). Every tensor must match --net's layer names and shapes; nothing is written otherwise.";
    }

    @Override
    public List<Option> options() {
        List<Option> o = new ArrayList<>();
        o.add(Option.value("from", "FILE", null, "safetensors file with a PyTorch state dict (required)"));
        o.add(Option.value("net", "NAME", null, "architecture: " + String.join(", ", Architectures.names()) + " (required)"));
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
        Architectures.Architecture a;
        try {
            a = Architectures.byName(args.required("net"));
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
}
