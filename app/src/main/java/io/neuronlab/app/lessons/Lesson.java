package io.neuronlab.app.lessons;

import java.util.Collections;
import java.util.List;

/**
 * One lesson as read from its Markdown file: the title (the file's first {@code # } line), the body cut into
 * Markdown text and widget places, and the quiz. The id is the file name without ".md", e.g. "04-softmax", the
 * same in every language.
 */
public final class Lesson {
    /** A piece of the body: Markdown text, or the place of a widget. */
    public interface Block {
    }

    /** Markdown (with $$…$$ math) shown as text. */
    public record Text(String markdown) implements Block {
    }

    /** The place of the widget called {@code name} ({@code {{widget:name}}} in the file). */
    public record Widget(String name) implements Block {
    }

    /** A multiple-choice question: exactly one choice is right; the explanation is shown after answering. */
    public record Question(String text, List<String> choices, int correct, String explanation) {
    }

    private final String id;
    private final String title;
    private final List<Block> blocks;
    private final List<Question> quiz;

    public Lesson(String id, String title, List<Block> blocks, List<Question> quiz) {
        this.id = id;
        this.title = title;
        this.blocks = Collections.unmodifiableList(blocks);
        this.quiz = Collections.unmodifiableList(quiz);
    }

    public String id() {
        return id;
    }

    /** The lesson's number, from its id's leading digits ("04-softmax" → 4). */
    public int number() {
        return numberOf(id);
    }

    public String title() {
        return title;
    }

    public List<Block> blocks() {
        return blocks;
    }

    public List<Question> quiz() {
        return quiz;
    }

    /** Names of the widgets in the order they appear. */
    public List<String> widgetNames() {
        List<String> names = new java.util.ArrayList<>();
        for (Block b : blocks) {
            if (b instanceof Widget w) {
                names.add(w.name());
            }
        }
        return names;
    }

    static int numberOf(String id) {
        int end = 0;
        while (end < id.length() && Character.isDigit(id.charAt(end))) {
            end++;
        }
        if (end == 0) {
            throw new IllegalArgumentException("a lesson id starts with its number, e.g. 04-softmax: " + id);
        }
        return Integer.parseInt(id.substring(0, end));
    }
}
