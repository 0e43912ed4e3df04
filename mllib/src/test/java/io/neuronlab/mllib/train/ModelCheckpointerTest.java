package io.neuronlab.mllib.train;

import io.neuronlab.mllib.data.DataLoader;
import io.neuronlab.mllib.data.Dataset;
import io.neuronlab.mllib.init.He;
import io.neuronlab.mllib.io.ModelCheckpointer;
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

/** Checkpoints written as NeuronLab model files by io.ModelCheckpointer: every epoch, or only the best. */
public class ModelCheckpointerTest {
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
        File file = new File(tmp.getRoot(), "blobs-best.nlmf");
        ModelCheckpointer best = new ModelCheckpointer(file, TrainingMetadata.none().with("source", "checkpoint"),
            serializer).bestOnly(true);
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

        assertEquals(r.bestEpoch(), best.savedEpoch());
        assertEquals("checkpoint", ModelFile.read(file).metadata().extra().get("source"));
        assertEquals(r.bestEpoch(), ModelFile.read(file).metadata().epochs());
        Sequential loaded = serializer.load(file);
        assertTrue("the file holds the best epoch's weights", atBest[0].matches(loaded));
        double bestAccuracy = r.history().get(r.bestEpoch() - 1).testAccuracy();
        assertEquals(bestAccuracy, Evaluation.run(loaded, null, test, 32).accuracy(), 0);
    }

    @Test
    public void everyEpochIsSavedAndTheFileHoldsTheLastOne() throws IOException {
        ModelSerializer serializer = new ModelSerializer();
        File file = new File(tmp.getRoot(), "every.nlmf");
        ModelCheckpointer every = new ModelCheckpointer(file, TrainingMetadata.none(), serializer);
        Dataset test = Blobs.make(60, 5);
        Sequential model = net(7);
        java.util.List<ModelSnapshot> atEpoch = new java.util.ArrayList<>();
        java.util.List<Float> accuracyInFile = new java.util.ArrayList<>();
        new Trainer(model, new SoftmaxCrossEntropy(), new Adam(model.parameters().values(), 0.01f))
            .epochs(3).testSet(test).checkpointer(every)
            .addListener(new TrainingListener() {
                @Override
                public void onEpochEnd(EpochEvent e) {
                    atEpoch.add(ModelSnapshot.of(model));
                }
            })
            .fit(new DataLoader(Blobs.make(60, 2), 20));
        assertEquals(3, every.savedEpoch());
        assertTrue("the file holds the last epoch's weights", atEpoch.get(2).matches(serializer.load(file)));
        assertEquals(3, ModelFile.read(file).metadata().epochs());
    }

    @Test
    public void aFailedSaveIsKeptAndTrainingGoesOn() throws IOException {
        File dir = tmp.newFolder("occupied");
        ModelCheckpointer into = new ModelCheckpointer(dir, TrainingMetadata.none(), new ModelSerializer());
        Sequential model = net(4);
        TrainingResult r = new Trainer(model, new SoftmaxCrossEntropy(), new Adam(model.parameters().values(), 0.01f))
            .epochs(2).checkpointer(into).fit(new DataLoader(Blobs.make(40, 1), 20));
        assertEquals(2, r.epochsCompleted());
        assertEquals(0, into.savedEpoch());
        assertTrue(into.failure() != null);
        assertTrue("the directory is left as it was", dir.isDirectory());
    }
}
