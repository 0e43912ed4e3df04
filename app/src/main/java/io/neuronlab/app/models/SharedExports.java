package io.neuronlab.app.models;

import io.neuronlab.mllib.files.AtomicFile;
import java.io.File;
import java.io.IOException;
import java.util.function.LongSupplier;

/**
 * The exports handed to the share sheet: files in the cache (cache/exports/, the FileProvider's only folder),
 * written atomically and removed once stale. Not right after sharing: the app that received the link may read
 * it long after the share sheet closed (a mail draft, a slow upload), so a file is kept for
 * {@link #KEEP_MILLIS} and removed on the next export or the next visit of the model list after that. Re-sharing
 * a model replaces its file atomically, so a reader of the old one keeps reading whole bytes.
 */
public final class SharedExports {
    /** How long a shared file is kept: a day. */
    public static final long KEEP_MILLIS = 24L * 60 * 60 * 1000;

    private final File dir;
    private final LongSupplier clock;

    /** @param clock the time now in ms since the epoch (the system clock; tests move it) */
    public SharedExports(File dir, LongSupplier clock) {
        this.dir = dir;
        this.clock = clock;
    }

    public File dir() {
        return dir;
    }

    /** Removes the stale exports, then writes {@code bytes} as {@code fileName}; returns the file to share. */
    public File write(String fileName, byte[] bytes) throws IOException {
        if (!dir.isDirectory() && !dir.mkdirs()) {
            throw new IOException("cannot create " + dir);
        }
        deleteStale();
        File file = new File(dir, fileName);
        AtomicFile.write(file, bytes);
        return file;
    }

    /**
     * Deletes the files last written more than {@link #KEEP_MILLIS} ago (left-over temporary files too); newer
     * ones may still be read by the app they were shared with and stay. Returns how many were deleted.
     */
    public int deleteStale() {
        File[] files = dir.listFiles();
        if (files == null) {
            return 0;
        }
        long now = clock.getAsLong();
        int deleted = 0;
        for (File f : files) {
            if (f.isFile() && now - f.lastModified() > KEEP_MILLIS && f.delete()) {
                deleted++;
            }
        }
        return deleted;
    }
}
