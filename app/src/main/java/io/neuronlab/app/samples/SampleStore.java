package io.neuronlab.app.samples;

import android.content.Context;
import android.os.Handler;
import android.os.Looper;

import io.neuronlab.app.NeuronLabApp;
import io.neuronlab.mllib.digits.GrayImage;
import io.neuronlab.mllib.digits.LabelledDigit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The samples the activities use: database work off the UI thread, results delivered on it. Converts between
 * Room rows and mllib's {@link LabelledDigit}, which the export file and fine-tuning use.
 */
public final class SampleStore {
    private final DigitSampleDao dao;
    private final Executor background;
    private final Handler main = new Handler(Looper.getMainLooper());

    public SampleStore(Context context) {
        this.dao = NeuronLabApp.of(context).samples().samples();
        this.background = NeuronLabApp.of(context).background();
    }

    public void add(GrayImage mnistInput, int label, int predicted, Runnable done) {
        DigitSampleEntity e = toEntity(new LabelledDigit(mnistInput, label, System.currentTimeMillis()));
        e.predicted = predicted;
        background.execute(() -> {
            dao.insert(e);
            deliver(done);
        });
    }

    public void all(Consumer<List<DigitSampleEntity>> result) {
        background.execute(() -> {
            List<DigitSampleEntity> rows = dao.all();
            deliver(() -> result.accept(rows));
        });
    }

    public void delete(long id, Runnable done) {
        background.execute(() -> {
            dao.delete(id);
            deliver(done);
        });
    }

    /** Every sample as mllib's type, oldest first (the export order). */
    public void allAsDigits(Consumer<List<LabelledDigit>> result) {
        background.execute(() -> {
            List<DigitSampleEntity> rows = dao.all();
            List<LabelledDigit> out = new ArrayList<>();
            for (int i = rows.size() - 1; i >= 0; i--) out.add(toDigit(rows.get(i)));
            deliver(() -> result.accept(out));
        });
    }

    public void addAll(List<LabelledDigit> digits, Runnable done) {
        background.execute(() -> {
            List<DigitSampleEntity> rows = new ArrayList<>();
            for (LabelledDigit d : digits) {
                DigitSampleEntity e = toEntity(d);
                e.predicted = -1;
                rows.add(e);
            }
            dao.insertAll(rows);
            deliver(done);
        });
    }

    /** Runs {@code work} in the background (for file export/import next to the database work). */
    public void run(Runnable work) {
        background.execute(work);
    }

    public void onMain(Runnable r) {
        deliver(r);
    }

    private void deliver(Runnable r) {
        if (Looper.myLooper() == Looper.getMainLooper()) r.run();
        else main.post(r);
    }

    static DigitSampleEntity toEntity(LabelledDigit d) {
        DigitSampleEntity e = new DigitSampleEntity();
        e.label = d.label();
        e.createdAtMillis = d.createdAtMillis();
        float[] p = d.image().pixels();
        e.pixels = new byte[p.length];
        for (int i = 0; i < p.length; i++) e.pixels[i] = (byte) Math.round(Math.max(0, Math.min(1, p[i])) * 255);
        return e;
    }

    public static LabelledDigit toDigit(DigitSampleEntity e) {
        float[] p = new float[784];
        for (int i = 0; i < 784; i++) p[i] = (e.pixels[i] & 0xff) / 255f;
        return new LabelledDigit(new GrayImage(28, 28, p), e.label, e.createdAtMillis);
    }
}
