package io.neuronlab.mllib.models;

import io.neuronlab.mllib.io.ModelFile;
import io.neuronlab.mllib.io.ModelSerializer;
import io.neuronlab.mllib.io.TrainingMetadata;
import io.neuronlab.mllib.nn.Layer;
import io.neuronlab.mllib.nn.Sequential;
import io.neuronlab.mllib.tensor.Tensor;
import org.junit.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

/**
 * The famous architectures against torchvision: parameter counts, whole and per top-level layer, equal the numbers
 * printed by {@code scripts/torch-reference.py counts} with Debian's python3-torchvision 0.14 (committed as
 * {@code torchvision/param-counts.txt}); small inputs give the expected shapes; every architecture survives an
 * {@code .nlmf} round trip byte for byte with the same outputs.
 */
public class ArchitecturesTest {
    /** "net → (child → count)", the child "" holding the whole network's count. */
    private static Map<String, Map<String, Long>> torchvisionCounts() throws IOException {
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        try (InputStream in = ArchitecturesTest.class.getResourceAsStream("/torchvision/param-counts.txt")) {
            assertNotNull("torchvision/param-counts.txt on the test classpath", in);
            String current = null;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.trim().split(" ");
                if (!line.startsWith(" ")) {
                    current = f[0];
                    counts.put(current, new LinkedHashMap<>());
                    counts.get(current).put("", Long.parseLong(f[1]));
                } else {
                    counts.get(current).put(f[0], Long.parseLong(f[1]));
                }
            }
        }
        return counts;
    }

    @Test
    public void parameterCountsEqualTorchvisions() throws IOException {
        Map<String, Map<String, Long>> expected = torchvisionCounts();
        assertEquals(Architectures.names(), new java.util.ArrayList<>(expected.keySet()));
        for (Architectures.Architecture a : Architectures.all()) {
            Sequential net = a.build(ImageInput.imageNet(1));
            Map<String, Long> want = expected.get(a.name());
            assertEquals(a.name(), (long) want.get(""), Architectures.parameterCount(net));
            assertEquals(a.name(), (long) want.get(""), a.torchvisionParameters());
            for (Map.Entry<String, Layer> child : net.namedLayers().entrySet()) {
                if (child.getKey().equals("flatten")) {
                    continue; // torchvision flattens in forward(), not in a module
                }
                Long count = want.get(child.getKey());
                assertNotNull(a.name() + " has no torchvision module '" + child.getKey() + "'", count);
                assertEquals(a.name() + "." + child.getKey(), (long) count, Architectures.parameterCount(child.getValue()));
            }
        }
    }

    @Test
    public void smallInputsGiveLogitsPerClass() {
        Random r = new Random(1);
        for (Architectures.Architecture a : Architectures.all()) {
            for (ImageInput in : new ImageInput[] {ImageInput.mnist(1).narrower(8), ImageInput.cifar(1).narrower(8)}) {
                Sequential net = a.build(in);
                net.train(false);
                Tensor x = Tensor.randn(r, 2, in.channels(), in.size(), in.size());
                Tensor y = net.forward(x);
                assertArrayEquals(a.name() + " on " + in, new int[] {2, 10}, y.shape());
                for (float v : y.data()) {
                    assertTrue(a.name() + " gives " + v, Float.isFinite(v));
                }
            }
        }
    }

    @Test
    public void resNet18At224GivesAThousandLogits() {
        Sequential net = ResNet.resnet18(ImageInput.imageNet(1));
        net.train(false);
        Tensor y = net.forward(Tensor.randn(new Random(2), 1, 3, 224, 224));
        assertArrayEquals(new int[] {1, 1000}, y.shape());
    }

    @Test
    public void everyArchitectureRoundTripsThroughNlmf() throws IOException {
        ModelSerializer serializer = new ModelSerializer();
        Random r = new Random(3);
        for (Architectures.Architecture a : Architectures.all()) {
            ImageInput in = ImageInput.cifar(5).narrower(16);
            Sequential net = a.build(in);
            randomiseBuffers(net, r);
            net.train(false);
            ModelFile file = serializer.toModelFile(net, TrainingMetadata.none());
            byte[] bytes = file.toBytes();
            assertEquals(a.name(), ModelFile.FORMAT_VERSION, ((bytes[4] & 0xFF) << 8) | (bytes[5] & 0xFF));
            Sequential back = serializer.build(ModelFile.fromBytes(bytes, a.name()), a.name());
            assertArrayEquals(a.name() + ": saved again, byte for byte", bytes,
                serializer.toModelFile(back, TrainingMetadata.none()).toBytes());
            Tensor x = Tensor.randn(r, 2, 3, 32, 32);
            assertArrayEquals(a.name(), net.forward(x).data(), back.forward(x).data(), 0f);
            // and into a freshly built network of the same architecture
            Sequential fresh = a.build(in.narrower(16));
            serializer.loadInto(fresh, ModelFile.fromBytes(bytes, a.name()), a.name());
            fresh.train(false);
            assertArrayEquals(a.name(), net.forward(x).data(), fresh.forward(x).data(), 0f);
        }
    }

    /** Running statistics away from 0 and 1 (means around 0, variances around 1), so that a lost buffer changes the outputs. */
    static void randomiseBuffers(Layer net, Random r) {
        for (Map.Entry<String, Tensor> b : net.buffers().entrySet()) {
            float[] d = b.getValue().data();
            for (int i = 0; i < d.length; i++) {
                d[i] = b.getKey().endsWith("running_mean") ? 0.2f * (r.nextFloat() - 0.5f) : 0.5f + r.nextFloat();
            }
        }
    }
}
