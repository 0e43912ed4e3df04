#!/usr/bin/env python3
"""Lock the app's Android libraries: compute their dependency closure the way Gradle would and write it into
app/pom.xml as a flat, ordered list of direct dependencies.

Why: AndroidX poms declare AAR dependencies without <type>aar</type>, pin neighbours with ranges like
"[2.8.7]" and publish their real constraints as Gradle module metadata, which Maven ignores. Plain Maven
resolution therefore fails or mixes versions. Gradle picks the highest requested version of every module and
honours the constraints (the poms' <dependencyManagement>); this script does the same against what Maven
Central serves, then lists every module as a direct dependency with a *:* exclusion, so Maven resolves exactly
this set. Order: dependencies before dependants (the build uses it as the resource overlay order).

usage: python3 tools/lock-androidx.py [--roots tools/androidx.txt] [--pom app/pom.xml] [--dry-run]
"""
import argparse
import os
import pathlib
import re
import sys
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET

CENTRAL = os.environ.get("MAVEN_CENTRAL", "https://repo.maven.apache.org/maven2")
CACHE = pathlib.Path(os.environ.get("POM_CACHE", pathlib.Path.home() / ".cache" / "neuronlab" / "poms"))
NS = {"m": "http://maven.apache.org/POM/4.0.0"}
BEGIN, END = "<!-- BEGIN GENERATED", "<!-- END GENERATED -->"
# declared by the project itself (junit) -- not locked here
UNLOCKED_GROUPS = {"junit"}


def fetch(path):
    """Bytes of a file on Central, or None if it is not there. Cached, including the misses."""
    cached = CACHE / path.replace("/", "_")
    if cached.exists():
        data = cached.read_bytes()
        return None if data == b"" else data
    try:
        with urllib.request.urlopen(f"{CENTRAL}/{path}", timeout=60) as response:
            data = response.read()
    except urllib.error.HTTPError as e:
        if e.code != 404:
            raise
        data = b""
    CACHE.mkdir(parents=True, exist_ok=True)
    cached.write_bytes(data)
    return data or None


def version_key(version):
    """Orders 1.10.0 > 1.9.3 and a release above its alpha/beta/rc."""
    key = []
    for part in re.split(r"[.\-]", version):
        if part.isdigit():
            key.append((1, int(part), ""))
        else:
            m = re.match(r"([a-zA-Z]*)(\d*)", part)
            rank = {"dev": -5, "alpha": -4, "beta": -3, "rc": -2}.get(m.group(1).lower(), -1)
            key.append((rank, int(m.group(2) or 0), part))
    return key + [(0, 0, "")]


def plain_version(spec):
    """'[2.8.7]' / '[1.0,2.0)' / '1.3.0' -> the lowest version named."""
    return spec.strip("[]() ").split(",")[0].strip()


class Module:
    """One group:artifact:version as its pom describes it."""

    def __init__(self, group, artifact, version):
        self.group, self.artifact, self.version = group, artifact, version
        data = fetch(f"{group.replace('.', '/')}/{artifact}/{version}/{artifact}-{version}.pom")
        self.exists = data is not None
        self.packaging, self.dependencies, self.constraints = "jar", [], []
        if self.exists:
            self._read(ET.fromstring(data))

    def _read(self, pom):
        text = lambda el, tag: (el.findtext(f"m:{tag}", namespaces=NS) or "").strip()
        props = {"project.version": self.version, "version": self.version, "project.groupId": self.group}
        for prop in pom.findall("m:properties/*", NS):
            props[prop.tag.split("}")[1]] = (prop.text or "").strip()
        expand = lambda s: re.sub(r"\$\{([^}]+)\}", lambda m: props.get(m.group(1), m.group(0)), s)
        self.packaging = text(pom, "packaging") or "jar"
        # Gradle-published poms carry the module's constraints as dependencyManagement
        for dep in pom.findall("m:dependencyManagement/m:dependencies/m:dependency", NS):
            version = plain_version(expand(text(dep, "version")))
            if version and "$" not in version:
                self.constraints.append((text(dep, "groupId"), text(dep, "artifactId"), version))
        for dep in pom.findall("m:dependencies/m:dependency", NS):
            if text(dep, "scope") in ("test", "provided", "system") or text(dep, "optional") == "true":
                continue
            version = plain_version(expand(text(dep, "version")))
            self.dependencies.append((expand(text(dep, "groupId")), text(dep, "artifactId"), version))


def available_versions(group, artifact):
    data = fetch(f"{group.replace('.', '/')}/{artifact}/maven-metadata.xml")
    return [] if data is None else [v.decode() for v in re.findall(rb"<version>([^<]+)</version>", data)]


