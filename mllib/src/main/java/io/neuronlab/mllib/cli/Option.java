package io.neuronlab.mllib.cli;

import io.neuronlab.mllib.DesktopOnly;

/**
 * One {@code --name} option of a command: a flag when {@code valueName} is null, otherwise it takes a value;
 * {@code defaultValue} (may be null) is shown in the help and used when the option is absent.
 */
@DesktopOnly
public record Option(String name, String valueName, String defaultValue, String description) {
    public static Option flag(String name, String description) {
        return new Option(name, null, null, description);
    }

    public static Option value(String name, String valueName, String defaultValue, String description) {
        return new Option(name, valueName, defaultValue, description);
    }

    public boolean isFlag() {
        return valueName == null;
    }
}
