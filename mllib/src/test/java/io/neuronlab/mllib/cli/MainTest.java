package io.neuronlab.mllib.cli;

import io.neuronlab.mllib.io.LayerSpec;
import io.neuronlab.mllib.io.ModelFile;
import io.neuronlab.mllib.io.TrainingMetadata;
import io.neuronlab.mllib.tensor.Tensor;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

public class MainTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void globalHelpListsEveryCommand() {
        CliRun r = CliRun.run("--help");
        assertEquals(r.toString(), 0, r.exitCode);
        for (Command c : Main.commands()) {
            assertTrue(c.name(), r.out.contains("  " + c.name() + " "));
            CliRun help = CliRun.run(c.name(), "--help");
            assertEquals(help.toString(), 0, help.exitCode);
            assertTrue(help.out, help.out.startsWith("usage: java -jar mllib.jar " + c.name()));
            for (Option o : c.options()) {
                assertTrue(o.name(), help.out.contains("--" + o.name()));
            }
        }
        assertEquals(CliRun.run("help", "info").out, CliRun.run("info", "--help").out);
    }

    @Test
    public void usageErrorsExitWithTwoAndSayWhatToDo() {
        CliRun none = CliRun.run();
        assertEquals(2, none.exitCode);
        assertTrue(none.err.contains("usage: java -jar mllib.jar <command>"));

        CliRun unknown = CliRun.run("trian");
        assertEquals(2, unknown.exitCode);
        assertTrue(unknown.err, unknown.err.startsWith("mllib: unknown command 'trian'; commands are train, eval, predict, demo, info, gradcheck, bench, export-tflite"));

        CliRun badOption = CliRun.run("info", "--modle", "x");
        assertEquals(2, badOption.exitCode);
        assertTrue(badOption.err, badOption.err.startsWith("mllib info: unknown option --modle; options are --model"));
        assertTrue(badOption.err.contains("Run 'java -jar mllib.jar info --help'"));

        CliRun missing = CliRun.run("info");
        assertEquals(2, missing.exitCode);
        assertTrue(missing.err, missing.err.startsWith("mllib info: missing --model FILE"));

        CliRun noValue = CliRun.run("info", "--model");
        assertEquals(2, noValue.exitCode);
        assertTrue(noValue.err, noValue.err.startsWith("mllib info: --model needs a value: --model FILE"));
    }

    @Test
    public void infoDescribesARealModelFile() throws IOException {
        File f = new File(tmp.getRoot(), "tiny.nlmf");
        tinyModel().save(f);
        CliRun r = CliRun.run("info", "--model=" + f.getPath());
        assertEquals(r.toString(), 0, r.exitCode);
        assertTrue(r.out, r.out.contains(" 0 fc1        Linear(in=2, out=3)"));
        assertTrue(r.out, r.out.contains("fc1.weight [3, 2]"));
        assertTrue(r.out, r.out.contains("values: 9\n"));
        assertTrue(r.out, r.out.contains("accuracy: 0.7500\n"));
        assertTrue(r.out, r.out.contains("optimizer: sgd\n"));
    }

    @Test
    public void damagedOrMissingModelFilesFailWithExitOne() throws IOException {
        File f = new File(tmp.getRoot(), "tiny.nlmf");
        byte[] bytes = tinyModel().toBytes();
        Files.write(f.toPath(), Arrays.copyOf(bytes, bytes.length - 5));
        CliRun r = CliRun.run("info", "--model", f.getPath());
        assertEquals(r.toString(), 1, r.exitCode);
        assertEquals("mllib info: error: model file " + f.getPath() + ": truncated: the header announces a payload of "
            + (bytes.length - 14) + " bytes but only " + (bytes.length - 15) + " follow (was the file cut off while copying?)\n", r.err);

        CliRun gone = CliRun.run("info", "--model", new File(tmp.getRoot(), "gone.nlmf").getPath());
        assertEquals(1, gone.exitCode);
        assertTrue(gone.err, gone.err.contains("gone.nlmf does not exist"));
    }

    static ModelFile tinyModel() {
        List<LayerSpec> layers = new ArrayList<>();
        layers.add(new LayerSpec("fc1", "Linear").with("in", 2).with("out", 3));
        Map<String, Tensor> t = new LinkedHashMap<>();
        t.put("fc1.weight", Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 3, 2));
        t.put("fc1.bias", Tensor.zeros(3));
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("optimizer", "sgd");
        return new ModelFile(layers, t, new TrainingMetadata("mnist", 1, 0.75f, 7, "train", extra));
    }
}
