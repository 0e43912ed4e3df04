#!/usr/bin/env bash
# Step 2 of the Android build (phase package):
#   D8 (app jar + runtime jars -> classes*.dex) -> add dex, Java resources and native libraries to the linked
#   resources -> zipalign -> apksigner (debug key made by keytool on first use) -> apksigner verify ->
#   aapt2 dump badging summary. Produces the universal APK and one APK per ABI.
source "$(dirname "$0")/common.sh"
: "${APP_JAR:?}" "${KEYSTORE:?}" "${APK_NAME:?}" "${ABIS:?}"

STAGE="$WORK/apk"
rm -rf "$WORK/dex" "$WORK/javares" "$STAGE"; mkdir -p "$WORK/dex" "$WORK/javares" "$STAGE"
mapfile -t runtime_jars < <(classpath_entries "$WORK/runtime.classpath" | grep '\.jar$' || true)

# --- dex: D8 desugars Java 17 for minSdk; it does NOT check API levels (animal-sniffer does that earlier).
# The libraries (AndroidX, Kotlin, TFLite: ~90% of the bytecode) are dexed once and cached under a key of
# their file names; each build dexes only the project's own classes and merges.
java_home=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
d8() { "$JAVA" -cp "$(tools_classpath)" com.android.tools.r8.D8 --min-api "$MIN_SDK" \
         --lib "$ANDROID_JAR" --lib "$java_home" "$@"; }

