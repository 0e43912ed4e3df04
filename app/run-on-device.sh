#!/usr/bin/env bash
# Install the APK on the phone adb sees, and launch it. Skips quietly when there is no adb or no device.
#   app/run-on-device.sh [APK]       (default: app/target/neuronlab.apk; build it with mvn -B package)
set -euo pipefail
apk=${1:-"$(dirname "$0")/target/neuronlab.apk"}
[ -f "$apk" ] || { echo "no APK at $apk: build it first (mvn -B package)" >&2; exit 1; }
if ! command -v adb > /dev/null; then echo "adb not installed: skipping install of $apk"; exit 0; fi
if ! adb get-state > /dev/null 2>&1; then echo "no device/emulator seen by adb: skipping install of $apk"; exit 0; fi
adb install -r "$apk"
adb shell am start -n io.neuronlab.app/.home.HomeActivity
