package io.neuronlab.app.data;

import android.content.Context;
import androidx.annotation.NonNull;
import androidx.room.Database;
import androidx.room.Room;
import androidx.room.RoomDatabase;
import androidx.room.migration.Migration;
import androidx.sqlite.db.SupportSQLiteDatabase;

/**
 * The app's SQLite database (Room). Schemas of every version are exported to app/schemas/; each version step
 * has a migration below, so a phone keeps its data across updates.
 */
@Database(entities = {TrainingRun.class, LessonProgress.class}, version = 4, exportSchema = true)
public abstract class NeuronLabDatabase extends RoomDatabase {
    /** 1 → 2: lesson progress (app/schemas/…/2.json). */
    static final Migration MIGRATION_1_2 = new Migration(1, 2) {
        @Override
        public void migrate(@NonNull SupportSQLiteDatabase db) {
            db.execSQL("CREATE TABLE IF NOT EXISTS `lesson_progress` (`lesson_id` TEXT NOT NULL, "
                    + "`opened_at_millis` INTEGER NOT NULL, `quiz_correct` INTEGER NOT NULL, "
                    + "`quiz_total` INTEGER NOT NULL, `scroll_y` INTEGER NOT NULL, PRIMARY KEY(`lesson_id`))");
        }
    };

    /**
     * 2 → 3: a run keeps its settings and its model file (app/schemas/…/3.json). Older rows keep NULL there:
     * their settings were never recorded, and the history says so rather than invent them.
     */
    static final Migration MIGRATION_2_3 = new Migration(2, 3) {
        @Override
        public void migrate(@NonNull SupportSQLiteDatabase db) {
            String[] columns = {"`optimizer` TEXT", "`learning_rate` REAL", "`batch_size` INTEGER",
                "`planned_epochs` INTEGER", "`init` TEXT", "`batch_norm` INTEGER", "`dropout` REAL",
                "`weight_decay` REAL", "`train_images` INTEGER", "`model_file` TEXT"};
            for (String column : columns) {
                db.execSQL("ALTER TABLE `training_run` ADD COLUMN " + column);
            }
        }
    };

    /**
     * 3 → 4: a run keeps the data it trained on (app/schemas/…/4.json). Older rows keep NULL: they all trained on the
     * MNIST slice ({@link TrainingRun#data()}).
     */
    static final Migration MIGRATION_3_4 = new Migration(3, 4) {
        @Override
        public void migrate(@NonNull SupportSQLiteDatabase db) {
            db.execSQL("ALTER TABLE `training_run` ADD COLUMN `dataset` TEXT");
        }
    };

    /** Every migration, oldest first. */
    static final Migration[] MIGRATIONS = {MIGRATION_1_2, MIGRATION_2_3, MIGRATION_3_4};

    public abstract TrainingRunDao trainingRuns();

    public abstract LessonProgressDao lessonProgress();

    public static NeuronLabDatabase open(Context context, String fileName) {
        return Room.databaseBuilder(context.getApplicationContext(), NeuronLabDatabase.class, fileName)
                .addMigrations(MIGRATIONS)
                .build();
    }

    /** A database that lives in memory only, for tests (which run on the main thread). */
    public static NeuronLabDatabase inMemory(Context context) {
        return Room.inMemoryDatabaseBuilder(context.getApplicationContext(), NeuronLabDatabase.class)
                .allowMainThreadQueries()
                .build();
    }
}
