package io.neuronlab.mllib.cli;

import io.neuronlab.mllib.DesktopOnly;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The desktop command line: {@code java -jar mllib/target/mllib.jar <command> [options]}. Exit codes: 0 on
 * success, 1 when the work failed (missing data, damaged model file, ...), 2 for a wrong command line.
 */
@DesktopOnly
public final class Main {
    static final String PROGRAM = "java -jar mllib.jar";

    private Main() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err, System.getenv());
        System.out.flush();
        System.exit(code); // also ends worker threads a command may have left running
    }

    /** The commands, in the order the help lists them. */
    static List<Command> commands() {
        List<Command> list = new ArrayList<>();
        list.add(new TrainCommand());
        list.add(new EvalCommand());
        list.add(new PredictCommand());
        list.add(new DemoCommand());
        list.add(new InfoCommand());
        list.add(new GradcheckCommand());
        list.add(new BenchCommand());
        list.add(new ExportTfliteCommand());
        list.add(new ExportOnnxCommand());
        list.add(new ImportCommand());
        list.add(new ExportSafetensorsCommand());
        list.add(new RobustnessCommand());
        list.add(new TrainPairsCommand());
        return list;
    }

    /** Runs one command line and returns its exit code; everything printed goes to {@code out}/{@code err}. */
    public static int run(String[] argv, PrintStream out, PrintStream err, Map<String, String> env) {
        List<Command> commands = commands();
        if (argv.length == 0) {
            printGlobalHelp(err, commands);
            return 2;
        }
        String name = argv[0];
        if (name.equals("--help") || name.equals("-h") || name.equals("help")) {
            if (argv.length > 1 && !name.equals("help")) {
                err.println("mllib: --help takes no arguments; for a command's help: " + PROGRAM + " <command> --help");
                return 2;
            }
            if (argv.length > 1) {
                Command c = find(commands, argv[1]);
                if (c == null) {
                    return unknownCommand(err, argv[1], commands);
                }
                printHelp(out, c);
                return 0;
            }
            printGlobalHelp(out, commands);
            return 0;
        }
        Command command = find(commands, name);
        if (command == null) {
            return unknownCommand(err, name, commands);
        }
        Console console = new Console(out, err, env);
        try {
            Args args = Args.parse(command.options(), Arrays.copyOfRange(argv, 1, argv.length));
            if (args.helpRequested()) {
                printHelp(out, command);
                return 0;
            }
            return command.run(args, console);
        } catch (UsageException e) {
            err.println("mllib " + name + ": " + e.getMessage());
            err.println("Run '" + PROGRAM + " " + name + " --help' for its options.");
            return 2;
        } catch (CommandFailedException e) {
            err.println("mllib " + name + ": error: " + e.getMessage());
            return 1;
        } catch (NoClassDefFoundError e) {
            err.println("mllib " + name + ": error: class " + e.getMessage() + " is missing: run the jar where Maven built it"
                + " (mllib/target/mllib.jar needs mllib/target/lib/ beside it)");
            return 1;
        } catch (OutOfMemoryError e) {
            err.println("mllib " + name + ": error: out of memory; give Java more heap, e.g. java -Xmx4g -jar ...");
            return 1;
        } catch (RuntimeException e) {
            // a check a command did not expect (a shape a damaged model implies, ...): one line, no stack trace
            err.println("mllib " + name + ": error: " + unexpected(e));
            return 1;
        }
    }

    /** An unexpected failure in one line: the message of its innermost cause that has one, with its type. */
    static String unexpected(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t && (t.getMessage() == null || t.getMessage().isEmpty()
            || t.getMessage().equals(t.getCause().toString()))) { // a wrapper that only repeats its cause
            t = t.getCause();
        }
        String message = t.getMessage() == null || t.getMessage().isEmpty() ? "(no message)"
            : t.getMessage().replace('\n', ' ');
        boolean plain = t instanceof IllegalArgumentException || t instanceof IllegalStateException;
        return (plain ? "" : t.getClass().getSimpleName() + ": ") + message;
    }

    private static Command find(List<Command> commands, String name) {
        for (Command c : commands) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        return null;
    }

    private static int unknownCommand(PrintStream err, String name, List<Command> commands) {
        StringBuilder names = new StringBuilder();
        for (Command c : commands) {
            names.append(names.length() == 0 ? "" : ", ").append(c.name());
        }
        err.println("mllib: unknown command '" + name + "'; commands are " + names);
        err.println("Run '" + PROGRAM + " --help' for what each does.");
        return 2;
    }

    static void printGlobalHelp(PrintStream out, List<Command> commands) {
        out.println("NeuronLab mllib: a deep-learning library in plain Java, and its command line.");
        out.println();
        out.println("usage: " + PROGRAM + " <command> [options]");
        out.println();
        out.println("commands:");
        for (Command c : commands) {
            out.println(String.format(Locale.ROOT, "  %-14s %s", c.name(), c.summary()));
        }
        out.println();
        out.println("'" + PROGRAM + " <command> --help' shows a command's options.");
        out.println("MNIST is read from --data DIR, else $NEURONLAB_DATA, else .cache/mnist (scripts/fetch-mnist.sh fills it).");
    }

    static void printHelp(PrintStream out, Command c) {
        StringBuilder usage = new StringBuilder("usage: " + PROGRAM + " " + c.name());
        if (!c.options().isEmpty()) {
            usage.append(" [options]");
        }
        if (!c.arguments().isEmpty()) {
            usage.append(' ').append(c.arguments());
        }
        out.println(usage);
        out.println();
        out.println(c.summary());
        out.println();
        out.println("options:");
        for (Option o : c.options()) {
            String left = "--" + o.name() + (o.isFlag() ? "" : " " + o.valueName());
            String right = o.description() + (o.defaultValue() == null ? "" : " (default: " + o.defaultValue() + ")");
            if (left.length() > 22) {
                out.println("  " + left); // long value lists get their own line
                out.println(String.format(Locale.ROOT, "  %-22s %s", "", right));
            } else {
                out.println(String.format(Locale.ROOT, "  %-22s %s", left, right));
            }
        }
        out.println(String.format(Locale.ROOT, "  %-22s %s", "--help", "show this help"));
        if (!c.details().isEmpty()) {
            out.println();
            out.println(c.details());
        }
    }
}
