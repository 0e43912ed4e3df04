package io.neuronlab.mllib.cli;

import org.junit.Test;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

public class BenchCommandTest {
    @Test
    public void benchOptionsAreChecked() {
        CliRun r = CliRun.run("bench", "--threads", "two");
        assertEquals(2, r.exitCode);
        assertTrue(r.err, r.err.startsWith("mllib bench: --threads takes comma-separated whole numbers"));
        CliRun zero = CliRun.run("bench", "--gemm", "0");
        assertEquals(2, zero.exitCode);
        assertTrue(zero.err, zero.err.startsWith("mllib bench: --gemm values must be positive, got 0"));
    }
}
