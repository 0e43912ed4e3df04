package io.neuronlab.app.lessons;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import android.graphics.Bitmap;
import android.graphics.Canvas;
import android.view.View;
import android.widget.LinearLayout;
import android.widget.RadioButton;
import androidx.test.core.app.ApplicationProvider;
import io.neuronlab.app.InMemoryDatabase;
import io.neuronlab.app.R;
import io.neuronlab.app.lessons.widgets.ArchitectureDiagram;
import io.neuronlab.app.lessons.widgets.ArchitectureDiagramView;
import io.neuronlab.app.lessons.widgets.FamousNetworksDemo;
import java.io.File;
import java.io.FileOutputStream;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.Robolectric;
import org.robolectric.RobolectricTestRunner;
import org.robolectric.android.controller.ActivityController;
import org.robolectric.annotation.Config;
import org.robolectric.annotation.GraphicsMode;

/**
 * Lesson 18's diagram of every famous network, dark theme, to target/screenshots/lesson18_diagram_&lt;name&gt;.png
 * for review; each shows as many blocks as the network's structure gives, and says so to TalkBack.
 */
@RunWith(RobolectricTestRunner.class)
@GraphicsMode(GraphicsMode.Mode.NATIVE)
@Config(qualifiers = "w360dp-h640dp-night-xhdpi")
public class FamousNetworksScreenshotTest {
    @Rule
    public final InMemoryDatabase database = new InMemoryDatabase();

    @Test
    public void everyNetworksDiagram() throws Exception {
        ActivityController<LessonActivity> controller = Robolectric.buildActivity(LessonActivity.class,
                LessonActivity.intent(ApplicationProvider.getApplicationContext(), "18-architectures")).setup();
        try {
            LessonActivity activity = controller.get();
            LinearLayout content = activity.findViewById(R.id.lesson_content);
            List<FamousNetworksDemo.Network> networks = FamousNetworksDemo.networks();
            for (int i = 0; i < networks.size(); i++) {
                ((RadioButton) content.findViewWithTag("famous_" + i)).performClick();
                ArchitectureDiagramView diagram = content.findViewWithTag("famous_diagram");
                List<ArchitectureDiagram.Block> blocks = diagram.blocks();
                assertEquals(networks.get(i).name(),
                        ArchitectureDiagram.of(networks.get(i).spec(), ArchitectureDiagram.Words.ENGLISH).size(),
                        blocks.size());
                String description = diagram.getContentDescription().toString();
                assertTrue(description, description.contains(blocks.size() + " blocks"));
                View card = (View) diagram.getParent();
                card.measure(View.MeasureSpec.makeMeasureSpec(720, View.MeasureSpec.EXACTLY),
                        View.MeasureSpec.makeMeasureSpec(0, View.MeasureSpec.UNSPECIFIED));
                card.layout(0, 0, 720, card.getMeasuredHeight());
                Bitmap bitmap = Bitmap.createBitmap(720, card.getMeasuredHeight(), Bitmap.Config.ARGB_8888);
                Canvas canvas = new Canvas(bitmap);
                canvas.drawColor(activity.getColor(R.color.surface));
                card.draw(canvas);
                File file = new File(System.getProperty("neuronlab.screenshots.dir", "target/screenshots"),
                        "lesson18_diagram_" + networks.get(i).name() + ".png");
                assertTrue(file.getParentFile().isDirectory() || file.getParentFile().mkdirs());
                try (FileOutputStream out = new FileOutputStream(file)) {
                    assertTrue(bitmap.compress(Bitmap.CompressFormat.PNG, 100, out));
                }
            }
        } finally {
            controller.pause().stop().destroy();
        }
    }
}
