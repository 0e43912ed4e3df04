package io.neuronlab.mllib.models;

import io.neuronlab.mllib.io.LayerCodecs;
import io.neuronlab.mllib.io.LayerSpec;
import io.neuronlab.mllib.nn.Sequential;
import org.junit.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

/**
 * The specs computed without building a network equal the built network's own specs (every layer's name, kind and
 * hyper-parameters, nested) on the small inputs and a narrow 224×224 input, and count the built network's
 * parameters; at 224×224×3 / 1000 classes they count torchvision's numbers (scripts/torch-reference.py).
 */
public class ArchitectureSpecsTest {
    private static final ImageInput[] BUILT = {ImageInput.mnist(1), ImageInput.cifar(1), ImageInput.imageNet(1).narrower(8),
        new ImageInput(3, 100, 7, 4, 1)};

    @Test
    public void specsEqualTheBuiltNetworksSpecsAndCounts() {
        for (Architectures.Architecture a : Architectures.all()) {
            for (ImageInput in : BUILT) {
                Sequential net = a.build(in);
                LayerSpec built = LayerCodecs.standard().describe(a.name(), net);
                LayerSpec computed = ArchitectureSpecs.of(a.name(), in);
                assertEquals(a.name() + " " + in, built, computed);
                assertEquals(a.name() + " " + in, Architectures.parameterCount(net),
                    ArchitectureSpecs.parameterCount(computed));
            }
        }
    }

    @Test
    public void countsAt224EqualTorchvisionsWholeAndPerTopLevelLayer() throws IOException {
        Map<String, Map<String, Long>> expected = new LinkedHashMap<>();
        try (InputStream in = getClass().getResourceAsStream("/torchvision/param-counts.txt")) {
            assertNotNull(in);
            String current = null;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.trim().split(" ");
                if (!line.startsWith(" ")) {
                    current = f[0];
                    expected.put(current, new LinkedHashMap<>());
                    expected.get(current).put("", Long.parseLong(f[1]));
                } else {
                    expected.get(current).put(f[0], Long.parseLong(f[1]));
                }
            }
        }
        for (Architectures.Architecture a : Architectures.all()) {
            LayerSpec spec = ArchitectureSpecs.of(a.name(), ImageInput.imageNet(1));
            Map<String, Long> want = expected.get(a.name());
            assertEquals(a.name(), (long) want.get(""), ArchitectureSpecs.parameterCount(spec));
            assertEquals(a.name(), a.torchvisionParameters(), ArchitectureSpecs.parameterCount(spec));
            for (LayerSpec child : spec.children()) {
                if (want.containsKey(child.name())) {
                    assertEquals(a.name() + "." + child.name(), (long) want.get(child.name()),
                        ArchitectureSpecs.parameterCount(child));
                }
            }
        }
        assertEquals(138_357_544L, ArchitectureSpecs.parameterCount(ArchitectureSpecs.of("vgg16", ImageInput.imageNet(1))));
    }

    @Test
    public void unknownNamesAreRefusedWithTheKnownOnes() {
        try {
            ArchitectureSpecs.of("lenet5", ImageInput.mnist(1));
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("vgg16"));
            return;
        }
        throw new AssertionError("lenet5 accepted");
    }
}
