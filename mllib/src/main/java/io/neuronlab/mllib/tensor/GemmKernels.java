package io.neuronlab.mllib.tensor;

/**
 * Chooses {@link Gemm}'s kernel once, at startup. The Vector API kernel ({@code VectorGemmKernel}, desktop only) is
 * loaded by name, never referenced, so Android code (ART has no {@code jdk.incubator.vector}) never links it; it is
 * used when the JVM was started with {@code --add-modules jdk.incubator.vector} (the CLI launcher does that) and the
 * system property {@code neuronlab.gemm} is not {@code plain}. Everything else gets the plain-Java {@link GemmKernel}.
 */
final class GemmKernels {
    static final String VECTOR_CLASS = "io.neuronlab.mllib.tensor.VectorGemmKernel";

    private static final RectangleKernel PLAIN = new RectangleKernel() {
        @Override
        public void multiply(boolean transA, boolean transB, int i0, int i1, int j0, int j1, int k, float alpha,
                             float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb,
                             float beta, float[] c, int cOffset, int ldc) {
            GemmKernel.multiply(transA, transB, i0, i1, j0, j1, k, alpha, a, aOffset, lda, b, bOffset, ldb,
                beta, c, cOffset, ldc, GemmKernel.workspace());
        }

        @Override
        public String name() {
            return "plain";
        }
    };

    private GemmKernels() {
    }

    static RectangleKernel plain() {
        return PLAIN;
    }

    /** The Vector API kernel, or null when this JVM cannot run it (Android, or no jdk.incubator.vector module). */
    static RectangleKernel vector() {
        String vm = System.getProperty("java.vm.name", "");
        if (vm.contains("Dalvik") || vm.contains("ART")) {
            return null;
        }
        try {
            return (RectangleKernel) Class.forName(VECTOR_CLASS).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return null; // NoClassDefFoundError: jdk.incubator.vector is not in the boot layer
        }
    }

    /** The kernel {@link Gemm} uses: {@code -Dneuronlab.gemm=plain} forces the plain one. */
    static RectangleKernel choose() {
        if ("plain".equals(System.getProperty("neuronlab.gemm"))) {
            return PLAIN;
        }
        RectangleKernel v = vector();
        return v != null ? v : PLAIN;
    }
}
