package io.neuronlab.mllib.cli;

import io.neuronlab.mllib.DesktopOnly;
import io.neuronlab.mllib.interop.TorchNames;
import io.neuronlab.mllib.nn.Sequential;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** {@code export-safetensors --model M.nlmf --out W.safetensors}: a model's weights with PyTorch's names and layouts. */
@DesktopOnly
final class ExportSafetensorsCommand implements Command {
    @Override
    public String name() {
        return "export-safetensors";
    }

    @Override
    public String summary() {
        return "a model file's weights as .safetensors with PyTorch's names (load_state_dict-ready)";
    }

    @Override
    public String details() {
        return "In PyTorch: model.load_state_dict(safetensors.torch.load_file('weights.safetensors')) into the torchvision\n"
            + "module of the same architecture. Linear weights are transposed to PyTorch's [out, in].";
    }

    @Override
    public List<Option> options() {
        List<Option> o = new ArrayList<>();
        o.add(Option.value("model", "FILE", null, "model file (.nlmf) to export (required)"));
        o.add(Option.value("out", "FILE", null, "safetensors file to write (required)"));
        return o;
    }

    @Override
    public int run(Args args, Console console) throws UsageException, CommandFailedException {
        if (!args.positional().isEmpty()) {
            throw new UsageException("export-safetensors takes no arguments, got " + args.positional());
        }
        File modelFile = args.file("model");
        File out = args.file("out");
        Sequential model = Models.load(modelFile);
        try {
            TorchNames.stateDict(model, Collections.singletonMap("format", "pt")).write(out);
        } catch (IllegalArgumentException e) {
            throw new CommandFailedException("cannot export " + modelFile + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new CommandFailedException("cannot write " + out + ": " + e.getMessage(), e);
        }
        console.out().println("wrote " + out + " (" + out.length() + " bytes, " + model.parameters().size() + " parameter tensors)");
        return 0;
    }
}
