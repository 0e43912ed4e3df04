package io.neuronlab.mllib.cli;

import io.neuronlab.mllib.DesktopOnly;
import io.neuronlab.mllib.digits.DigitRecognizer;
import io.neuronlab.mllib.digits.EmptyDrawingException;
import io.neuronlab.mllib.digits.GrayImage;
import io.neuronlab.mllib.digits.PhotoBinarizer;
import io.neuronlab.mllib.digits.PhotoSize;
import io.neuronlab.mllib.nn.Sequential;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * {@code predict --model FILE IMAGE.png}: reads a picture of one or more digits the way the app reads a
 * photo (grayscale → adaptive binarisation with polarity detection → split into digits → MNIST-style 28×28
 * centring) and prints each digit's ten probabilities.
 */
@DesktopOnly
final class PredictCommand implements Command {
    @Override
    public String name() {
        return "predict";
    }

    @Override
    public String summary() {
        return "read the digits in a PNG (or JPEG) with a model: probabilities of 0-9";
    }

    @Override
    public String arguments() {
        return "IMAGE.png";
    }

    @Override
    public String details() {
        return "The image may have any size and either polarity (dark ink on paper, or light on dark); several\n"
            + "digits side by side are read left to right. Output: 'digit: D', 'probability: P', then 'p(k): ...' per class.";
    }

    @Override
    public List<Option> options() {
        List<Option> o = new ArrayList<>();
        o.add(Option.value("model", "FILE", null, "model file (.nlmf) (required)"));
        o.add(Models.PAIR_MODEL);
        return o;
    }

    @Override
    public int run(Args args, Console console) throws UsageException, CommandFailedException {
        File modelFile = args.file("model");
        if (args.positional().size() != 1) {
            throw new UsageException("predict needs exactly one image file, got " + args.positional().size()
                + (args.positional().isEmpty() ? "" : " " + args.positional()));
        }
        File imageFile = new File(args.positional().get(0));
        GrayImage luminance = readLuminance(imageFile);
        Sequential model = Models.load(modelFile);
        DigitRecognizer recognizer = Models.recognizer(model, modelFile, args);
        DigitRecognizer.Reading reading;
        try {
            reading = recognizer.recognize(new PhotoBinarizer().binarize(luminance));
        } catch (EmptyDrawingException e) {
            throw new CommandFailedException(imageFile + ": no digit found (" + e.getMessage() + ")", e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new CommandFailedException("model " + modelFile + " cannot read MNIST-style digits: " + e.getMessage(), e);
        }
        console.out().println("image: " + imageFile + " (" + luminance.width() + "x" + luminance.height() + ")");
        List<DigitRecognizer.Prediction> predictions = reading.predictions();
        if (predictions.size() > 1) {
            console.out().println("number: " + reading.number() + (reading.sure() ? "" : " (not sure)"));
        }
        for (int i = 0; i < predictions.size(); i++) {
            DigitRecognizer.Prediction p = predictions.get(i);
            if (predictions.size() > 1) {
                console.out().println();
                console.out().println("digit " + (i + 1) + " of " + predictions.size() + ":");
            }
            console.out().println("digit: " + p.digit() + (p.sure() ? "" : " (not sure)"));
            console.out().println(String.format(Locale.ROOT, "probability: %.4f", p.probability()));
            for (int k = 0; k < p.probabilities().length; k++) {
                console.out().println(String.format(Locale.ROOT, "p(%d): %.4f", k, p.probabilities()[k]));
            }
        }
        return 0;
    }

    /**
     * The picture's luminance. Its size is read from the header first ({@link PhotoSize}: a small file may declare
     * 20000×20000); a big photo is decoded subsampled, as the app's camera path does.
     */
    static GrayImage readLuminance(File file) throws CommandFailedException {
        if (!file.isFile()) {
            throw new CommandFailedException("image " + file + " does not exist");
        }
        BufferedImage image;
        try (ImageInputStream in = ImageIO.createImageInputStream(file)) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new CommandFailedException(file + " is not an image Java can read (use PNG, JPEG, BMP or GIF)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                PhotoSize.requireDecodable("image " + file, w, h);
                ImageReadParam param = reader.getDefaultReadParam();
                int sample = PhotoSize.subsampling(w, h);
                param.setSourceSubsampling(sample, sample, 0, 0);
                image = reader.read(0, param);
            } finally {
                reader.dispose();
            }
        } catch (IllegalArgumentException e) {
            throw new CommandFailedException(e.getMessage(), e);
        } catch (IOException e) {
            throw new CommandFailedException("cannot read image " + file + ": " + e.getMessage(), e);
        }
        int w = image.getWidth();
        int h = image.getHeight();
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        return GrayImage.luminanceOfArgb(argb, w, h);
    }
}
