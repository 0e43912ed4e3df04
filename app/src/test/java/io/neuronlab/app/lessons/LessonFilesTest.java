package io.neuronlab.app.lessons;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.neuronlab.app.lessons.widgets.Widgets;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

/** Every lesson file parses, names only real widgets, and both languages have the same lessons, widgets and quizzes. */
public class LessonFilesTest {
    private static final LessonSource SOURCE = LessonSource.directory(new File("src/main/assets"));

    @Test
    public void everyLessonParsesWithARealWidgetAndAThreeQuestionQuiz() {
        for (LessonLanguage language : LessonLanguage.values()) {
            List<Lesson> lessons = SOURCE.all(language);
            assertFalse("no lessons in " + language.folder, lessons.isEmpty());
            for (Lesson lesson : lessons) {
                String where = language.folder + "/" + lesson.id();
                assertFalse(where + " title", lesson.title().isEmpty());
                assertTrue(where + " has text", lesson.blocks().get(0) instanceof Lesson.Text);
                for (String widget : lesson.widgetNames()) {
                    assertTrue(where + " names unknown widget " + widget, Widgets.names().contains(widget));
                }
                assertEquals(where + " quiz questions", 3, lesson.quiz().size());
                for (Lesson.Question q : lesson.quiz()) {
                    assertTrue(where + ": " + q.text(), q.choices().size() >= 2 && q.correct() < q.choices().size());
                }
            }
        }
    }

    @Test
    public void bothLanguagesHaveTheSameLessonsWidgetsAndQuizzes() {
        List<String> en = SOURCE.ids(LessonLanguage.ENGLISH);
        assertEquals(en, SOURCE.ids(LessonLanguage.SIMPLIFIED_CHINESE));
        for (String id : en) {
            Lesson english = SOURCE.lesson(LessonLanguage.ENGLISH, id);
            Lesson chinese = SOURCE.lesson(LessonLanguage.SIMPLIFIED_CHINESE, id);
            assertEquals(id + " widgets", english.widgetNames(), chinese.widgetNames());
            assertEquals(id + " quiz", shape(english), shape(chinese));
        }
    }

    @Test
    public void lessonsAreNumberedOneByOne() {
        List<String> ids = SOURCE.ids(LessonLanguage.ENGLISH);
        List<Integer> numbers = new ArrayList<>();
        for (String id : ids) {
            numbers.add(Lesson.numberOf(id));
        }
        for (int i = 1; i < numbers.size(); i++) {
            assertTrue("lesson numbers " + numbers, numbers.get(i) > numbers.get(i - 1));
        }
    }

    @Test
    public void everyRegisteredWidgetIsUsedByALesson() {
        List<String> used = new ArrayList<>();
        for (Lesson lesson : SOURCE.all(LessonLanguage.ENGLISH)) {
            used.addAll(lesson.widgetNames());
        }
        for (String widget : Widgets.names()) {
            assertTrue("widget " + widget + " is in no lesson", used.contains(widget));
        }
    }

    @Test
    public void malformedFilesAreRejectedWithTheLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LessonParser.parse("01-x", "# T\ntext\n{{quiz}}\n? Q\n- a\n- b\n= why\n{{/quiz}}\n"));
        assertTrue(e.getMessage(), e.getMessage().contains("no right choice"));
        e = assertThrows(IllegalArgumentException.class, () -> LessonParser.parse("01-x", "no title"));
        assertTrue(e.getMessage(), e.getMessage().contains("line 1"));
        e = assertThrows(IllegalArgumentException.class,
                () -> LessonParser.parse("01-x", "# T\n{{quiz}}\n? Q\n+ a\n- b\n= why\n"));
        assertTrue(e.getMessage(), e.getMessage().contains("not closed"));
        e = assertThrows(IllegalArgumentException.class, () -> LessonParser.parse("01-x", "# T\n{{widget:Soft Max}}\n"));
        assertTrue(e.getMessage(), e.getMessage().contains("line 2"));
    }

    @Test
    public void parsesTextWidgetsAndQuizInOrder() {
        Lesson lesson = LessonParser.parse("07-x", "# Title\n\nIntro $$x^2$$\n{{widget:softmax}}\nMore\n"
                + "{{quiz}}\n? Q1\n- a\n+ b\n= because\n{{/quiz}}\n");
        assertEquals(7, lesson.number());
        assertEquals("Title", lesson.title());
        assertEquals(3, lesson.blocks().size());
        assertEquals(new Lesson.Text("Intro $$x^2$$"), lesson.blocks().get(0));
        assertEquals(new Lesson.Widget("softmax"), lesson.blocks().get(1));
        assertEquals(new Lesson.Text("More"), lesson.blocks().get(2));
        assertEquals(1, lesson.quiz().get(0).correct());
        assertEquals("because", lesson.quiz().get(0).explanation());
    }

    private static List<String> shape(Lesson lesson) {
        List<String> shape = new ArrayList<>();
        for (Lesson.Question q : lesson.quiz()) {
            shape.add(q.choices().size() + " choices, right " + q.correct());
        }
        return shape;
    }
}
