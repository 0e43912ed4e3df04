package io.neuronlab.mllib.cli;

import io.neuronlab.mllib.DesktopOnly;

/** The exporters' {@code --input-shape C,H,W} option: one sample's shape in mllib's layout (no batch axis). */
@DesktopOnly
final class InputShape {
    static final Option OPTION = Option.value("input-shape", "C,H,W", null, "one sample's shape, e.g. 1,28,28 or 784");

    private InputShape() {
    }

    /** The shape given, or null when the option is absent. */
    static int[] of(Args args) throws UsageException {
        if (!args.has("input-shape")) {
            return null;
        }
        String text = args.required("input-shape");
        String[] parts = text.split(",");
        int[] dims = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                dims[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                dims[i] = -1;
            }
            if (dims[i] <= 0) {
                throw new UsageException("--input-shape takes positive whole numbers separated by commas, e.g. 1,28,28; got \""
                    + text + "\"");
            }
        }
        return dims;
    }

    static String toString(int[] shape) {
        StringBuilder s = new StringBuilder("[");
        for (int d : shape) {
            s.append(s.length() == 1 ? "" : ", ").append(d);
        }
        return s.append(']').toString();
    }
}
