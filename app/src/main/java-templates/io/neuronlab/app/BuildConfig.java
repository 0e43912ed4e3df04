package io.neuronlab.app;

/** Build facts written by Maven (app/pom.xml properties) into this generated class. */
public final class BuildConfig {
    public static final String APPLICATION_ID = "${android.applicationId}";
    public static final String VERSION_NAME = "${android.versionName}";
    public static final int VERSION_CODE = ${android.versionCode};
    public static final int MIN_SDK = ${android.minSdk};
    public static final int TARGET_SDK = ${android.targetSdk};
    public static final String MLLIB_VERSION = "${project.version}";
    public static final String TFLITE_VERSION = "${tflite.version}";

    private BuildConfig() {}
}
