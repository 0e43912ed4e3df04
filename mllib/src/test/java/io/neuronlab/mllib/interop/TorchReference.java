package io.neuronlab.mllib.interop;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assume.assumeTrue;

/**
 * Runs {@code scripts/torch-reference.py} with Debian's python3-torch and python3-torchvision. Locally a missing
 * torch skips the test; in CI (environment CI=true) it fails it, as the Arm NN check does.
 */
final class TorchReference {
    private static final String PYTHON = "/usr/bin/python3";

    private TorchReference() {
    }

    /** The fixtures directory, written once per build (target/torch-fixtures). */
    static synchronized File fixtures() throws Exception {
        File dir = new File("target/torch-fixtures").getAbsoluteFile();
        if (!new File(dir, "vgg11.logits.f32").isFile()) {
            run("fixtures", dir.getPath());
        }
        return dir;
    }

    static String run(String... args) throws Exception {
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        if (!new File(PYTHON).canExecute()) {
            skipOrFail(ci, PYTHON + " not found: install Debian's python3-torch and python3-torchvision");
        }
        List<String> cmd = new ArrayList<>(Arrays.asList(PYTHON, new File(projectRoot(), "scripts/torch-reference.py").getPath()));
        cmd.addAll(Arrays.asList(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String report = read(p.getInputStream());
        int code = p.waitFor();
        if (code == 3) {
            skipOrFail(ci, "PyTorch not installed: " + report);
        }
        assertEquals("torch-reference.py " + String.join(" ", args) + " failed:\n" + report, 0, code);
        return report;
    }

    private static void skipOrFail(boolean ci, String message) {
        if (ci) {
            throw new AssertionError(message);
        }
        assumeTrue(message, false);
    }

    static File projectRoot() {
        File dir = new File(System.getProperty("user.dir")).getAbsoluteFile();
        while (dir != null && !new File(dir, "scripts/torch-reference.py").isFile()) {
            dir = dir.getParentFile();
        }
        if (dir == null) {
            throw new IllegalStateException("scripts/torch-reference.py not found above " + System.getProperty("user.dir"));
        }
        return dir;
    }

    static float[] readFloats(File f) throws IOException {
        byte[] b = Files.readAllBytes(f.toPath());
        float[] v = new float[b.length / 4];
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        return v;
    }

    static void writeFloats(File f, float[] v) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(v);
        Files.write(f.toPath(), b.array());
    }

    private static String read(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toString("UTF-8");
    }
}
