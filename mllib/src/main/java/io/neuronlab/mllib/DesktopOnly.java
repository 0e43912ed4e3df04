package io.neuronlab.mllib;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class that runs only on the desktop JVM (the CLI, the benchmark): it may use APIs Android API 24
 * lacks, such as {@code java.nio.file} or {@code javax.imageio}. The animal-sniffer check of mllib against the
 * Android API-24 signature skips classes carrying this annotation; Android code must never reach them.
 */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface DesktopOnly {
}
