package io.neuronlab.app;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Every English string has a Simplified Chinese one with the same format arguments, file for file. */
public class TranslationTest {
    private static final File RES = new File("src/main/res");

    private static Map<String, String> strings(File file) throws Exception {
        Map<String, String> strings = new TreeMap<>();
        if (!file.isFile()) {
            return strings;
        }
        NodeList nodes = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file)
                .getDocumentElement().getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element element) {
                strings.put(element.getTagName() + "/" + element.getAttribute("name"), element.getTextContent());
            }
        }
        return strings;
    }

    /** The printf conversions in order, e.g. "%1$s %2$d" -> "%1$s%2$d": a translation must keep them. */
    private static String formatArguments(String text) {
        StringBuilder arguments = new StringBuilder();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("%(\\d+\\$)?[-.\\d]*[sdf]").matcher(text);
        while (m.find()) {
            arguments.append(m.group());
        }
        return arguments.toString();
    }

    @Test
    public void simplifiedChineseCoversEveryEnglishString() throws Exception {
        File[] english = new File(RES, "values").listFiles((dir, name) -> name.startsWith("strings"));
        assertTrue("no strings*.xml under " + RES.getAbsolutePath(), english != null && english.length > 1);
        for (File file : english) {
            Map<String, String> en = strings(file);
            Map<String, String> zh = strings(new File(RES, "values-zh-rCN/" + file.getName()));
            assertEquals("names in values-zh-rCN/" + file.getName(), en.keySet(), zh.keySet());
            for (String name : en.keySet()) {
                if (name.startsWith("string/")) {
                    assertEquals(name, formatArguments(en.get(name)), formatArguments(zh.get(name)));
                }
            }
        }
    }
}
