package io.neuronlab.app.home;

import android.content.Intent;
import android.os.Bundle;
import io.neuronlab.app.NeuronLabActivity;
import io.neuronlab.app.R;

/** The launcher screen: a card per feature; each opens that feature's Activity. */
public class HomeActivity extends NeuronLabActivity {
    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        setContentView(R.layout.activity_home);
        for (Feature feature : Feature.values()) {
            findViewById(feature.homeEntryId).setOnClickListener(
                    v -> startActivity(new Intent(this, feature.activity)));
        }
    }
}
