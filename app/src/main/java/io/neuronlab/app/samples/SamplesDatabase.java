package io.neuronlab.app.samples;

import android.content.Context;

import androidx.room.Database;
import androidx.room.Room;
import androidx.room.RoomDatabase;

/**
 * The user's labelled digit samples (Room), in their own file so that they can be exported, wiped or shared
 * with fine-tuning without touching the app's other data. One instance per process.
 */
@Database(entities = {DigitSampleEntity.class}, version = 1, exportSchema = true)
public abstract class SamplesDatabase extends RoomDatabase {
    private static SamplesDatabase instance;

    public abstract DigitSampleDao samples();

    public static synchronized SamplesDatabase get(Context context) {
        if (instance == null) {
            instance = Room.databaseBuilder(context.getApplicationContext(), SamplesDatabase.class,
                "digit_samples.db").build();
        }
        return instance;
    }

    /** Tests use a fresh in-memory database (they run on the main thread). */
    public static synchronized SamplesDatabase useInMemoryForTests(Context context) {
        if (instance != null) instance.close();
        instance = Room.inMemoryDatabaseBuilder(context.getApplicationContext(), SamplesDatabase.class)
            .allowMainThreadQueries()
            .build();
        return instance;
    }

    public static synchronized void closeForTests() {
        if (instance != null) instance.close();
        instance = null;
    }
}
