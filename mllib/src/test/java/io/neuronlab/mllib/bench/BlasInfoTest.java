package io.neuronlab.mllib.bench;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.Test;

/** Ratios against a baseline that ran the reference BLAS are flagged; ones against OpenBLAS or MKL are not. */
public class BlasInfoTest {
    @Test
    public void referenceBlasMakesTheRatiosInvalid() {
        BlasInfo info = BlasInfo.from(Arrays.asList(
            "baseline.env: removed OPENBLAS_CORETYPE=Haswell; OMP_NUM_THREADS=OPENBLAS_NUM_THREADS=MKL_NUM_THREADS=1",
            "numpy.blas: reference path=/usr/lib/x86_64-linux-gnu/blas/libblas.so.3",
            "torch.blas: reference path=/usr/lib/x86_64-linux-gnu/blas/libblas.so.3",
            "torch.gemm.512: 5.70 GFLOP/s",
            "openblas.blas: openblas 0.3.21 core=Haswell threads=1 path=/x/libopenblas.so.0"));
        assertEquals("reference", info.torchKind());
        assertTrue(info.torchCaveat(), info.torchCaveat().contains("NOT a valid comparison"));
        assertTrue(info.numpyCaveat().contains("NOT a valid comparison"));
        assertEquals("", info.openblasCaveat());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        info.print(new PrintStream(bytes, true));
        String printed = new String(bytes.toByteArray(), StandardCharsets.UTF_8);
        assertTrue(printed, printed.contains("removed OPENBLAS_CORETYPE=Haswell"));
        assertTrue(printed.contains("core=Haswell"));
        assertTrue("figures are not echoed as BLAS lines", !printed.contains("GFLOP/s"));
    }

    @Test
    public void optimizedBlasIsAComparisonAndAMissingOneIsUnverified() {
        BlasInfo info = BlasInfo.from(Arrays.asList(
            "numpy.blas: openblas 0.3.21 core=Cooperlake threads=2 path=/usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3",
            "torch.blas: mkl (built into torch); also mapped: none-mapped"));
        assertEquals("", info.torchCaveat());
        assertEquals("", info.numpyCaveat());
        assertTrue(info.openblasCaveat(), info.openblasCaveat().contains("unverified"));
    }
}
