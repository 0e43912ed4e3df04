package io.neuronlab.app;

import android.os.Bundle;

/** A screen opened from home: its layout, its title, and an Up arrow back to home. */
public abstract class FeatureActivity extends NeuronLabActivity {
    private final int layoutId;
    private final int titleId;

    protected FeatureActivity(int layoutId, int titleId) {
        this.layoutId = layoutId;
        this.titleId = titleId;
    }

    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        setContentView(layoutId);
        setTitle(titleId);
        if (getSupportActionBar() != null) {
            getSupportActionBar().setDisplayHomeAsUpEnabled(true);
        }
    }
}
