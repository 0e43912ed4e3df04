package io.neuronlab.mllib.interop;

import java.io.File;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a Python pickle that holds a dict of numpy arrays — what {@code pickle.dump(params, f)} writes for the book's
 * {@code params} (name → {@code ndarray}) — in pickle protocols 2 to 5.
 *
 * <p><b>Why a restricted reader:</b> a pickle is a program. Its GLOBAL opcodes name any Python function ({@code
 * os.system} as easily as {@code numpy.dtype}) and REDUCE calls it with arguments from the file, so loading an
 * untrusted pickle in Python can run anything. This reader executes nothing: it interprets only the opcodes that
 * build plain data, and accepts only the few globals a numpy array needs, each mapped to Java code that builds the
 * array; any other global is refused by name before anything happens.
 * <ul>
 *   <li>{@code numpy.core.multiarray._reconstruct(numpy.ndarray, (0,), b'b')} and BUILD with
 *       {@code (version, shape, dtype, is_fortran, raw bytes)} — protocols 2 to 4
 *       ({@code numpy._core.multiarray} in numpy 2);</li>
 *   <li>{@code numpy.core.numeric._frombuffer(buffer, dtype, shape, order)} — protocol 5's in-band buffers;</li>
 *   <li>{@code numpy.dtype('f8', False, True)} and BUILD with {@code (version, byte order, ...)};</li>
 *   <li>{@code _codecs.encode(text, 'latin1')} — how protocol 2 stores Python 3 bytes (and {@code builtins.bytes()}
 *       for empty ones).</li>
 * </ul>
 * Arrays are float32 or float64, little or big endian, C or Fortran order. Every length is checked against the bytes
 * left, so a truncated or damaged file gives an {@link IOException} that says where and what, never a half-read
 * array.
 */
public final class NumpyPickle {
    /** Larger files are refused (the book's DeepConvNet pickle is under 2 MB). */
    static final long MAX_FILE_BYTES = 1L << 30;

    private NumpyPickle() {
    }

    public static Map<String, NumpyArray> read(File file) throws IOException {
        byte[] bytes = WholeFile.read(file, "pickle", MAX_FILE_BYTES, "mllib reads pickles up to 1 GiB");
        return read(bytes, file.getPath());
    }

