package io.neuronlab.app.lessons;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a lesson file: Markdown whose first line is {@code # Title}; a line {@code {{widget:name}}} places a
 * widget; the quiz sits between {@code {{quiz}}} and {@code {{/quiz}}} lines, one question as
 * <pre>
 * ? The question
 * - a wrong choice
 * + the right choice
 * = Why (shown after answering).
 * </pre>
 * Errors name the file and line, so a translator sees what to fix.
 */
public final class LessonParser {
    private static final Pattern WIDGET = Pattern.compile("\\{\\{widget:([a-z0-9_]+)\\}\\}");

    private LessonParser() {
    }

    public static Lesson parse(String id, String text) {
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        int i = 0;
        while (i < lines.length && lines[i].trim().isEmpty()) {
            i++;
        }
        if (i == lines.length || !lines[i].startsWith("# ")) {
            throw error(id, i, "the first line must be the title, '# Title'");
        }
        String title = lines[i].substring(2).trim();
        i++;
        List<Lesson.Block> blocks = new ArrayList<>();
        List<Lesson.Question> quiz = new ArrayList<>();
        StringBuilder markdown = new StringBuilder();
        boolean quizSeen = false;
        for (; i < lines.length; i++) {
            String line = lines[i].trim();
            Matcher widget = WIDGET.matcher(line);
            if (widget.matches()) {
                flush(markdown, blocks);
                blocks.add(new Lesson.Widget(widget.group(1)));
            } else if (line.startsWith("{{widget")) {
                throw error(id, i, "a widget tag is {{widget:name}} with a-z, 0-9, _ : " + line);
            } else if (line.equals("{{quiz}}")) {
                if (quizSeen) {
                    throw error(id, i, "only one quiz per lesson");
                }
                quizSeen = true;
                i = readQuiz(id, lines, i + 1, quiz);
            } else {
                markdown.append(lines[i]).append('\n');
            }
        }
        flush(markdown, blocks);
        return new Lesson(id, title, blocks, quiz);
    }

    /** Reads questions up to {@code {{/quiz}}}; returns that line's index. */
    private static int readQuiz(String id, String[] lines, int i, List<Lesson.Question> quiz) {
        String question = null;
        List<String> choices = new ArrayList<>();
        int correct = -1;
        String explanation = null;
        for (; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.isEmpty()) {
                continue;
            }
            if (line.equals("{{/quiz}}") || line.startsWith("? ")) {
                if (question != null) {
                    quiz.add(question(id, i, question, choices, correct, explanation));
                }
                if (line.equals("{{/quiz}}")) {
                    return i;
                }
                question = line.substring(2).trim();
                choices = new ArrayList<>();
                correct = -1;
                explanation = null;
            } else if (question == null) {
                throw error(id, i, "a quiz starts with a question line '? …'");
            } else if (line.startsWith("- ") || line.startsWith("+ ")) {
                if (line.startsWith("+ ")) {
                    if (correct >= 0) {
                        throw error(id, i, "two right choices ('+') in one question");
                    }
                    correct = choices.size();
                }
                choices.add(line.substring(2).trim());
            } else if (line.startsWith("= ")) {
                explanation = line.substring(2).trim();
            } else {
                throw error(id, i, "in a quiz a line starts with '? ', '- ', '+ ' or '= ': " + line);
            }
        }
        throw error(id, i, "the quiz is not closed with {{/quiz}}");
    }

    private static Lesson.Question question(String id, int line, String text, List<String> choices, int correct,
                                            String explanation) {
        if (choices.size() < 2) {
            throw error(id, line, "question '" + text + "' needs at least two choices");
        }
        if (correct < 0) {
            throw error(id, line, "question '" + text + "' has no right choice ('+ ')");
        }
        if (explanation == null || explanation.isEmpty()) {
            throw error(id, line, "question '" + text + "' has no explanation ('= ')");
        }
        return new Lesson.Question(text, java.util.Collections.unmodifiableList(new ArrayList<>(choices)), correct, explanation);
    }

    private static void flush(StringBuilder markdown, List<Lesson.Block> blocks) {
        String text = markdown.toString().trim();
        if (!text.isEmpty()) {
            blocks.add(new Lesson.Text(text));
        }
        markdown.setLength(0);
    }

    private static IllegalArgumentException error(String id, int line, String message) {
        return new IllegalArgumentException("lesson " + id + ", line " + (line + 1) + ": " + message);
    }
}
