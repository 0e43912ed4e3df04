package io.neuronlab.mllib.tflite;

import io.neuronlab.mllib.nn.engine.ConvEngine;
import io.neuronlab.mllib.nn.engine.JavaConvEngine;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.neuronlab.mllib.tensor.Tensor;

import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.File;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The Android-only package (src/android/java, io.neuronlab.mllib.tflite.android) compiled against the real
 * TFLite 2.14 AAR classes and run on the JVM: Android's {@code InterpreterApi} is served by the desktop TFLite
 * runtime, and the GPU delegate — which needs a device — is unavailable here, so the app's GPU engine must
 * report that and fall back to the CPU path with correct numbers.
 */
public class AndroidTfliteTest {
    @ClassRule
    public static TemporaryFolder tmp = new TemporaryFolder();

    private static URLClassLoader androidClasses;

    @BeforeClass
    public static void compileAndroidPackage() throws Exception {
        List<File> aarJars = new ArrayList<>();
        StringBuilder classPath = new StringBuilder(System.getProperty("java.class.path"));
        String aars = System.getProperty("neuronlab.tflite.aars", "");
        for (String entry : aars.split(File.pathSeparator)) {
            if (entry.endsWith(".aar") && new File(entry).isFile()) {
                File jar = extractClassesJar(new File(entry), tmp.newFile(new File(entry).getName() + ".jar"));
                aarJars.add(jar);
                classPath.append(File.pathSeparator).append(jar);
            }
        }
        assertEquals("system property neuronlab.tflite.aars must list the four TFLite 2.14 AARs (set by mllib/pom.xml), got '"
            + aars + "'", 4, aarJars.size());
        File mllib = new File(ArmnnCheck.projectRoot(), "mllib");
        List<File> sources = new ArrayList<>();
        collect(new File(mllib, "src/android/java"), sources);
        collect(new File(mllib, "src/test/android/java"), sources);
        File out = tmp.newFolder("android-classes");

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            List<String> options = new ArrayList<>();
            options.add("--release");
            options.add("17");
            options.add("-classpath");
            options.add(classPath.toString());
            options.add("-d");
            options.add(out.getPath());
            boolean ok = javac.getTask(null, files, diagnostics, options, null,
                files.getJavaFileObjectsFromFiles(sources)).call();
            StringBuilder report = new StringBuilder();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                report.append(d).append('\n');
            }
            assertTrue("the Android package must compile against TFLite 2.14:\n" + report, ok);
        }
        List<URL> urls = new ArrayList<>();
        urls.add(out.toURI().toURL());
        for (File jar : aarJars) {
            urls.add(jar.toURI().toURL());
        }
        androidClasses = new URLClassLoader(urls.toArray(new URL[0]), AndroidTfliteTest.class.getClassLoader());
    }

    @Test
    public void gpuEngineWithoutADeviceFallsBackToCpuWithAMessageAndMatchesJava() throws Exception {
        @SuppressWarnings("unchecked")
        Function<Consumer<String>, ConvEngine> factory = (Function<Consumer<String>, ConvEngine>) androidClasses
            .loadClass("io.neuronlab.mllib.tflite.android.standin.GpuEngineOnDesktop").getDeclaredConstructor()
            .newInstance();
        List<String> messages = new ArrayList<>();
        Random random = new Random(3);
        Tensor x = gaussian(random, 2, 1, 28, 28);
        Tensor weight = gaussian(random, 6, 1, 5, 5);
        Tensor bias = gaussian(random, 6);
        try (ConvEngine gpu = factory.apply(messages::add)) {
            assertEquals("TFLite GPU (FP32)", gpu.name());
            Tensor y = gpu.forward(x, weight, bias, 1, 2);
            Tensor expected = new JavaConvEngine().forward(x, weight, bias, 1, 2);
            float err = TfliteModelBuilderTest.maxAbsDiff(expected.data(), y.data());
            System.out.println("Android GPU engine on the JVM: " + messages + "; max abs error vs Java " + err);
            assertTrue("error " + err, err <= 1e-4f);
            assertEquals(1, messages.size());
            assertTrue(messages.get(0), messages.get(0).startsWith("TFLite GPU (FP32) failed (the GPU delegate is "
                + "unavailable") && messages.get(0).endsWith("using TFLite CPU instead"));
            assertEquals("TFLite CPU", gpu.name());

            weight.data()[0] += 1f; // after a training step the CPU fallback rebuilds its graph
            y = gpu.forward(x, weight, bias, 1, 2);
            expected = new JavaConvEngine().forward(x, weight, bias, 1, 2);
            assertTrue(TfliteModelBuilderTest.maxAbsDiff(expected.data(), y.data()) <= 1e-4f);
            assertEquals("one fallback message only", 1, messages.size());
        }
    }

    private static Tensor gaussian(Random random, int... shape) {
        Tensor t = Tensor.zeros(shape);
        for (int i = 0; i < t.numel(); i++) {
            t.data()[i] = (float) random.nextGaussian() * 0.5f;
        }
        return t;
    }

    private static void collect(File dir, List<File> out) {
        File[] children = dir.listFiles();
        if (children == null) {
            return;
        }
        for (File f : children) {
            if (f.isDirectory()) {
                collect(f, out);
            } else if (f.getName().endsWith(".java")) {
                out.add(f);
            }
        }
    }

    private static File extractClassesJar(File aar, File target) throws Exception {
        try (ZipFile zip = new ZipFile(aar)) {
            ZipEntry entry = zip.getEntry("classes.jar");
            if (entry == null) {
                throw new IllegalStateException(aar + " has no classes.jar");
            }
            try (InputStream in = zip.getInputStream(entry); OutputStream out = new FileOutputStream(target)) {
                byte[] buf = new byte[65536];
                for (int n; (n = in.read(buf)) > 0; ) {
                    out.write(buf, 0, n);
                }
            }
        }
        return target;
    }
}
