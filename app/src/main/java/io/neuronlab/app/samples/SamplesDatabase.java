package io.neuronlab.app.samples;

import android.content.Context;

import androidx.room.Database;
import androidx.room.Room;
import androidx.room.RoomDatabase;

/**
 * The user's labelled digit samples (Room), in their own file so that they can be exported, wiped or shared
 * with fine-tuning without touching the app's other data. Reached through {@code NeuronLabApp.samples()}.
 */
@Database(entities = {DigitSampleEntity.class}, version = 1, exportSchema = true)
public abstract class SamplesDatabase extends RoomDatabase {
    public abstract DigitSampleDao samples();

    public static SamplesDatabase open(Context context, String fileName) {
        return Room.databaseBuilder(context.getApplicationContext(), SamplesDatabase.class, fileName).build();
    }

    /** A database that lives in memory only, for tests (which run on the main thread). */
    public static SamplesDatabase inMemory(Context context) {
        return Room.inMemoryDatabaseBuilder(context.getApplicationContext(), SamplesDatabase.class)
            .allowMainThreadQueries()
            .build();
    }
}
