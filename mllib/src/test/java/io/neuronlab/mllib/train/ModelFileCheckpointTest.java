package io.neuronlab.mllib.train;

import io.neuronlab.mllib.data.DataLoader;
import io.neuronlab.mllib.data.Dataset;
import io.neuronlab.mllib.init.He;
import io.neuronlab.mllib.io.ModelFile;
import io.neuronlab.mllib.io.ModelSerializer;
import io.neuronlab.mllib.io.TrainingMetadata;
import io.neuronlab.mllib.loss.SoftmaxCrossEntropy;
import io.neuronlab.mllib.nn.Linear;
import io.neuronlab.mllib.nn.ReLU;
import io.neuronlab.mllib.nn.Sequential;
import io.neuronlab.mllib.optim.Adam;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.File;
import java.io.IOException;
import java.util.Random;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/** Checkpoints written as NeuronLab model files (io's ModelSerializer behind the CheckpointWriter seam). */
public class ModelFileCheckpointTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static Sequential net(long seed) {
        Random r = new Random(seed);
        return new Sequential()
            .add("fc1", new Linear(2, 16, new He(), r))
            .add("relu", new ReLU())
            .add("fc2", new Linear(16, 3, new He(), r));
    }

    @Test
    public void bestCheckpointReloadsToTheBestEpochsWeightsAndAccuracy() throws IOException {
        ModelSerializer serializer = new ModelSerializer();
        CheckpointWriter writer = (model, file) ->
            serializer.save((Sequential) model, TrainingMetadata.none().with("source", "checkpoint"), file);
        File dir = tmp.getRoot();
        FileCheckpointer best = new FileCheckpointer(dir, "blobs", "nlmf", writer).bestOnly(true);
        Dataset test = Blobs.make(90, 12);
        Sequential model = net(3);
        ModelSnapshot[] atBest = new ModelSnapshot[1];
        TrainingResult r = new Trainer(model, new SoftmaxCrossEntropy(), new Adam(model.parameters().values(), 0.003f))
            .epochs(5).testSet(test).checkpointer(best)
            .addListener(new TrainingListener() {
                @Override
                public void onEpochEnd(EpochEvent e) {
                    if (e.improved()) {
                        atBest[0] = ModelSnapshot.of(model);
                    }
                }
            })
            .fit(new DataLoader(Blobs.make(150, 11), 15).shuffle(2));

        File file = new File(dir, "blobs-best.nlmf");
        assertEquals(file, best.lastWritten());
        assertEquals("checkpoint", ModelFile.read(file).metadata().extra().get("source"));
        Sequential loaded = serializer.load(file);
        assertTrue("the file holds the best epoch's weights", atBest[0].matches(loaded));
        double bestAccuracy = r.history().get(r.bestEpoch() - 1).testAccuracy();
        assertEquals(bestAccuracy, Evaluation.run(loaded, null, test, 32).accuracy(), 0);
    }
}