    /** Parses a whole pickle; {@code source} names it in messages. The dict's order is kept. */
    public static Map<String, NumpyArray> read(byte[] bytes, String source) throws IOException {
        Object top = new Machine(bytes, "pickle file " + source + ": ").run();
        if (!(top instanceof Map)) {
            throw new IOException("pickle file " + source + ": holds " + Machine.describe(top)
                + ", not a dict of numpy arrays");
        }
        Map<String, NumpyArray> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) top).entrySet()) {
            if (!(e.getKey() instanceof String)) {
                throw new IOException("pickle file " + source + ": the dict has a key " + Machine.describe(e.getKey())
                    + "; the book's parameters are named by strings");
            }
            Object v = e.getValue();
            if (v instanceof PendingArray p && p.array != null) {
                out.put((String) e.getKey(), p.array);
            } else if (v instanceof NumpyArray a) {
                out.put((String) e.getKey(), a);
            } else if (v instanceof PendingArray) {
                throw new IOException("pickle file " + source + ": '" + e.getKey() + "' is a numpy array whose shape and "
                    + "data never came (no BUILD; a damaged pickle)");
            } else {
                throw new IOException("pickle file " + source + ": '" + e.getKey() + "' holds " + Machine.describe(v)
                    + ", not a numpy array");
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ the objects the machine builds

    /** A Python tuple (immutable; lists are {@link ArrayList}). */
    private record Tuple(List<Object> items) {
        Tuple {
            items = Collections.unmodifiableList(items);
        }
    }

    /** A Python bytearray (protocol 5's in-band buffer of a writable array); bytes are plain {@code byte[]}. */
    private record ByteArray(byte[] bytes) {
    }

    /** The accepted globals: the only functions a pickle may name. */
    private enum Global {
        RECONSTRUCT, NDARRAY, DTYPE, FROMBUFFER, CODECS_ENCODE, BYTES;

        static Global of(String module, String name) {
            String full = module + "." + name;
            switch (full) {
                case "numpy.core.multiarray._reconstruct":
                case "numpy._core.multiarray._reconstruct":
                    return RECONSTRUCT;
                case "numpy.ndarray":
                    return NDARRAY;
                case "numpy.dtype":
                    return DTYPE;
                case "numpy.core.numeric._frombuffer":
                case "numpy._core.numeric._frombuffer":
                    return FROMBUFFER;
                case "_codecs.encode":
                    return CODECS_ENCODE;
                case "builtins.bytes":
                case "__builtin__.bytes":
                    return BYTES;
                default:
                    return null;
            }
        }
    }

    /** {@code numpy.dtype(...)} before and after its BUILD: a float type and a byte order. */
    private static final class PendingDtype {
        final String code;  // 'f8', 'f4'
        char byteOrder = '<';

        PendingDtype(String code) {
            this.code = code;
        }
    }

    /** {@code _reconstruct(ndarray, ...)}: an empty array that its BUILD fills. */
    private static final class PendingArray {
        NumpyArray array;
    }

    /** The pickle virtual machine, restricted to data. */
    private static final class Machine {
        private static final Object MARK = new Object();
        private static final int MAX_MEMO = 1 << 20;

        private final byte[] b;
        private final String where;
        private int pos;
        private final Deque<Integer> marks = new ArrayDeque<>();
        private final List<Object> stackList = new ArrayList<>(); // the stack as a list: marks index into it
        private final Map<Long, Object> memo = new HashMap<>();

        Machine(byte[] bytes, String where) {
            this.b = bytes;
            this.where = where;
        }

        Object run() throws IOException {
            if (b.length == 0) {
                throw new IOException(where + "the file is empty");
            }
            if ((b[0] & 0xff) != 0x80) {
                throw new IOException(where + "does not start with a pickle PROTO opcode (0x80): not a pickle, or a "
                    + "protocol 0/1 text pickle, which mllib does not read (save with protocol 2 or later)");
            }
            while (true) {
                if (pos >= b.length) {
                    throw new IOException(where + "ends at byte " + b.length + " before the STOP opcode (truncated)");
                }
                int at = pos;
                int op = b[pos++] & 0xff;
                switch (op) {
                    case 0x80: { // PROTO
                        int p = u8("PROTO");
                        if (p < 2 || p > 5) {
                            throw new IOException(where + "pickle protocol " + p + "; mllib reads protocols 2 to 5");
                        }
                        break;
                    }
                    case 0x95: // FRAME: a length hint; the opcodes that follow are read as usual
                        take(8, "FRAME");
                        break;
                    case '.': // STOP
                        if (stackList.size() != 1 || !marks.isEmpty()) {
                            throw new IOException(where + "STOP at byte " + at + " with " + stackList.size()
                                + " values on the stack (a damaged pickle)");
                        }
                        return stackList.get(0);
                    case '(':
                        marks.push(stackList.size());
                        break;
                    case '}':
                        push(new LinkedHashMap<Object, Object>());
                        break;
                    case ']':
                        push(new ArrayList<Object>());
                        break;
                    case ')':
                        push(new Tuple(new ArrayList<>()));
                        break;
                    case 't':
                        push(new Tuple(popMark(at)));
                        break;
                    case 0x85:
                    case 0x86:
                    case 0x87: {
                        int n = op - 0x84;
                        List<Object> items = new ArrayList<>(Collections.nCopies(n, null));
                        for (int i = n - 1; i >= 0; i--) {
                            items.set(i, pop(at));
                        }
                        push(new Tuple(items));
                        break;
                    }
                    case 's': { // SETITEM
                        Object v = pop(at);
                        Object k = pop(at);
                        dict(peek(at), at).put(key(k, at), v);
                        break;
                    }
                    case 'u': { // SETITEMS
                        List<Object> kv = popMark(at);
                        if (kv.size() % 2 != 0) {
                            throw new IOException(where + "SETITEMS at byte " + at + " with an odd number of values");
                        }
                        Map<Object, Object> d = dict(peek(at), at);
                        for (int i = 0; i < kv.size(); i += 2) {
                            d.put(key(kv.get(i), at), kv.get(i + 1));
                        }
                        break;
                    }
                    case 'a': { // APPEND
                        Object v = pop(at);
                        list(peek(at), at).add(v);
                        break;
                    }
                    case 'e': { // APPENDS
                        List<Object> vs = popMark(at);
                        list(peek(at), at).addAll(vs);
                        break;
                    }
                    case 'J':
                        push((long) le(4, "BININT").getInt());
                        break;
                    case 'K':
                        push((long) u8("BININT1"));
                        break;
                    case 'M':
                        push((long) (le(2, "BININT2").getShort() & 0xffff));
                        break;
                    case 0x8a: { // LONG1: n bytes of two's complement, little-endian
                        int n = u8("LONG1");
                        byte[] v = take(n, "LONG1");
                        push(n == 0 ? 0L : toLong(v, at));
                        break;
                    }
                    case 'N':
                        push(null);
                        break;
                    case 0x88:
                        push(Boolean.TRUE);
                        break;
                    case 0x89:
                        push(Boolean.FALSE);
                        break;
                    case 'G':
                        push(ByteBuffer.wrap(take(8, "BINFLOAT")).order(ByteOrder.BIG_ENDIAN).getDouble());
                        break;
                    case 0x8c:
                        push(utf8(u8("SHORT_BINUNICODE"), "SHORT_BINUNICODE"));
                        break;
                    case 'X':
                        push(utf8(length(4, "BINUNICODE"), "BINUNICODE"));
                        break;
                    case 0x8d:
                        push(utf8(length(8, "BINUNICODE8"), "BINUNICODE8"));
                        break;
                    case 'U': // Python 2 str: read as latin-1 text, as pickle.load(encoding='latin1') does
                        push(new String(take(u8("SHORT_BINSTRING"), "SHORT_BINSTRING"), StandardCharsets.ISO_8859_1));
                        break;
                    case 'T':
                        push(new String(take(length(4, "BINSTRING"), "BINSTRING"), StandardCharsets.ISO_8859_1));
                        break;
                    case 'C':
                        push(take(u8("SHORT_BINBYTES"), "SHORT_BINBYTES"));
                        break;
                    case 'B':
                        push(take(length(4, "BINBYTES"), "BINBYTES"));
                        break;
                    case 0x8e:
                        push(take(length(8, "BINBYTES8"), "BINBYTES8"));
                        break;
                    case 0x96:
                        push(new ByteArray(take(length(8, "BYTEARRAY8"), "BYTEARRAY8")));
                        break;
                    case 'c': { // GLOBAL "module\nname\n"
                        String module = line("GLOBAL");
                        String name = line("GLOBAL");
                        push(global(module, name, at));
                        break;
                    }
                    case 0x93: { // STACK_GLOBAL
                        Object name = pop(at);
                        Object module = pop(at);
                        if (!(module instanceof String) || !(name instanceof String)) {
                            throw new IOException(where + "STACK_GLOBAL at byte " + at + " without a module and name");
                        }
                        push(global((String) module, (String) name, at));
                        break;
                    }
                    case 'R': { // REDUCE
                        Object args = pop(at);
                        Object callable = pop(at);
                        push(reduce(callable, args, at));
                        break;
                    }
                    case 'b': { // BUILD
                        Object state = pop(at);
                        build(peek(at), state, at);
                        break;
                    }
                    case 'q':
                        memoPut(u8("BINPUT"), at);
                        break;
                    case 'r':
                        memoPut(le(4, "LONG_BINPUT").getInt() & 0xffffffffL, at);
                        break;
                    case 0x94:
                        memoPut(memo.size(), at);
                        break;
                    case 'h':
                        push(memoGet(u8("BINGET"), at));
                        break;
                    case 'j':
                        push(memoGet(le(4, "LONG_BINGET").getInt() & 0xffffffffL, at));
                        break;
                    case '0':
                        pop(at);
                        break;
                    case '1':
                        popMark(at);
                        break;
                    case '2':
                        push(peek(at));
                        break;
                    case 0x98: // READONLY_BUFFER: marks the buffer on the stack read-only; nothing to do here
                        peek(at);
                        break;
                    case 0x97:
                        throw new IOException(where + "NEXT_BUFFER at byte " + at + ": the arrays were saved out of "
                            + "band (pickle.dump(..., buffer_callback=...)); save them in the file instead");
                    case 0x81:
                    case 0x92:
                    case 'o':
                    case 'i':
                        throw new IOException(where + "opcode '" + opName(op) + "' at byte " + at
                            + " builds a Python object of a class; a dict of numpy arrays needs none");
                    default:
                        throw new IOException(where + "opcode " + opName(op) + " at byte " + at
                            + " is not one a dict of numpy arrays uses (a damaged pickle, or other contents)");
                }
            }
        }

        private static String opName(int op) {
            return op >= 0x20 && op < 0x7f ? "'" + (char) op + "'" : String.format("0x%02x", op);
        }

        // ---------------------------------------------------------------- the accepted globals, called

        private Object global(String module, String name, int at) throws IOException {
            Global g = Global.of(module, name);
            if (g == null) {
                // The line that keeps a hostile pickle harmless: nothing outside the list is ever looked up or called.
                throw new IOException(where + "refuses the global " + module + "." + name + " (byte " + at + "): "
                    + "a pickle can name and call any Python function, so mllib accepts only the numpy array "
                    + "functions (numpy.core.multiarray._reconstruct, numpy.ndarray, numpy.dtype, "
                    + "numpy.core.numeric._frombuffer) and _codecs.encode");
            }
            return g;
        }

        private Object reduce(Object callable, Object args, int at) throws IOException {
            if (!(callable instanceof Global g)) {
                throw new IOException(where + "REDUCE at byte " + at + " calls " + describe(callable)
                    + ", not an accepted global");
            }
            if (!(args instanceof Tuple t)) {
                throw new IOException(where + "REDUCE at byte " + at + " with arguments " + describe(args)
                    + ", not a tuple");
            }
            List<Object> a = t.items();
            switch (g) {
                case CODECS_ENCODE: {
                    if (a.size() != 2 || !(a.get(0) instanceof String text) || !(a.get(1) instanceof String enc)
                        || !(enc.equals("latin1") || enc.equals("latin-1"))) {
                        throw new IOException(where + "_codecs.encode at byte " + at + " with arguments " + describe(args)
                            + "; protocol 2 bytes are (text, 'latin1')");
                    }
                    return latin1(text, at);
                }
                case BYTES:
                    if (!a.isEmpty()) {
                        throw new IOException(where + "bytes(...) at byte " + at + " with arguments; only bytes() is read");
                    }
                    return new byte[0];
                case RECONSTRUCT:
                    if (a.isEmpty() || a.get(0) != Global.NDARRAY) {
                        throw new IOException(where + "_reconstruct at byte " + at + " of " + describe(a.isEmpty() ? null
                            : a.get(0)) + "; only numpy.ndarray is read");
                    }
                    return new PendingArray();
                case DTYPE: {
                    if (a.isEmpty() || !(a.get(0) instanceof String code)) {
                        throw new IOException(where + "numpy.dtype at byte " + at + " with arguments " + describe(args));
                    }
                    if (!code.equals("f8") && !code.equals("f4")) {
                        throw new IOException(where + "an array of dtype '" + code + "' (byte " + at + "); mllib reads "
                            + "float64 ('f8') and float32 ('f4') arrays");
                    }
                    return new PendingDtype(code);
                }
                case FROMBUFFER: {
                    if (a.size() != 4) {
                        throw new IOException(where + "_frombuffer at byte " + at + " with " + a.size()
                            + " arguments; numpy passes (buffer, dtype, shape, order)");
                    }
                    Object buf = a.get(0);
                    byte[] data = buf instanceof ByteArray ba ? ba.bytes() : buf instanceof byte[] bs ? bs : null;
                    if (data == null) {
                        throw new IOException(where + "_frombuffer at byte " + at + " of " + describe(buf) + ", not bytes");
                    }
                    Object order = a.get(3);
                    if (!"C".equals(order) && !"F".equals(order)) {
                        throw new IOException(where + "_frombuffer at byte " + at + " with order " + describe(order)
                            + "; numpy writes 'C' or 'F'");
                    }
                    return array(dtype(a.get(1), at), shape(a.get(2), at), "F".equals(order), data, at);
                }
                default:
                    throw new IOException(where + "REDUCE at byte " + at + " calls " + g + ", which is not callable");
            }
        }

        private void build(Object target, Object state, int at) throws IOException {
            if (target instanceof PendingDtype d) {
                // (version, byte order, subarray, names, fields, elsize, alignment, flags[, metadata])
                if (!(state instanceof Tuple t) || t.items().size() < 5 || !(t.items().get(1) instanceof String order)) {
                    throw new IOException(where + "numpy.dtype state at byte " + at + " is " + describe(state));
                }
                if (t.items().get(2) != null || t.items().get(3) != null || t.items().get(4) != null) {
                    throw new IOException(where + "a structured or sub-array dtype at byte " + at
                        + "; mllib reads plain float arrays");
                }
                if (!order.equals("<") && !order.equals(">")) {
                    throw new IOException(where + "dtype " + d.code + " with byte order '" + order + "' (byte " + at
                        + "); numpy writes '<' or '>' for floats");
                }
                d.byteOrder = order.charAt(0);
            } else if (target instanceof PendingArray p) {
                // (version, shape, dtype, is_fortran, raw data); numpy's oldest form omits the version
                if (!(state instanceof Tuple t) || (t.items().size() != 5 && t.items().size() != 4)) {
                    throw new IOException(where + "numpy array state at byte " + at + " is " + describe(state)
                        + ", not (version, shape, dtype, is_fortran, data)");
                }
                List<Object> s = t.items().size() == 5 ? t.items().subList(1, 5) : t.items();
                if (!(s.get(2) instanceof Boolean fortran)) {
                    throw new IOException(where + "numpy array state at byte " + at + ": is_fortran is "
                        + describe(s.get(2)));
                }
                Object raw = s.get(3);
                byte[] data = raw instanceof byte[] bs ? bs : raw instanceof String str ? latin1(str, at) : null;
                if (data == null) {
                    throw new IOException(where + "numpy array state at byte " + at + " holds " + describe(raw)
                        + " as its data; a float array's data are bytes");
                }
                p.array = array(dtype(s.get(1), at), shape(s.get(0), at), fortran, data, at);
            } else {
                throw new IOException(where + "BUILD at byte " + at + " on " + describe(target)
                    + "; only numpy arrays and dtypes are built");
            }
        }

        private PendingDtype dtype(Object v, int at) throws IOException {
            if (!(v instanceof PendingDtype d)) {
                throw new IOException(where + "an array at byte " + at + " with dtype " + describe(v));
            }
            return d;
        }

        private int[] shape(Object v, int at) throws IOException {
            if (!(v instanceof Tuple t)) {
                throw new IOException(where + "an array at byte " + at + " with shape " + describe(v));
            }
            int[] shape = new int[t.items().size()];
            for (int i = 0; i < shape.length; i++) {
                Object d = t.items().get(i);
                if (!(d instanceof Long n) || n < 0 || n > Integer.MAX_VALUE) {
                    throw new IOException(where + "an array at byte " + at + " with dimension " + describe(d));
                }
                shape[i] = (int) (long) n;
            }
            return shape;
        }

        /** Decodes raw numpy bytes into row-major doubles. */
        private NumpyArray array(PendingDtype d, int[] shape, boolean fortran, byte[] data, int at) throws IOException {
            int width = d.code.equals("f8") ? 8 : 4;
            long numel = 1;
            for (int n : shape) {
                numel *= n;
                if (numel > Integer.MAX_VALUE) {
                    throw new IOException(where + "an array of shape " + Arrays.toString(shape) + " at byte " + at
                        + " is too large");
                }
            }
            if (numel * width != data.length) {
                throw new IOException(where + "an array " + (d.byteOrder + d.code) + " " + Arrays.toString(shape)
                    + " at byte " + at + " needs " + numel * width + " data bytes, the file holds " + data.length);
            }
            ByteBuffer buf = ByteBuffer.wrap(data).order(d.byteOrder == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
            double[] stored = new double[(int) numel];
            for (int i = 0; i < stored.length; i++) {
                stored[i] = width == 8 ? buf.getDouble(i * 8) : buf.getFloat(i * 4);
            }
            double[] values = fortran && shape.length > 1 ? toRowMajor(stored, shape) : stored;
            return NumpyArray.of(width == 8 ? "float64" : "float32", values, shape);
        }

        /** Column-major (first index fastest) to row-major (last index fastest). */
        private static double[] toRowMajor(double[] columnMajor, int[] shape) {
            int rank = shape.length;
            int[] strides = new int[rank]; // column-major strides
            int s = 1;
            for (int k = 0; k < rank; k++) {
                strides[k] = s;
                s *= shape[k];
            }
            double[] out = new double[columnMajor.length];
            int[] index = new int[rank];
            for (int i = 0; i < out.length; i++) {
                int src = 0;
                for (int k = 0; k < rank; k++) {
                    src += index[k] * strides[k];
                }
                out[i] = columnMajor[src];
                for (int k = rank - 1; k >= 0; k--) { // next row-major index
                    if (++index[k] < shape[k]) {
                        break;
                    }
                    index[k] = 0;
                }
            }
            return out;
        }

        private byte[] latin1(String text, int at) throws IOException {
            byte[] out = new byte[text.length()];
            for (int i = 0; i < out.length; i++) {
                char c = text.charAt(i);
                if (c > 0xff) {
                    throw new IOException(where + "latin-1 bytes at byte " + at + " hold the character U+"
                        + Integer.toHexString(c));
                }
                out[i] = (byte) c;
            }
            return out;
        }

        // ---------------------------------------------------------------- the stack and the memo

        private void push(Object v) {
            stackList.add(v);
        }

        private Object pop(int at) throws IOException {
            int floor = marks.isEmpty() ? 0 : marks.peek();
            if (stackList.size() <= floor) {
                throw new IOException(where + "opcode at byte " + at + " pops an empty stack (a damaged pickle)");
            }
            return stackList.remove(stackList.size() - 1);
        }

        private Object peek(int at) throws IOException {
            int floor = marks.isEmpty() ? 0 : marks.peek();
            if (stackList.size() <= floor) {
                throw new IOException(where + "opcode at byte " + at + " needs a value on an empty stack (a damaged pickle)");
            }
            return stackList.get(stackList.size() - 1);
        }

        private List<Object> popMark(int at) throws IOException {
            if (marks.isEmpty()) {
                throw new IOException(where + "opcode at byte " + at + " needs a MARK that was never set (a damaged pickle)");
            }
            int from = marks.pop();
            List<Object> top = stackList.subList(from, stackList.size());
            List<Object> items = new ArrayList<>(top);
            top.clear();
            return items;
        }

        @SuppressWarnings("unchecked")
        private Map<Object, Object> dict(Object v, int at) throws IOException {
            if (!(v instanceof Map)) {
                throw new IOException(where + "SETITEM(S) at byte " + at + " on " + describe(v) + ", not a dict");
            }
            return (Map<Object, Object>) v;
        }

        @SuppressWarnings("unchecked")
        private List<Object> list(Object v, int at) throws IOException {
            if (!(v instanceof ArrayList)) {
                throw new IOException(where + "APPEND(S) at byte " + at + " on " + describe(v) + ", not a list");
            }
            return (List<Object>) v;
        }

        /** Dict keys: strings and numbers (hashable by value in Java too); anything else is refused. */
        private Object key(Object k, int at) throws IOException {
            if (k instanceof String || k instanceof Long || k instanceof Double || k instanceof Boolean || k == null) {
                return k;
            }
            throw new IOException(where + "a dict key at byte " + at + " is " + describe(k));
        }

        private void memoPut(long index, int at) throws IOException {
            if (memo.size() >= MAX_MEMO && !memo.containsKey(index)) {
                throw new IOException(where + "more than " + MAX_MEMO + " memo entries (byte " + at + ")");
            }
            memo.put(index, peek(at));
        }

        private Object memoGet(long index, int at) throws IOException {
            if (!memo.containsKey(index)) {
                throw new IOException(where + "memo entry " + index + " read at byte " + at + " was never stored "
                    + "(a damaged pickle)");
            }
            return memo.get(index);
        }

        // ---------------------------------------------------------------- bytes

        private int u8(String op) throws IOException {
            return take(1, op)[0] & 0xff;
        }

        private ByteBuffer le(int n, String op) throws IOException {
            return ByteBuffer.wrap(take(n, op)).order(ByteOrder.LITTLE_ENDIAN);
        }

        /** A 4- or 8-byte little-endian length, checked against the bytes left. */
        private int length(int n, String op) throws IOException {
            ByteBuffer bb = le(n, op);
            long len = n == 4 ? bb.getInt() & 0xffffffffL : bb.getLong();
            if (len < 0 || len > b.length - pos) {
                throw new IOException(where + op + " at byte " + (pos - n - 1) + " announces " + (len < 0 ? "over 2^63" : String.valueOf(len))
                    + " bytes, only " + (b.length - pos) + " are left (truncated)");
            }
            return (int) len;
        }

        private byte[] take(int n, String op) throws IOException {
            if (n > b.length - pos) {
                throw new IOException(where + "ends at byte " + b.length + " inside " + op + " (needs " + n
                    + " bytes from byte " + pos + "; truncated)");
            }
            byte[] out = Arrays.copyOfRange(b, pos, pos + n);
            pos += n;
            return out;
        }

        private String utf8(int n, String op) throws IOException {
            return new String(take(n, op), StandardCharsets.UTF_8);
        }

        private String line(String op) throws IOException {
            int start = pos;
            while (pos < b.length && b[pos] != '\n') {
                if (pos - start > 256) {
                    throw new IOException(where + op + " at byte " + (start - 1) + " names a global longer than 256 bytes");
                }
                pos++;
            }
            if (pos >= b.length) {
                throw new IOException(where + "ends at byte " + b.length + " inside " + op + " (truncated)");
            }
            return new String(b, start, pos++ - start, StandardCharsets.UTF_8);
        }

        private Object toLong(byte[] le, int at) throws IOException {
            byte[] be = new byte[le.length];
            for (int i = 0; i < le.length; i++) {
                be[i] = le[le.length - 1 - i];
            }
            BigInteger v = new BigInteger(be);
            if (v.bitLength() > 63) {
                throw new IOException(where + "an integer of " + v.bitLength() + " bits at byte " + at);
            }
            return v.longValue();
        }

        static String describe(Object v) {
            if (v == null) {
                return "None";
            }
            if (v instanceof String s) {
                return "'" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "'";
            }
            if (v instanceof Long || v instanceof Double || v instanceof Boolean) {
                return v.toString();
            }
            if (v instanceof byte[] bs) {
                return "bytes of length " + bs.length;
            }
            if (v instanceof Tuple t) {
                return "a tuple of " + t.items().size();
            }
            if (v instanceof Map) {
                return "a dict";
            }
            if (v instanceof List) {
                return "a list";
            }
            if (v instanceof Global g) {
                return "the global " + g;
            }
            if (v instanceof PendingDtype d) {
                return "dtype " + d.code;
            }
            if (v instanceof PendingArray) {
                return "a numpy array";
            }
            return v.getClass().getSimpleName();
        }
    }
}
