#!/usr/bin/env bash
# For `mllib bench` only: OpenBLAS, to measure mllib's GEMM against (docs/bench.md compares the GEMM at 512 with it).
# Debian's libopenblas0-pthread is downloaded and unpacked into a cache directory — NOT installed: installing it
# would switch the system's libblas.so.3 (and with it numpy's and PyTorch's BLAS) and change the baseline the
# LeNet comparison runs against. The bench loads the unpacked library directly (ctypes, cblas_sgemm).
# Prints the library's path. apt verifies the package against the signed Debian index it downloads from.
set -euo pipefail
dir=${1:-"$(cd "$(dirname "$0")/.." && pwd)/.cache/openblas"}
lib="$dir/usr/lib/x86_64-linux-gnu/openblas-pthread/libopenblas.so.0"
if [ ! -f "$lib" ]; then
  command -v apt-get >/dev/null || { echo "fetch-openblas.sh: needs apt-get (Debian/Ubuntu)" >&2; exit 1; }
  mkdir -p "$dir/deb"
  (cd "$dir/deb" && apt-get download -q libopenblas0-pthread >&2) \
    || { echo "fetch-openblas.sh: apt-get download libopenblas0-pthread failed (run apt-get update?)" >&2; exit 1; }
  dpkg-deb -x "$dir"/deb/libopenblas0-pthread_*.deb "$dir"
  [ -f "$lib" ] || { echo "fetch-openblas.sh: $lib not in the package" >&2; exit 1; }
fi
echo "$lib"