library_jars=() own_jars=("$APP_JAR")
for jar in "${runtime_jars[@]}"; do
  case "$jar" in */target/*) own_jars+=("$jar") ;; *) library_jars+=("$jar") ;; esac   # reactor modules: mllib
done
while read -r aar_dir; do
  for jar in "$aar_dir/classes.jar" "$aar_dir"/libs/*.jar; do
    if [ -f "$jar" ] && [ "$(stat -c %s "$jar")" -gt 22 ]; then library_jars+=("$jar"); fi
  done
done < "$WORK/aar-dirs.txt"
key=$(printf '%s\n' "$ANDROID_JAR" "${library_jars[@]}" | sha1sum | cut -c1-12)
library_dex="$WORK/dex-libraries/$key"
if [ ! -f "$library_dex/done" ]; then
  rm -rf "$WORK/dex-libraries"; mkdir -p "$library_dex"
  d8 --intermediate --release --output "$library_dex" "${library_jars[@]}"
  touch "$library_dex/done"
  log "dexed ${#library_jars[@]} library jars (cached as $library_dex)"
fi

# the app jar also holds the library classes (extracted for javac): keep only what javac made
own_dir="$WORK/own-classes-jar"
rm -rf "$own_dir"; mkdir -p "$own_dir"
(cd "$TARGET/classes" && find . -name '*.class' | sed 's|^\./||' | sort) > "$WORK/all-classes.txt"
sort -u "$WORK/library-classes.txt" > "$WORK/library-classes.sorted"
comm -23 "$WORK/all-classes.txt" "$WORK/library-classes.sorted" > "$WORK/own-classes.txt"
(cd "$TARGET/classes" && zip -q -X "$own_dir/own.jar" -@ < "$WORK/own-classes.txt")
own_jars[0]="$own_dir/own.jar"
classpath_flags=(); for jar in "${library_jars[@]}"; do classpath_flags+=(--classpath "$jar"); done
# records need a shared synthetic (global) that only the final merge may create
d8 --intermediate --release "${classpath_flags[@]}" --globals-output "$own_dir/globals.zip" --output "$own_dir" "${own_jars[@]}"
globals=(); if [ -f "$own_dir/globals.zip" ]; then globals=(--globals "$own_dir/globals.zip"); fi
# merge: library dex + own dex -> classes*.dex
d8 --release "${globals[@]}" --output "$WORK/dex" "$library_dex"/classes*.dex "$own_dir"/classes*.dex
log "dex: $(cd "$WORK/dex" && ls classes*.dex | tr '\n' ' ')($(wc -l < "$WORK/own-classes.txt") own classes)"

# --- Java resources of the jars (META-INF/services etc.), minus signatures and build metadata
for jar in "$APP_JAR" "${runtime_jars[@]}"; do
  # Kotlin multiplatform "metadata" jars carry no runtime content
  if unzip -Z1 "$jar" | grep -qx 'META-INF/kotlin-project-structure-metadata.json'; then continue; fi
  quiet_unzip "$jar" -x '*.class' 'META-INF/MANIFEST.MF' 'META-INF/*.SF' 'META-INF/*.RSA' 'META-INF/*.DSA' \
      'META-INF/maven/*' 'META-INF/versions/*' 'META-INF/*.version' 'META-INF/*.kotlin_module' \
      'META-INF/LICENSE*' 'META-INF/NOTICE*' 'META-INF/proguard/*' 'META-INF/com/android/*' \
      'com/android/tools/test_config.properties' -d "$WORK/javares"
done

# --- the ABI-independent part: linked resources + dex + Java resources
base="$STAGE/base.apk"
cp "$WORK/resources.ap_" "$base"
(cd "$WORK/dex" && zip -q -X "$base" classes*.dex)
if [ -n "$(ls -A "$WORK/javares")" ]; then (cd "$WORK/javares" && zip -q -X -r "$base" .); fi

if [ ! -f "$KEYSTORE" ]; then
  mkdir -p "$(dirname "$KEYSTORE")"
  keytool -genkeypair -keystore "$KEYSTORE" -storepass android -keypass android -alias androiddebugkey \
      -keyalg RSA -keysize 2048 -validity 10000 -dname "CN=NeuronLab Debug,O=NeuronLab,C=US" -noprompt 2>/dev/null
  log "created debug signing key $KEYSTORE (not in git; delete it to get a new one)"
fi

# build_apk OUT ABI... : base + lib/<abi>/*.so stored uncompressed (so Android can map them), aligned, signed
build_apk() {
  local out=$1; shift
  local unsigned="$STAGE/$(basename "$out" .apk)-unaligned.apk" libs="$STAGE/libs-$(basename "$out" .apk)"
  cp "$base" "$unsigned"
  rm -rf "$libs"; mkdir -p "$libs/lib"
  local abi
  for abi in "$@"; do
    [ -d "$WORK/jniLibs/$abi" ] && cp -r "$WORK/jniLibs/$abi" "$libs/lib/"
  done
  if [ -n "$(ls -A "$libs/lib")" ]; then (cd "$libs" && zip -q -X -0 -r "$unsigned" lib); fi
  zipalign -f -p 4 "$unsigned" "$STAGE/aligned.apk"
  apksigner sign --ks "$KEYSTORE" --ks-pass pass:android --key-pass pass:android --ks-key-alias androiddebugkey \
      --min-sdk-version "$MIN_SDK" --out "$out" "$STAGE/aligned.apk"
  apksigner verify --min-sdk-version "$MIN_SDK" "$out" || die "apksigner verify failed for $out"
  rm -f "$out.idsig"
}

mapfile -t all_abis < <(ls "$WORK/jniLibs")
universal="$TARGET/$APK_NAME.apk"
build_apk "$universal" "${all_abis[@]}"
split_apks=()
for abi in $ABIS; do
  build_apk "$TARGET/$APK_NAME-$abi.apk" "$abi"
  split_apks+=("$TARGET/$APK_NAME-$abi.apk")
done

# --- what was built, as Android sees it
badging=$(aapt2 dump badging "$universal")
field() { echo "$badging" | sed -n "s/.*$1='\([^']*\)'.*/\1/p" | head -1; }
log "package $(field "package: name") versionCode $(field versionCode) versionName $(field versionName)"
log "minSdk $(echo "$badging" | sed -n "s/^sdkVersion:'\(.*\)'/\1/p") targetSdk $(echo "$badging" | sed -n "s/^targetSdkVersion:'\(.*\)'/\1/p")" \
    "launcher $(echo "$badging" | sed -n "s/^launchable-activity: name='\([^']*\)'.*/\1/p")"
log "permissions: $(echo "$badging" | sed -n "s/^uses-permission: name='\([^']*\)'.*/\1/p" | tr '\n' ' ')"
log "signed and verified: $universal ($(human_size "$universal"), ABIs: ${all_abis[*]})"
for apk in "${split_apks[@]}"; do log "signed and verified: $apk ($(human_size "$apk"))"; done
