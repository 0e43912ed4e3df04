package io.neuronlab.mllib.bench;

import io.neuronlab.mllib.DesktopOnly;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Which BLAS each baseline actually ran, as {@code scripts/bench-pytorch.py} read it off its own process
 * ({@code /proc/self/maps}, OpenBLAS's {@code openblas_get_corename}, threadpoolctl when installed), and whether a
 * ratio against it means anything: Debian's PyTorch and numpy call the system {@code libblas.so.3}, which is the
 * reference BLAS (a few GFLOP/s) unless an optimized one is installed; a ratio against that is not a comparison.
 */
@DesktopOnly
final class BlasInfo {
    private static final String[] PREFIXES = {"baseline.env:", "numpy.blas:", "torch.blas:", "openblas.blas:",
        "threadpoolctl"};

    private final List<String> lines = new ArrayList<>();
    private final String numpyKind;
    private final String torchKind;
    private final String openblasKind;

    private BlasInfo(List<String> raw) {
        String numpy = "";
        String torch = "";
        String openblas = "";
        for (String line : raw) {
            for (String prefix : PREFIXES) {
                if (line.startsWith(prefix)) {
                    lines.add(line);
                }
            }
            if (line.startsWith("numpy.blas:")) {
                numpy = kind(line);
            } else if (line.startsWith("torch.blas:")) {
                torch = kind(line);
            } else if (line.startsWith("openblas.blas:")) {
                openblas = kind(line);
            }
        }
        numpyKind = numpy;
        torchKind = torch;
        openblasKind = openblas;
    }

    /** Reads the BLAS lines of one run of the script (its raw output). */
    static BlasInfo from(List<String> raw) {
        return new BlasInfo(raw);
    }

    /** The first word after the colon: openblas, mkl, reference, none-mapped, ... */
    private static String kind(String line) {
        String rest = line.substring(line.indexOf(':') + 1).trim();
        int end = 0;
        while (end < rest.length() && !Character.isWhitespace(rest.charAt(end)) && rest.charAt(end) != ';') {
            end++;
        }
        return rest.substring(0, end);
    }

    /** Echoes what the script found, so every figure below can be read against the library that produced it. */
    void print(PrintStream out) {
        for (String line : lines) {
            out.println(line);
        }
        out.flush();
    }

    String numpyKind() {
        return numpyKind;
    }

    String torchKind() {
        return torchKind;
    }

    String openblasKind() {
        return openblasKind;
    }

    /** "" when a ratio against PyTorch is a comparison, else why it is not. */
    String torchCaveat() {
        return caveat("PyTorch", torchKind);
    }

    String numpyCaveat() {
        return caveat("numpy", numpyKind);
    }

    String openblasCaveat() {
        return openblasKind.equals("openblas") ? "" : caveat("the OpenBLAS column", openblasKind);
    }

    static String caveat(String who, String kind) {
        if (kind.equals("reference")) {
            return " -- NOT a valid comparison: " + who + " ran the reference BLAS (apt-get install libopenblas0-pthread)";
        }
        if (kind.isEmpty() || kind.equals("unknown") || kind.equals("none-mapped")) {
            return " -- unverified: " + who + "'s BLAS was not identified";
        }
        return "";
    }
}
