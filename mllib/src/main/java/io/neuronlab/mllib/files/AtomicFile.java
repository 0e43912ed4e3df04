package io.neuronlab.mllib.files;

import java.io.BufferedOutputStream;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes a file so that readers see either the complete old contents or the complete new contents, never a
 * half-written file: the bytes go to a temporary file in the same directory, are forced to the disk
 * (fsync), and the temporary file is then renamed over the target. If anything fails the old file is left as
 * it was and the temporary file is removed. Uses java.io only, so it runs on Android API 24.
 */
public final class AtomicFile {
    /** Produces the file's contents. */
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFile() {
    }

    /** Atomically replaces (or creates) {@code target} with {@code bytes}. */
    public static void write(File target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    /** Atomically replaces (or creates) {@code target} with what {@code content} writes. */
    public static void write(File target, Content content) throws IOException {
        File absolute = target.getAbsoluteFile();
        File dir = absolute.getParentFile();
        if (dir == null || !dir.isDirectory()) {
            throw new IOException("cannot write " + target + ": directory " + dir + " does not exist (create it first)");
        }
        if (absolute.isDirectory()) {
            throw new IOException("cannot write " + target + ": it is a directory");
        }
        File temp;
        try {
            // Same directory as the target: a rename within one file system is atomic.
            temp = File.createTempFile("." + absolute.getName() + ".", ".tmp", dir);
        } catch (IOException e) {
            throw new IOException("cannot write " + target + ": cannot create a file in " + dir
                + " (is it writable?): " + e.getMessage(), e);
        }
        boolean done = false;
        try {
            try (FileOutputStream file = new FileOutputStream(temp)) {
                OutputStream out = new BufferedOutputStream(file, 1 << 16);
                content.writeTo(out);
                out.flush();
                file.getFD().sync(); // the data is on the disk before the rename makes it visible
            }
            replace(temp, absolute);
            done = true;
        } finally {
            if (!done && !temp.delete() && temp.exists()) {
                temp.deleteOnExit();
            }
        }
    }

    private static void replace(File temp, File target) throws IOException {
        if (temp.renameTo(target)) {
            return; // POSIX rename replaces the target atomically
        }
        // Some file systems (Windows) refuse to rename over an existing file: move the old one aside first
        // and put it back if the second rename fails, so the old contents survive any failure.
        if (!target.exists()) {
            throw new IOException("cannot write " + target + ": renaming " + temp.getName() + " to it failed");
        }
        File backup = new File(target.getParentFile(), "." + target.getName() + ".old");
        if (backup.exists() && !backup.delete()) {
            throw new IOException("cannot write " + target + ": stale " + backup + " cannot be removed");
        }
        if (!target.renameTo(backup)) {
            throw new IOException("cannot write " + target + ": it cannot be replaced (is it open or read-only?)");
        }
        if (!temp.renameTo(target)) {
            if (!backup.renameTo(target)) {
                throw new IOException("cannot write " + target + ": rename failed; the previous contents are in " + backup);
            }
            throw new IOException("cannot write " + target + ": renaming " + temp.getName() + " to it failed");
        }
        if (!backup.delete()) {
            backup.deleteOnExit();
        }
    }
}
