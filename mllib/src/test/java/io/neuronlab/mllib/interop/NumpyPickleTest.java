package io.neuronlab.mllib.interop;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Map;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * The restricted pickle reader against pickles Python wrote ({@code src/test/resources/pickle/small.p2..p5.pkl},
 * from {@code scripts/book-deepconvnet.py small}: a = 0..5 as float64 [2, 3]; b = a / 4 as big-endian float32 in
 * Fortran order; c = [2.5]) and against hostile bytes: a global that would run a command, every truncation, damage.
 */
public class NumpyPickleTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static byte[] small(int protocol) throws IOException {
        return Files.readAllBytes(new File("src/test/resources/pickle/small.p" + protocol + ".pkl").toPath());
    }

    @Test
    public void readsTheArraysOfEveryProtocolFromTwoToFive() throws IOException {
        for (int protocol = 2; protocol <= 5; protocol++) {
            Map<String, NumpyArray> m = NumpyPickle.read(small(protocol), "small.p" + protocol);
            assertEquals(Arrays.asList("a", "b", "c"), Arrays.asList(m.keySet().toArray()));
            NumpyArray a = m.get("a");
            assertEquals("float64", a.dtype());
            assertArrayEquals(new int[] {2, 3}, a.shape());
            assertArrayEquals(new double[] {0, 1, 2, 3, 4, 5}, a.values(), 0);
            NumpyArray b = m.get("b"); // stored column-major, big-endian: read back row-major
            assertEquals("float32", b.dtype());
            assertArrayEquals(new int[] {2, 3}, b.shape());
            assertArrayEquals("protocol " + protocol, new double[] {0, 0.25, 0.5, 0.75, 1, 1.25}, b.values(), 0);
            assertArrayEquals(new int[] {1}, m.get("c").shape());
            assertArrayEquals(new double[] {2.5}, m.get("c").values(), 0);
        }
    }

    @Test
    public void numpy2sModuleNamesAreAcceptedToo() throws IOException {
        // numpy 2 moved numpy.core to numpy._core; GLOBAL names end at a newline, so protocol 2/3 files take the edit
        for (int protocol = 2; protocol <= 3; protocol++) {
            String text = new String(small(protocol), StandardCharsets.ISO_8859_1)
                .replace("numpy.core.multiarray\n", "numpy._core.multiarray\n");
            assertTrue(text.contains("numpy._core"));
            Map<String, NumpyArray> m = NumpyPickle.read(text.getBytes(StandardCharsets.ISO_8859_1), "numpy2");
            assertArrayEquals(new double[] {0, 0.25, 0.5, 0.75, 1, 1.25}, m.get("b").values(), 0);
        }
    }

    @Test
    public void aGlobalThatWouldRunACommandIsRefusedByNameAndNothingRuns() throws IOException {
        File marker = new File(tmp.getRoot(), "pwned");
        // pickle.dumps of an object whose __reduce__ is (os.system, ('touch ' + marker,)), protocol 2
        ByteArrayOutputStream p = new ByteArrayOutputStream();
        p.write(new byte[] {(byte) 0x80, 2});
        p.writeBytes("cposix\nsystem\n".getBytes(StandardCharsets.US_ASCII));
        byte[] cmd = ("touch " + marker.getPath()).getBytes(StandardCharsets.UTF_8);
        p.write('X');
        p.write(new byte[] {(byte) cmd.length, 0, 0, 0});
        p.writeBytes(cmd);
        p.write(0x85); // TUPLE1
        p.write('R');
        p.write('.');
        IOException e = expectFailure(p.toByteArray());
        assertTrue(e.getMessage(), e.getMessage().contains("refuses the global posix.system"));
        assertTrue(e.getMessage(), e.getMessage().contains("any Python function"));
        assertFalse(marker.exists());

        // the same through STACK_GLOBAL (protocol 4's form), and a builtin that evaluates code
        ByteArrayOutputStream q = new ByteArrayOutputStream();
        q.write(new byte[] {(byte) 0x80, 4, (byte) 0x8c, 8});
        q.writeBytes("builtins".getBytes(StandardCharsets.US_ASCII));
        q.write(new byte[] {(byte) 0x8c, 4});
        q.writeBytes("eval".getBytes(StandardCharsets.US_ASCII));
        q.write(0x93);
        q.write('.');
        IOException e2 = expectFailure(q.toByteArray());
        assertTrue(e2.getMessage(), e2.getMessage().contains("refuses the global builtins.eval"));
    }

    @Test
    public void everyTruncationGivesAnIOExceptionSayingWhere() throws IOException {
        for (int protocol = 2; protocol <= 5; protocol++) {
            byte[] whole = small(protocol);
            for (int n = 0; n < whole.length; n++) {
                IOException e = expectFailure(Arrays.copyOf(whole, n));
                assertTrue(n + ": " + e.getMessage(), e.getMessage().startsWith("pickle file test: "));
            }
        }
        IOException e = expectFailure(Arrays.copyOf(small(3), 200));
        assertTrue(e.getMessage(), e.getMessage().contains("truncated"));
    }

    @Test
    public void damagedBytesNeverEscapeAsAnythingButIOException() throws IOException {
        byte[] whole = small(4);
        for (int i = 0; i < whole.length; i++) {
            for (int v : new int[] {0x00, 0xff, 0x80, '.', 'R', 'b', 0x97}) {
                byte[] bad = whole.clone();
                bad[i] = (byte) v;
                try {
                    NumpyPickle.read(bad, "test");
                } catch (IOException expected) {
                    // a message, not a crash
                }
            }
        }
    }

    @Test
    public void otherDtypesProtocolsAndShapesAreRefusedClearly() throws IOException {
        byte[] ints = replace(small(3), "f8", "i8");
        assertTrue(expectFailure(ints).getMessage().contains("dtype 'i8'"));

        byte[] text = "(dp0\nS'a'\np1\nI1\ns.".getBytes(StandardCharsets.US_ASCII); // protocol 0
        assertTrue(expectFailure(text).getMessage().contains("protocol 0/1"));

        byte[] six = small(5).clone();
        six[1] = 6;
        assertTrue(expectFailure(six).getMessage().contains("pickle protocol 6"));

        // shape (1, 2, 3) on a's 6 float64 values → 6 elements still; (2, 4) needs 64 bytes
        byte[] bigger = small(2).clone();
        int at = indexOf(bigger, new byte[] {'K', 2, 'K', 3, (byte) 0x86});
        bigger[at + 3] = 4;
        IOException e = expectFailure(bigger);
        assertTrue(e.getMessage(), e.getMessage().contains("[2, 4]") && e.getMessage().contains("needs 64 data bytes"));

        // the first array's BUILD replaced by POP: the array's data never come
        byte[] unbuilt = small(2).clone();
        unbuilt[indexOf(unbuilt, new byte[] {'q', 22, 'b'}) + 2] = '0';
        IOException never = expectFailure(unbuilt);
        assertTrue(never.getMessage(), never.getMessage().contains("'a' is a numpy array whose shape and data never came"));

        byte[] list = {(byte) 0x80, 2, ']', '.'};
        assertTrue(expectFailure(list).getMessage().contains("not a dict of numpy arrays"));

        byte[] outOfBand = {(byte) 0x80, 5, (byte) 0x97, '.'};
        assertTrue(expectFailure(outOfBand).getMessage().contains("out of band"));
    }

    @Test
    public void aMissingFileIsNamed() {
        File none = new File(tmp.getRoot(), "none.pkl");
        try {
            NumpyPickle.read(none);
            fail();
        } catch (IOException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("does not exist"));
        }
    }

    private static IOException expectFailure(byte[] bytes) {
        try {
            Map<String, NumpyArray> m = NumpyPickle.read(bytes, "test");
            throw new AssertionError("read " + m.keySet() + " from " + bytes.length + " bytes");
        } catch (IOException e) {
            return e;
        }
    }

    private static byte[] replace(byte[] in, String from, String to) {
        byte[] f = from.getBytes(StandardCharsets.US_ASCII);
        int at = indexOf(in, f);
        byte[] out = in.clone();
        System.arraycopy(to.getBytes(StandardCharsets.US_ASCII), 0, out, at, f.length);
        return out;
    }

    private static int indexOf(byte[] in, byte[] what) {
        outer:
        for (int i = 0; i + what.length <= in.length; i++) {
            for (int k = 0; k < what.length; k++) {
                if (in[i + k] != what[k]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("pattern not found");
    }
}
