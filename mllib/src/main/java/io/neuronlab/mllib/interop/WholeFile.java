package io.neuronlab.mllib.interop;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads a weights file whole, with messages that name its format (safetensors, pickle). */
final class WholeFile {
    private WholeFile() {
    }

    /**
     * The bytes of {@code file}; {@code kind} names the format in messages, {@code maxBytes} bounds the size and
     * {@code limit} says that bound in the message of a larger file.
     */
    static byte[] read(File file, String kind, long maxBytes, String limit) throws IOException {
        if (!file.isFile()) {
            throw new IOException(kind + " file " + file + " does not exist");
        }
        long size = file.length();
        if (size > maxBytes) {
            throw new IOException(kind + " file " + file + " is " + size + " bytes; " + limit);
        }
        byte[] bytes = new byte[(int) size];
        try (InputStream in = new FileInputStream(file)) {
            int got = 0;
            while (got < bytes.length) {
                int r = in.read(bytes, got, bytes.length - got);
                if (r < 0) {
                    throw new IOException(kind + " file " + file + " shrank while being read");
                }
                got += r;
            }
        }
        return bytes;
    }
}
