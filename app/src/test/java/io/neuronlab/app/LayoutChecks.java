package io.neuronlab.app;

import android.text.Layout;
import android.view.View;
import android.view.ViewGroup;
import android.widget.TextView;
import java.util.ArrayList;
import java.util.List;

/**
 * What a person checks on a screenshot, as code: every text that is shown fits its view (no cut-off lines, no
 * ellipsis, no line wider than the view), and nothing shown sticks out of the window at the side.
 */
public final class LayoutChecks {
    private LayoutChecks() {
    }

    /** Problems found in the laid-out hierarchy under {@code root}, as sentences; empty when it looks right. */
    public static List<String> problems(View root) {
        List<String> problems = new ArrayList<>();
        int[] rootAt = new int[2];
        root.getLocationInWindow(rootAt);
        visit(root, root.getWidth() + rootAt[0], problems);
        return problems;
    }

    private static void visit(View v, int windowRight, List<String> problems) {
        if (v.getVisibility() != View.VISIBLE) {
            return;
        }
        int[] at = new int[2];
        v.getLocationInWindow(at);
        if (v.getWidth() > 0 && at[0] + v.getWidth() > windowRight + 1) {
            problems.add(describe(v) + " ends at x=" + (at[0] + v.getWidth()) + ", past the window's " + windowRight);
        }
        if (v instanceof TextView) {
            checkText((TextView) v, problems);
        }
        if (v instanceof ViewGroup) {
            ViewGroup g = (ViewGroup) v;
            for (int i = 0; i < g.getChildCount(); i++) {
                visit(g.getChildAt(i), windowRight, problems);
            }
        }
    }

    private static void checkText(TextView t, List<String> problems) {
        Layout layout = t.getLayout();
        if (layout == null || t.getText().length() == 0 || t.getWidth() == 0) {
            return;
        }
        int width = t.getWidth() - t.getTotalPaddingLeft() - t.getTotalPaddingRight();
        int height = t.getHeight() - t.getTotalPaddingTop() - t.getTotalPaddingBottom();
        int lines = Math.min(layout.getLineCount(), t.getMaxLines());
        if (layout.getLineCount() > t.getMaxLines()) {
            problems.add(describe(t) + " needs " + layout.getLineCount() + " lines but shows " + t.getMaxLines());
        }
        for (int i = 0; i < lines; i++) {
            if (layout.getEllipsisCount(i) > 0) {
                problems.add(describe(t) + " is cut with an ellipsis");
            }
            if (layout.getLineWidth(i) > width + 1) {
                problems.add(describe(t) + " line " + i + " is " + layout.getLineWidth(i) + " px wide in " + width);
            }
        }
        if (lines > 0 && layout.getLineBottom(lines - 1) > height + 1) {
            problems.add(describe(t) + " needs " + layout.getLineBottom(lines - 1) + " px of height, has " + height);
        }
    }

    private static String describe(View v) {
        String id = v.getId() == View.NO_ID ? "" : v.getResources().getResourceEntryName(v.getId());
        String text = v instanceof TextView ? " \"" + ((TextView) v).getText() + "\"" : "";
        return v.getClass().getSimpleName() + (id.isEmpty() ? "" : " " + id) + text;
    }

    /** Whether {@code v} lies entirely within the first {@code height} pixels of the window (above the fold). */
    public static boolean aboveTheFold(View v, int height) {
        int[] at = new int[2];
        v.getLocationInWindow(at);
        return v.getVisibility() == View.VISIBLE && at[1] + v.getHeight() <= height;
    }
}
