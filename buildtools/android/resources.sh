#!/usr/bin/env bash
# Step 1 of the Android build (phase generate-sources):
#   unpack the AARs -> compile their resources -> merge the manifests -> link all resources against the
#   compile SDK (android-all 14) -> R classes for the app and every library package -> Robolectric config.
# Library classes are extracted into target/classes (main) or target/test-classes (test-only AARs) so that
# javac, the jar and the tests see them like ordinary classes.
source "$(dirname "$0")/common.sh"

mkdir -p "$WORK/aar" "$WORK/flat" "$TARGET/classes" "$TARGET/test-classes"

# one directory per AAR, named after its coordinates; re-unpacked only when the AAR changes
unpack_aar() {
  local aar=$1 name
  name=$(basename "$aar" .aar)
  local dir="$WORK/aar/$name"
  if [ ! -f "$dir/.unpacked" ] || [ "$aar" -nt "$dir/.unpacked" ]; then
    rm -rf "$dir"; mkdir -p "$dir"
    quiet_unzip "$aar" -d "$dir"
    touch "$dir/.unpacked"
  fi
  echo "$dir"
}

# classes.jar and libs/*.jar of an unpacked AAR into a class directory
extract_classes() {
  local dir=$1 out=$2 jar
  for jar in "$dir/classes.jar" "$dir"/libs/*.jar; do
    [ -f "$jar" ] || continue
    [ "$(stat -c %s "$jar")" -gt 22 ] || continue   # 22 bytes = an empty zip
    quiet_unzip "$jar" -x 'META-INF/MANIFEST.MF' 'module-info.class' 'META-INF/versions/*' -d "$out"
    # remembered so that the APK step can tell the app's own classes from the libraries'
    unzip -Z1 "$jar" | grep '\.class$' | grep -v -e '^module-info\.class$' -e '^META-INF/versions/' >> "$WORK/library-classes.txt" || true
  done
}

package_of() { sed -n 's/.*package="\([^"]*\)".*/\1/p' "$1/AndroidManifest.xml" | head -1; }

# aapt2 compile of one AAR's res/ into a .flat archive (cached per AAR)
compile_library_resources() {
  local dir=$1 flat="$WORK/flat/$(basename "$1").zip"
  if [ ! -f "$flat" ] || [ "$dir/.unpacked" -nt "$flat" ]; then
    # Debian's aapt2 predates <macro> resources (material >= 1.9): inline them first
    if grep -rqs '<macro ' "$dir/res"; then python3 "$HERE/expand-macros.py" "$dir/res"; fi
    aapt2 compile --dir "$dir/res" -o "$flat" 2> "$flat.log" || { cat "$flat.log" >&2; die "aapt2 compile $dir/res"; }
    # aapt2 compile --dir can exit 0 although a file failed
    if grep -q 'error' "$flat.log"; then cat "$flat.log" >&2; die "aapt2 compile $dir/res"; fi
  fi
  echo "$flat"
}

mapfile -t main_aars < <(classpath_entries "$WORK/runtime.classpath" | grep '\.aar$' || true)
mapfile -t test_aars < <(comm -23 <(classpath_entries "$WORK/test.classpath" | grep '\.aar$' | sort) \
                                  <(printf '%s\n' "${main_aars[@]}" | sort))
log "AARs: ${#main_aars[@]} for the app, ${#test_aars[@]} for the tests only"

overlays=() library_manifests=() library_packages=() asset_dirs=()
rm -rf "$WORK/jniLibs"; mkdir -p "$WORK/jniLibs"
: > "$WORK/libraries.txt" > "$WORK/library-classes.txt" > "$WORK/aar-dirs.txt"
for aar in "${main_aars[@]}"; do
  dir=$(unpack_aar "$aar")
  extract_classes "$dir" "$TARGET/classes"
  echo "$dir" >> "$WORK/aar-dirs.txt"
  library_manifests+=("$dir/AndroidManifest.xml")
  if [ -d "$dir/res" ] && [ -n "$(find "$dir/res" -type f -print -quit)" ]; then
    overlays+=(-R "$(compile_library_resources "$dir")")
  fi
  # a library needs its own R class only if it declares resources (non-empty R.txt)
  if [ -s "$dir/R.txt" ]; then
    pkg=$(package_of "$dir"); library_packages+=("$pkg")
    echo "$pkg $dir/R.txt" >> "$WORK/libraries.txt"
  fi
  [ -d "$dir/assets" ] && asset_dirs+=("$dir/assets")
  [ -d "$dir/jni" ] && cp -r "$dir/jni/." "$WORK/jniLibs/"
done
for aar in "${test_aars[@]}"; do
  extract_classes "$(unpack_aar "$aar")" "$TARGET/test-classes"
done

# --- manifests: the app's manifest merged with every library's (com.android.tools.build:manifest-merger)
libs=$(IFS=:; echo "${library_manifests[*]}")
"$JAVA" -cp "$(tools_classpath)" com.android.manifmerger.Merger \
    --main "$APP_SRC/AndroidManifest.xml" --libs "$libs" \
    --property PACKAGE="$APPLICATION_ID" \
    --property MIN_SDK_VERSION="$MIN_SDK" --property TARGET_SDK_VERSION="$TARGET_SDK" \
    --property VERSION_CODE="$VERSION_CODE" --property VERSION_NAME="$VERSION_NAME" \
    --out "$WORK/AndroidManifest.xml" > "$WORK/manifest-merger.log" 2>&1 \
  || { cat "$WORK/manifest-merger.log" >&2; die "manifest merge failed"; }
python3 "$HERE/strip-tools.py" "$WORK/AndroidManifest.xml"

# --- assets: libraries first, the app's last so that it wins
rm -rf "$WORK/assets"; mkdir -p "$WORK/assets"
# generated assets (the MNIST slice, made by the app's mnist-slice step) before the app's own
for a in "${asset_dirs[@]}" "$TARGET/generated-assets" "$APP_SRC/assets"; do
  if [ -d "$a" ]; then cp -r "$a/." "$WORK/assets/"; fi
done

# --- link: android-all 14 is the framework base; libraries are overlays in dependency order, the app last
aapt2 compile --dir "$APP_SRC/res" -o "$WORK/flat/app.zip"
rm -rf "$WORK/r"; mkdir -p "$WORK/r"
aapt2 link -o "$WORK/resources.ap_" -I "$ANDROID_JAR" --manifest "$WORK/AndroidManifest.xml" \
    --min-sdk-version "$MIN_SDK" --target-sdk-version "$TARGET_SDK" \
    --version-code "$VERSION_CODE" --version-name "$VERSION_NAME" \
    --auto-add-overlay "${overlays[@]}" -R "$WORK/flat/app.zip" -A "$WORK/assets" \
    --java "$WORK/r" --output-text-symbols "$WORK/R.txt" \
    --proguard "$WORK/aapt2-rules.pro" --warn-manifest-validation

# --- R classes: the app's from aapt2; each library's holds just its own symbols with the final ids
rm -rf "$TARGET/generated-sources/r"; mkdir -p "$TARGET/generated-sources/r"
cp -r "$WORK/r/." "$TARGET/generated-sources/r/"
python3 "$HERE/library-r.py" "$WORK/R.txt" "$WORK/libraries.txt" "$TARGET/generated-sources/r" "$APPLICATION_ID"
log "linked $(human_size "$WORK/resources.ap_") of resources; R classes for $APPLICATION_ID and $(sort -u "$WORK/libraries.txt" | wc -l) libraries"

# --- Robolectric reads binary resources: the linked resources, merged manifest and assets
mkdir -p "$TARGET/test-classes/com/android/tools"
cat > "$TARGET/test-classes/com/android/tools/test_config.properties" <<PROPS
android_merged_manifest=$WORK/AndroidManifest.xml
android_merged_assets=$WORK/assets
android_resource_apk=$WORK/resources.ap_
android_custom_package=$APPLICATION_ID
PROPS
