package io.neuronlab.mllib.bench;

import io.neuronlab.mllib.DesktopOnly;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code scripts/bench-pytorch.py} (the same LeNet-bench in PyTorch, plus numpy's GEMM) and parses its
 * {@code name: value unit} lines.
 */
@DesktopOnly
final class PyTorchBaseline {
    private PyTorchBaseline() {
    }

    /** True when {@code python} exists and can import the module. */
    static boolean hasModule(String python, String module) {
        if (!new File(python).canExecute()) {
            return false;
        }
        try {
            Process p = new ProcessBuilder(python, "-c", "import " + module).redirectErrorStream(true).start();
            drain(p);
            return p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The script: an explicit file, else {@code scripts/bench-pytorch.py} under the working directory or the repo holding the jar. */
    static File findScript(File explicit) {
        if (explicit != null) {
            return explicit.isFile() ? explicit : null;
        }
        List<File> candidates = new ArrayList<>();
        candidates.add(new File("scripts/bench-pytorch.py"));
        try {
            File code = new File(Bench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // mllib/target/mllib.jar or mllib/target/classes → the repository root is three levels up
            File repo = code.getAbsoluteFile().getParentFile().getParentFile().getParentFile();
            candidates.add(new File(repo, "scripts/bench-pytorch.py"));
        } catch (Exception ignored) {
            // no code source (unusual class loader): only the working directory is tried
        }
        for (File f : candidates) {
            if (f.isFile()) {
                return f;
            }
        }
        return null;
    }

    /** Runs the script with {@code args}; returns name → value, and the raw lines in {@code raw}. */
    static Map<String, String> run(String python, File script, List<String> args, List<String> raw)
        throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(python);
        cmd.add(script.getPath());
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        Process p = pb.start();
        Map<String, String> values = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                raw.add(line);
                int colon = line.indexOf(": ");
                if (colon > 0 && line.indexOf(' ') > colon) {
                    String rest = line.substring(colon + 2).trim();
                    int space = rest.indexOf(' ');
                    values.put(line.substring(0, colon), space < 0 ? rest : rest.substring(0, space));
                }
            }
        }
        if (!p.waitFor(30, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException(script + " did not finish within 30 minutes");
        }
        if (p.exitValue() != 0) {
            StringBuilder tail = new StringBuilder();
            for (int i = Math.max(0, raw.size() - 10); i < raw.size(); i++) {
                tail.append("\n  ").append(raw.get(i));
            }
            throw new IOException(script + " exited with " + p.exitValue() + ":" + tail);
        }
        return values;
    }

    static double number(Map<String, String> values, String key) {
        String v = values.get(key);
        if (v == null) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static void drain(Process p) throws IOException {
        byte[] buf = new byte[4096];
        while (p.getInputStream().read(buf) >= 0) {
            // discard
        }
    }
}
