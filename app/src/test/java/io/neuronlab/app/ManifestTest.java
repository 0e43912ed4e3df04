package io.neuronlab.app;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.neuronlab.app.home.Feature;
import java.io.File;
import java.util.HashSet;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.BeforeClass;
import org.junit.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The merged manifest (what goes into the APK): offline, no legacy permissions, every screen declared. */
public class ManifestTest {
    private static final String ANDROID = "http://schemas.android.com/apk/res/android";
    private static Document manifest;

    @BeforeClass
    public static void readMergedManifest() throws Exception {
        File file = new File(System.getProperty("neuronlab.merged.manifest", "target/android/AndroidManifest.xml"));
        assertTrue("merged manifest not found at " + file + " (run through Maven)", file.isFile());
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        manifest = factory.newDocumentBuilder().parse(file);
    }

    private static Set<String> names(String tag) {
        Set<String> names = new HashSet<>();
        NodeList nodes = manifest.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            names.add(((Element) nodes.item(i)).getAttributeNS(ANDROID, "name"));
        }
        return names;
    }

    @Test
    public void appIsOfflineByDesign() {
        Set<String> permissions = names("uses-permission");
        assertFalse(permissions.toString(), permissions.contains("android.permission.INTERNET"));
        assertFalse(permissions.toString(), permissions.contains("android.permission.ACCESS_NETWORK_STATE"));
    }

    @Test
    public void permissionsImpliedByTfliteAreRemoved() {
        Set<String> permissions = names("uses-permission");
        for (String legacy : new String[] {"READ_PHONE_STATE", "READ_EXTERNAL_STORAGE", "WRITE_EXTERNAL_STORAGE"}) {
            assertFalse(permissions.toString(), permissions.contains("android.permission." + legacy));
        }
        assertTrue(permissions.contains("android.permission.CAMERA"));
    }

    @Test
    public void mergeMarkersDoNotReachTheApk() {
        assertEquals("", manifest.getDocumentElement().getAttribute("xmlns:tools"));
        assertEquals(0, manifest.getElementsByTagNameNS("http://schemas.android.com/tools", "*").getLength());
    }

    @Test
    public void everyFeatureActivityIsDeclared() {
        Set<String> activities = names("activity");
        for (Feature feature : Feature.values()) {
            assertTrue(feature.activity.getName() + " missing from " + activities,
                    activities.contains(feature.activity.getName()));
        }
    }

    @Test
    public void sdkLevelsAre24And34() {
        Element usesSdk = (Element) manifest.getElementsByTagName("uses-sdk").item(0);
        assertEquals("24", usesSdk.getAttributeNS(ANDROID, "minSdkVersion"));
        assertEquals("34", usesSdk.getAttributeNS(ANDROID, "targetSdkVersion"));
    }
}
