package io.neuronlab.mllib.tflite;

import static org.junit.Assert.assertEquals;
import static org.junit.Assume.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Runs {@code scripts/armnn-check.py} (Arm NN's TfLiteParser on the CpuRef backend, a second runtime that
 * shares no code with TFLite or mllib) on a model and asserts it reproduces mllib's output.
 * Locally a missing Arm NN skips the check; in CI (environment CI=true) it fails the test instead.
 */
final class ArmnnCheck {
    private static final String PYTHON = "/usr/bin/python3";

    private ArmnnCheck() {
    }

    /** Returns the script's report; fails the test when Arm NN disagrees with {@code expected}. */
    static String check(byte[] model, float[] inputNhwc, float[] expected, File dir) throws Exception {
        return check(model, inputNhwc, expected, dir, 1e-5f);
    }

    /** As above with the largest absolute difference allowed (deep networks sum more rounding than LeNet). */
    static String check(byte[] model, float[] inputNhwc, float[] expected, File dir, float tolerance) throws Exception {
        Object[] run = run(model, inputNhwc, expected, dir, tolerance);
        assertEquals("armnn-check.py failed:\n" + run[1], 0, (int) run[0]);
        return (String) run[1];
    }

    /** The script's report on a model Arm NN is expected to refuse (exit code 1); fails the test if it ran it. */
    static String refusal(byte[] model, float[] inputNhwc, float[] expected, File dir) throws Exception {
        Object[] run = run(model, inputNhwc, expected, dir, 1e-4f);
        assertEquals("armnn-check.py was expected to refuse the model:\n" + run[1], 1, (int) run[0]);
        return (String) run[1];
    }

    /** {exit code, report}; skips (fails in CI) when Arm NN is not installed. */
    private static Object[] run(byte[] model, float[] inputNhwc, float[] expected, File dir, float tolerance)
        throws Exception {
        File script = new File(projectRoot(), "scripts/armnn-check.py");
        File modelFile = write(new File(dir, "model.tflite"), model);
        File input = write(new File(dir, "input.f32"), littleEndian(inputNhwc));
        File want = write(new File(dir, "expected.f32"), littleEndian(expected));
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        if (!new File(PYTHON).canExecute()) {
            requireInCi(ci, PYTHON + " not found: install Debian's python3-pyarmnn to run the Arm NN check");
        }
        Process p = new ProcessBuilder(PYTHON, script.getPath(), modelFile.getPath(), input.getPath(), want.getPath(),
                "--tol", Float.toString(tolerance))
            .redirectErrorStream(true).start();
        String report = read(p.getInputStream());
        int code = p.waitFor();
        System.out.print(report);
        if (code == 3) {
            requireInCi(ci, "Arm NN not installed: " + report);
        }
        return new Object[] {code, report};
    }

    private static void requireInCi(boolean ci, String message) {
        if (ci) {
            throw new AssertionError(message);
        }
        assumeTrue(message, false);
    }

    static File projectRoot() {
        File dir = new File(System.getProperty("user.dir")).getAbsoluteFile();
        while (dir != null && !new File(dir, "scripts/armnn-check.py").isFile()) {
            dir = dir.getParentFile();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find scripts/armnn-check.py above " + System.getProperty("user.dir"));
        }
        return dir;
    }

    private static byte[] littleEndian(float[] values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        return b.array();
    }

    private static File write(File f, byte[] bytes) throws IOException {
        try (FileOutputStream out = new FileOutputStream(f)) {
            out.write(bytes);
        }
        return f;
    }

    private static String read(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        for (int n; (n = in.read(buf)) > 0; ) {
            out.write(buf, 0, n);
        }
        return new String(out.toByteArray(), StandardCharsets.UTF_8);
    }
}
