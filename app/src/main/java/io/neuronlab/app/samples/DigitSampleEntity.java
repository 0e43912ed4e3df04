package io.neuronlab.app.samples;

import androidx.room.ColumnInfo;
import androidx.room.Entity;
import androidx.room.PrimaryKey;

/** One labelled 28×28 sample the user confirmed or corrected: pixels as 784 bytes (ink 0–255), like MNIST. */
@Entity(tableName = "digit_sample")
public class DigitSampleEntity {
    @PrimaryKey(autoGenerate = true)
    public long id;

    /** The digit the user says it is, 0–9. */
    public int label;

    /** What the network answered (0–9), or -1 when unknown (imported samples). */
    public int predicted;

    /** 784 bytes, row-major 28×28, ink = 255. */
    @ColumnInfo(typeAffinity = ColumnInfo.BLOB)
    public byte[] pixels;

    public long createdAtMillis;
}
