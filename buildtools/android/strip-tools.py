#!/usr/bin/env python3
"""Drop the merge instructions (tools:*) from a merged AndroidManifest.xml, in place.

The manifest merger's command-line front end writes its result with the tools: markers still in it (AGP asks
the merger API to strip them). Left in, a <uses-permission tools:node="remove"> would reach aapt2 as a real
permission. The merger has already applied the markers, so what remains is: remove the marked elements, then
every tools: attribute.

usage: strip-tools.py MANIFEST
"""
import sys
import xml.etree.ElementTree as ET

ANDROID = "http://schemas.android.com/apk/res/android"
TOOLS = "http://schemas.android.com/tools"
NODE = f"{{{TOOLS}}}node"


def strip(element):
    for child in list(element):
        if child.get(NODE) in ("remove", "removeAll"):
            element.remove(child)
        else:
            strip(child)
    for name in [n for n in element.attrib if n.startswith(f"{{{TOOLS}}}")]:
        del element.attrib[name]


def main(path):
    ET.register_namespace("android", ANDROID)
    ET.register_namespace("tools", TOOLS)
    tree = ET.parse(path)
    strip(tree.getroot())
    ET.indent(tree)
    tree.write(path, encoding="utf-8", xml_declaration=True)


if __name__ == "__main__":
    main(sys.argv[1])
