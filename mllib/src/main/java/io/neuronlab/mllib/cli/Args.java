package io.neuronlab.mllib.cli;

import io.neuronlab.mllib.DesktopOnly;

import java.io.File;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed command line for one command: {@code --name value} and {@code --name=value} options, flags and
 * positional arguments, checked against the command's declared {@link Option}s. Typed getters turn bad
 * values into {@link UsageException}s that name the option.
 */
@DesktopOnly
public final class Args {
    private final Map<String, Option> declared = new LinkedHashMap<>();
    private final Map<String, String> values = new LinkedHashMap<>();
    private final List<String> positional = new ArrayList<>();
    private String[] words = new String[0];
    private boolean help;

    private Args() {
    }

    /** Parses {@code argv} (the words after the command name). */
    public static Args parse(List<Option> options, String[] argv) throws UsageException {
        Args a = new Args();
        a.words = argv.clone();
        for (Option o : options) {
            a.declared.put(o.name(), o);
        }
        for (int i = 0; i < argv.length; i++) {
            String word = argv[i];
            if (word.equals("--help") || word.equals("-h")) {
                a.help = true;
            } else if (word.equals("--")) {
                for (i++; i < argv.length; i++) {
                    a.positional.add(argv[i]);
                }
            } else if (word.startsWith("--")) {
                int eq = word.indexOf('=');
                String name = eq < 0 ? word.substring(2) : word.substring(2, eq);
                Option o = a.declared.get(name);
                if (o == null) {
                    throw new UsageException("unknown option --" + name
                        + (a.declared.isEmpty() ? " (this command takes no options)" : "; options are " + names(options)));
                }
                if (o.isFlag()) {
                    if (eq >= 0) {
                        throw new UsageException("--" + name + " is a flag and takes no value");
                    }
                    a.values.put(name, "true");
                } else if (eq >= 0) {
                    a.values.put(name, word.substring(eq + 1));
                } else if (i + 1 < argv.length) {
                    a.values.put(name, argv[++i]);
                } else {
                    throw new UsageException("--" + name + " needs a value: --" + name + " " + o.valueName());
                }
            } else {
                a.positional.add(word);
            }
        }
        return a;
    }

    private static String names(List<Option> options) {
        StringBuilder b = new StringBuilder();
        for (Option o : options) {
            b.append(b.length() == 0 ? "" : ", ").append("--").append(o.name());
        }
        return b.toString();
    }

    /** The words as given, joined by spaces (recorded in saved models so a run can be repeated). */
    public String commandLine() {
        StringBuilder b = new StringBuilder();
        for (String w : words) {
            b.append(b.length() == 0 ? "" : " ").append(w.indexOf(' ') >= 0 ? "'" + w + "'" : w);
        }
        return b.toString();
    }

    public boolean helpRequested() {
        return help;
    }

    public List<String> positional() {
        return Collections.unmodifiableList(positional);
    }

    /** The option's value, its default, or null. */
    public String get(String name) {
        Option o = declared.get(name);
        if (o == null) {
            throw new IllegalArgumentException("option --" + name + " was not declared");
        }
        String v = values.get(name);
        return v != null ? v : o.defaultValue();
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public boolean flag(String name) {
        return "true".equals(get(name));
    }

    public String required(String name) throws UsageException {
        String v = get(name);
        if (v == null || v.isEmpty()) {
            throw new UsageException("missing --" + name + " " + declared.get(name).valueName());
        }
        return v;
    }

    public int intValue(String name) throws UsageException {
        String v = required(name);
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number, got \"" + v + "\"");
        }
    }

    public int positiveInt(String name) throws UsageException {
        int n = intValue(name);
        if (n <= 0) {
            throw new UsageException("--" + name + " must be positive, got " + n);
        }
        return n;
    }

    public long longValue(String name) throws UsageException {
        String v = required(name);
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number, got \"" + v + "\"");
        }
    }

    public double doubleValue(String name) throws UsageException {
        String v = required(name);
        try {
            double d = Double.parseDouble(v);
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a number, got \"" + v + "\"");
        }
    }

    /**
     * A positive number as a float: checked after the conversion, so {@code 1e39} (infinite as a float) and
     * {@code 1e-50} (zero as a float) are refused with the range a float holds.
     */
    public float positiveFloat(String name) throws UsageException {
        double d = doubleValue(name);
        float f = (float) d;
        if (!(d > 0)) {
            throw new UsageException("--" + name + " must be positive, got " + get(name));
        }
        if (Float.isInfinite(f) || f < Float.MIN_NORMAL) {
            throw new UsageException("--" + name + " " + get(name) + " is out of a float's range: give a value from "
                + Float.MIN_NORMAL + " to " + Float.MAX_VALUE);
        }
        return f;
    }

    /** One of {@code choices} (exact match). */
    public String choice(String name, String... choices) throws UsageException {
        String v = required(name);
        for (String c : choices) {
            if (c.equals(v)) {
                return v;
            }
        }
        throw new UsageException("--" + name + " must be one of " + String.join("|", choices) + ", got \"" + v + "\"");
    }

    public File file(String name) throws UsageException {
        return new File(required(name));
    }
}
