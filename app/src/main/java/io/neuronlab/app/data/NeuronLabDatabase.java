package io.neuronlab.app.data;

import android.content.Context;
import androidx.room.Database;
import androidx.room.Room;
import androidx.room.RoomDatabase;

/** The app's SQLite database (Room). Schemas of every version are exported to app/schemas/. */
@Database(entities = {TrainingRun.class}, version = 1, exportSchema = true)
public abstract class NeuronLabDatabase extends RoomDatabase {
    public abstract TrainingRunDao trainingRuns();

    public static NeuronLabDatabase open(Context context, String fileName) {
        return Room.databaseBuilder(context.getApplicationContext(), NeuronLabDatabase.class, fileName).build();
    }

    /** A database that lives in memory only, for tests (which run on the main thread). */
    public static NeuronLabDatabase inMemory(Context context) {
        return Room.inMemoryDatabaseBuilder(context.getApplicationContext(), NeuronLabDatabase.class)
                .allowMainThreadQueries()
                .build();
    }
}
