package io.neuronlab.app.train;

import android.content.Context;
import io.neuronlab.app.R;
import io.neuronlab.mllib.lab.FineTuner;
import io.neuronlab.mllib.lab.SampleSplit;
import java.util.List;

/**
 * What the screens that train on the user's samples (fine-tuning, the lab's "my handwriting") say about them: which
 * digits lack samples, and for the lab why it cannot start yet or how the samples split.
 */
final class SamplesText {
    private SamplesText() {
    }

    /** "7 (0), 2 (1)": the digits with fewer than {@link FineTuner#MIN_PER_DIGIT} samples and their counts, or null. */
    static String missingDigits(Context context, int[] labels) {
        List<Integer> missing = FineTuner.digitsNeedingSamples(labels);
        if (missing.isEmpty()) {
            return null;
        }
        int[] counts = new int[10];
        for (int label : labels) {
            counts[label]++;
        }
        StringBuilder needed = new StringBuilder();
        for (int d : missing) {
            if (needed.length() > 0) {
                needed.append(", ");
            }
            needed.append(context.getString(R.string.tune_digit_count, d, counts[d]));
        }
        return needed.toString();
    }

    /** Why the lab cannot train on these samples yet (null labels: still loading; none; too few), or null. */
    static String labProblem(Context context, int[] labels) {
        if (labels == null) {
            return context.getString(R.string.lab_samples_loading);
        }
        if (labels.length == 0) {
            return context.getString(R.string.lab_samples_none, FineTuner.MIN_PER_DIGIT);
        }
        String missing = missingDigits(context, labels);
        return missing == null ? null
                : context.getString(R.string.lab_samples_need_more, FineTuner.MIN_PER_DIGIT, missing);
    }

    /** "Your 40 digits: 30 to train on …, 10 kept aside to test on …" (the samples are enough). */
    static String labSplit(Context context, int[] labels) {
        int train = SampleSplit.trainingDigits(labels);
        return context.getString(R.string.lab_samples_ready, labels.length, train, labels.length - train);
    }
}