class Resolution:
    def __init__(self, roots):
        self.roots = roots                       # [(group, artifact, version, test_only)]
        self.selected = {}                       # (group, artifact) -> version
        self.modules = {}                        # (group, artifact, version) -> Module
        self.notes = []

    def module(self, key):
        version = self.selected[key]
        if (key[0], key[1], version) not in self.modules:
            found = Module(key[0], key[1], version)
            if not found.exists:                 # Gradle would fail; take the nearest version that exists
                newer = sorted((v for v in available_versions(*key) if version_key(v) > version_key(version)),
                               key=version_key)
                if not newer:
                    raise SystemExit(f"{key[0]}:{key[1]}:{version} is not on {CENTRAL} and no newer version is")
                self.notes.append(f"{key[0]}:{key[1]} {version} is not on Central: using {newer[0]}")
                self.selected[key] = newer[0]
                return self.module(key)
            self.modules[(key[0], key[1], version)] = found
        return self.modules[(key[0], key[1], version)]

    def reachable(self, test_roots):
        """Modules reachable from the (non-test, or all) roots with the current selection."""
        seen, stack = set(), [(g, a) for g, a, _, test in self.roots if test_roots or not test]
        while stack:
            key = stack.pop()
            if key not in seen:
                seen.add(key)
                for g, a, v in self.module(key).dependencies:
                    if (g, a) not in self.selected:
                        if not v:
                            raise SystemExit(f"{key[0]}:{key[1]} depends on {g}:{a} without a version")
                        self.selected[(g, a)] = v
                    stack.append((g, a))
        return seen

    def resolve(self):
        for g, a, v, _ in self.roots:
            self.selected[(g, a)] = v
        while True:                              # highest requested version wins, until nothing changes
            before = dict(self.selected)
            for key in self.reachable(test_roots=True):
                module = self.module(key)
                for g, a, v in module.dependencies + module.constraints:
                    if not v:
                        continue
                    is_constraint = (g, a, v) in module.constraints
                    if (g, a) not in self.selected:
                        if is_constraint:
                            continue             # a constraint only aligns modules that are in the graph
                        self.selected[(g, a)] = v
                    elif version_key(v) > version_key(self.selected[(g, a)]):
                        self.selected[(g, a)] = v
            if self.selected == before:
                break
        return self

    def ordered(self):
        """(group, artifact, version, packaging, test_only), dependencies first."""
        everything, main = self.reachable(test_roots=True), self.reachable(test_roots=False)
        order, done = [], set()

        def visit(key):
            if key in done or key not in everything:
                return
            done.add(key)
            for g, a, _ in sorted(self.module(key).dependencies):
                visit((g, a))
            order.append(key)

        for g, a, _, test in sorted(self.roots, key=lambda r: r[3]):   # app roots first, then test roots
            visit((g, a))
        return [(g, a, self.selected[(g, a)], self.module((g, a)).packaging, (g, a) not in main)
                for g, a in order]


def dependency_xml(group, artifact, version, packaging, test_only):
    kind = "<type>aar</type>" if packaging == "aar" else ""
    scope = "<scope>test</scope>" if test_only else ""
    return (f"    <dependency><groupId>{group}</groupId><artifactId>{artifact}</artifactId><version>{version}</version>"
            f"{kind}{scope}<exclusions><exclusion><groupId>*</groupId><artifactId>*</artifactId></exclusion>"
            f"</exclusions></dependency>")


def read_roots(path):
    roots = []
    for line in pathlib.Path(path).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            parts = line.split(":")
            if len(parts) not in (3, 4) or (len(parts) == 4 and parts[3] != "test"):
                raise SystemExit(f"{path}: expected group:artifact:version[:test], got '{line}'")
            roots.append((parts[0], parts[1], parts[2], len(parts) == 4))
    return roots


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--roots", default="tools/androidx.txt")
    parser.add_argument("--pom", default="app/pom.xml")
    parser.add_argument("--dry-run", action="store_true", help="print the list instead of writing the pom")
    args = parser.parse_args()

    resolution = Resolution(read_roots(args.roots)).resolve()
    lines = [dependency_xml(*entry) for entry in resolution.ordered()
             if entry[0] not in UNLOCKED_GROUPS and entry[3] != "pom"]
    block = "\n".join([f"{BEGIN} by tools/lock-androidx.py from {args.roots}: do not edit by hand -->"] + lines + ["    "])
    for note in resolution.notes:
        print(note, file=sys.stderr)
    if args.dry_run:
        print(block)
        return
    pom = pathlib.Path(args.pom)
    text = pom.read_text(encoding="utf-8")
    start, end = text.index(BEGIN), text.index(END)
    pom.write_text(text[:start] + block + text[end:], encoding="utf-8")
    print(f"locked {len(lines)} artifacts into {pom}", file=sys.stderr)


if __name__ == "__main__":
    main()
