package io.neuronlab.mllib.files;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

public class AtomicFileTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    public void createsAndReplacesWithoutLeavingTemporaryFiles() throws IOException {
        File f = new File(tmp.getRoot(), "a.bin");
        AtomicFile.write(f, bytes("first"));
        assertArrayEquals(bytes("first"), Files.readAllBytes(f.toPath()));
        AtomicFile.write(f, bytes("second, longer"));
        assertArrayEquals(bytes("second, longer"), Files.readAllBytes(f.toPath()));
        assertArrayEquals(new String[] {"a.bin"}, tmp.getRoot().list());
    }

    @Test
    public void exceptionMidWriteKeepsTheOldFileAndRemovesTheTemporary() throws IOException {
        File f = new File(tmp.getRoot(), "model.nlmf");
        AtomicFile.write(f, bytes("old contents"));
        try {
            AtomicFile.write(f, out -> {
                out.write(bytes("half of the new"));
                out.flush();
                throw new IOException("disk full (simulated)");
            });
            fail();
        } catch (IOException e) {
            assertEquals("disk full (simulated)", e.getMessage());
        }
        assertArrayEquals(bytes("old contents"), Files.readAllBytes(f.toPath()));
        assertArrayEquals(new String[] {"model.nlmf"}, tmp.getRoot().list());

        try {
            AtomicFile.write(f, out -> {
                throw new IllegalStateException("bug in the writer");
            });
            fail();
        } catch (IllegalStateException e) {
            assertEquals("bug in the writer", e.getMessage());
        }
        assertArrayEquals(bytes("old contents"), Files.readAllBytes(f.toPath()));
        assertEquals(1, tmp.getRoot().list().length);
    }

    @Test
    public void unwritableTargetFailsClearlyAndKeepsTheOldFile() throws IOException {
        File f = new File(tmp.getRoot(), "model.nlmf");
        AtomicFile.write(f, bytes("old"));
        // A directory cannot be created inside a regular file, whoever runs the test (root ignores modes).
        File notADir = new File(f, "x.nlmf");
        try {
            AtomicFile.write(notADir, bytes("new"));
            fail();
        } catch (IOException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("directory " + f + " does not exist"));
        }
        File dirTarget = tmp.newFolder("sub");
        try {
            AtomicFile.write(dirTarget, bytes("new"));
            fail();
        } catch (IOException e) {
            assertTrue(e.getMessage(), e.getMessage().endsWith("it is a directory"));
        }
        assertArrayEquals(bytes("old"), Files.readAllBytes(f.toPath()));
    }
}
