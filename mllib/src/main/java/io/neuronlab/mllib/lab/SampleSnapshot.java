package io.neuronlab.mllib.lab;

import io.neuronlab.mllib.digits.DigitSampleFile;
import io.neuronlab.mllib.digits.LabelledDigit;
import io.neuronlab.mllib.files.AtomicFile;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.FileInputStream;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;

/**
 * A run's own copy of the user's samples, taken when the run starts, so that digits drawn or deleted later change
 * neither the running run nor its resumption after the process was killed: a sample file ({@link DigitSampleFile})
 * written atomically. Its {@link Snapshot#id()} (CRC-32 of the file) goes into the run's checkpoint, which is only
 * resumed on the very same samples ({@link TrainingController}).
 */
public final class SampleSnapshot {
    /** The samples of a snapshot and its identity. */
    public record Snapshot(List<LabelledDigit> digits, String id) {
    }

    private SampleSnapshot() {
    }

    /** Writes {@code digits} to {@code file} (atomically: a crash leaves the previous file) and returns the id. */
    public static String write(List<LabelledDigit> digits, File file) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DigitSampleFile.write(digits, bytes);
        byte[] content = bytes.toByteArray();
        AtomicFile.write(file, content);
        return id(content);
    }

    /** Reads a snapshot; a damaged file is an IOException naming it. */
    public static Snapshot read(File file) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (InputStream in = new FileInputStream(file)) { // java.io: java.nio.file is not on Android API 24
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                bytes.write(buffer, 0, n);
            }
        }
        byte[] content = bytes.toByteArray();
        return new Snapshot(DigitSampleFile.read(new ByteArrayInputStream(content), file.getName()), id(content));
    }

    private static String id(byte[] content) {
        CRC32 crc = new CRC32();
        crc.update(content, 0, content.length);
        return String.format(Locale.ROOT, "%08x-%d", crc.getValue(), content.length);
    }
}
