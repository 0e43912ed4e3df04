package io.neuronlab.mllib.cli;

import io.neuronlab.mllib.data.Dataset;
import io.neuronlab.mllib.data.Mnist;
import io.neuronlab.mllib.interop.BookDeepConvNet;
import io.neuronlab.mllib.interop.BookReference;
import io.neuronlab.mllib.io.ModelFile;
import io.neuronlab.mllib.io.ModelSerializer;
import io.neuronlab.mllib.nn.Sequential;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * {@code import --from deep_convnet_params.pkl --net deepcnn --out M.nlmf}: the written model gives what the pickle
 * loaded in memory gives (bit for bit), and hostile pickles get one line on stderr, no stack trace, no file.
 * The pickle here is written by Python ({@code src/test/resources/pickle/small.p*.pkl}) or cut and damaged from it.
 */
public class BookPickleImportTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static void assertOneLineError(CliRun r, int code, String contains) {
        assertEquals(r.toString(), code, r.exitCode);
        assertTrue(r.toString(), r.err.startsWith("mllib import: "));
        assertTrue(r.toString(), r.err.contains(contains));
        assertFalse(r.toString(), r.err.contains("\tat "));
        assertFalse(r.toString(), r.err.contains("Exception"));
    }

    @Test
    public void theBooksPickleBecomesAModelFileThatPredictsTheSame() throws Exception {
        File pkl = new File(BookReference.fixtures(), "deep_convnet_params.p4.pkl");
        File out = new File(tmp.getRoot(), "deepcnn-book.nlmf");
        CliRun r = CliRun.run("import", "--from", pkl.getPath(), "--net", "deepcnn", "--out", out.getPath());
        assertEquals(r.toString(), 0, r.exitCode);
        assertTrue(r.out, r.out.contains("deepcnn: ") && r.out.contains("folded into fc2"));
        Sequential loaded = new ModelSerializer().build(ModelFile.read(out), out.getPath());
        Sequential direct = BookDeepConvNet.read(pkl);
        Dataset images = Mnist.test(new File(System.getProperty(Mnist.DIR_PROPERTY, ".cache/mnist"))).subset(0, 20);
        assertArrayEquals(direct.forward(images.inputs()).data(), loaded.forward(images.inputs()).data(), 0f);
    }

    @Test
    public void hostileOrWrongPicklesGetOneLineAndNoFile() throws IOException {
        byte[] good = Files.readAllBytes(new File("src/test/resources/pickle/small.p3.pkl").toPath());
        File out = new File(tmp.getRoot(), "m.nlmf");

        File cut = tmp.newFile("cut.pkl");
        Files.write(cut.toPath(), Arrays.copyOf(good, good.length / 2));
        assertOneLineError(CliRun.run("import", "--from", cut.getPath(), "--net", "deepcnn", "--out", out.getPath()), 1,
            "truncated");

        File evil = tmp.newFile("evil.pkl");
        Files.write(evil.toPath(), "\u0080\u0002cos\nsystem\nX\u0002\u0000\u0000\u0000id\u0085R.".getBytes("ISO-8859-1"));
        assertOneLineError(CliRun.run("import", "--from", evil.getPath(), "--net", "deepcnn", "--out", out.getPath()), 1,
            "refuses the global os.system");

        File small = tmp.newFile("small.pkl"); // a valid pickle, but not the book's parameters
        Files.write(small.toPath(), good);
        assertOneLineError(CliRun.run("import", "--from", small.getPath(), "--net", "deepcnn", "--out", out.getPath()), 1,
            "missing [W1, b1");

        assertOneLineError(CliRun.run("import", "--from", small.getPath(), "--net", "resnet18", "--out", out.getPath()), 2,
            "--net deepcnn");
        assertOneLineError(CliRun.run("import", "--from", small.getPath(), "--net", "deepcnn", "--input", "cifar",
            "--out", out.getPath()), 2, "28x28x1");
        assertFalse(out.exists());
    }
}
