#!/usr/bin/env python3
"""Inline <macro> resources in a res/ directory, in place.

material >= 1.9 declares <macro name="m3_comp_...">?attr/...</macro> values and refers to them as @macro/NAME.
Macros arrived with AGP 7.2; Debian's aapt2 (Android 10) silently drops every value that uses one. Newer aapt2
replaces each reference by the macro's body at compile time -- this does the same before compiling.

usage: expand-macros.py RES_DIR
"""
import pathlib
import re
import sys

MACRO = re.compile(r'[ \t]*<macro\s+name="([^"]+)"\s*>(.*?)</macro>[ \t]*\n?', re.S)
REFERENCE = re.compile(r'@macro/([\w.]+)')


def main(res_dir):
    files = sorted(pathlib.Path(res_dir).rglob("*.xml"))
    texts = {f: f.read_text(encoding="utf-8") for f in files}
    macros = {}
    for text in texts.values():
        for name, body in MACRO.findall(text):
            macros[name] = body.strip()
    if not macros:
        return

    def resolve(name, depth=0):
        if name not in macros:
            raise SystemExit(f"expand-macros: @macro/{name} is used but never declared in {res_dir}")
        if depth > 16:
            raise SystemExit(f"expand-macros: @macro/{name} refers to itself in {res_dir}")
        return REFERENCE.sub(lambda m: resolve(m.group(1), depth + 1), macros[name])

    for f, text in texts.items():
        expanded = REFERENCE.sub(lambda m: resolve(m.group(1)), MACRO.sub("", text))
        if expanded != text:
            f.write_text(expanded, encoding="utf-8")
    print(f"[android] inlined {len(macros)} macros in {res_dir}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1])
