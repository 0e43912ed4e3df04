# Shared by the Android build steps (sourced, not run). Maven's exec-maven-plugin passes the settings as
# environment variables; see app/pom.xml. All intermediates live under $TARGET/android.
set -euo pipefail

: "${TARGET:?}" "${ANDROID_JAR:?}" "${TOOLS_CLASSPATH_FILE:?}" "${APPLICATION_ID:?}" "${MIN_SDK:?}" "${TARGET_SDK:?}"
: "${VERSION_CODE:?}" "${VERSION_NAME:?}" "${APP_SRC:?}"
WORK="$TARGET/android"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

log() { echo "[android] $*"; }
die() { echo "[android] ERROR: $*" >&2; exit 1; }

tools_classpath() {
  [ -s "$TOOLS_CLASSPATH_FILE" ] || die "$TOOLS_CLASSPATH_FILE is missing: build the buildtools module first (mvn -pl app -am ...)"
  cat "$TOOLS_CLASSPATH_FILE"
}

# Entries of a classpath file written by maven-dependency-plugin:build-classpath, one per line, in the
# pom's declaration order (the generated AndroidX list is topologically sorted: dependencies first).
classpath_entries() { tr ':' '\n' < "$1" | sed '/^$/d'; }

# unzip without chatter; exit 1 (warnings) and 11 (an -x pattern matched nothing) are not failures
quiet_unzip() {
  local rc=0
  unzip -q -o "$@" > /dev/null 2>&1 || rc=$?
  [ "$rc" -le 1 ] || [ "$rc" -eq 11 ] || die "unzip $* failed (exit $rc)"
}

human_size() { numfmt --to=iec-i --suffix=B --format='%.1f' "$(stat -c %s "$1")"; }
