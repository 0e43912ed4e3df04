package io.neuronlab.app.models;

import android.content.Context;
import io.neuronlab.app.draw.DigitNetwork;
import io.neuronlab.app.train.LabData;
import io.neuronlab.mllib.data.MnistSlice;
import io.neuronlab.mllib.init.He;
import io.neuronlab.mllib.io.ModelSerializer;
import io.neuronlab.mllib.io.TrainingMetadata;
import io.neuronlab.mllib.lab.LabSettings;
import io.neuronlab.mllib.lab.TrainingController;
import io.neuronlab.mllib.nn.Flatten;
import io.neuronlab.mllib.nn.LeakyReLU;
import io.neuronlab.mllib.nn.Linear;
import io.neuronlab.mllib.nn.Sequential;
import java.io.File;
import java.util.Random;

/** Model files for the screen tests, saved in the app's model library as the lab and fine-tuning save them. */
final class ModelFiles {
    private ModelFiles() {
    }

    static ModelLibrary library(Context context) {
        return new ModelLibrary(DigitNetwork.modelsDir(context));
    }

    /** Saves {@code net} as a lab run's model named {@code name}, written at {@code savedAt}. */
    static File labRun(Context context, Sequential net, LabSettings s, float accuracy, String name, long savedAt)
            throws Exception {
        File dir = DigitNetwork.modelsDir(context);
        dir.mkdirs();
        File f = new File(dir, name);
        new ModelSerializer().save(net, new TrainingMetadata("MNIST slice", s.epochs, accuracy, s.seed,
                "lab " + s.summary(), s.toMap()), f);
        f.setLastModified(savedAt);
        return f;
    }

    /** A real lab run: the MLP trained one epoch on 2,000 of the bundled slice's images (about a second). */
    static File trainedMlp(Context context, String name, long savedAt) throws Exception {
        MnistSlice slice = LabData.slice(context);
        LabSettings s = LabSettings.defaults("mlp", 2000).withEpochs(1);
        File checkpoint = File.createTempFile("checkpoint", ".nlmf", context.getCacheDir());
        checkpoint.delete();
        TrainingController c = new TrainingController(s, slice.train(), slice.test(), checkpoint);
        c.run();
        return labRun(context, c.model(), s, c.result().accuracy(), name, savedAt);
    }

    /** A digit classifier with a LeakyReLU, which TFLite export does not support. */
    static Sequential leaky() {
        Random r = new Random(4);
        return new Sequential().add("flatten", new Flatten()).add("fc1", new Linear(784, 32, new He(), r))
                .add("leaky", new LeakyReLU(0.1f)).add("fc2", new Linear(32, 10, new He(), r));
    }
}
