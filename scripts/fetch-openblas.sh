#!/usr/bin/env bash
# For `mllib bench` only, on a machine where libopenblas0-pthread is not installed: OpenBLAS, to measure mllib's
# GEMM against (docs/bench.md). Debian's libopenblas0-pthread is downloaded and unpacked into a cache directory;
# the bench calls its cblas_sgemm through ctypes. For the full baseline install it instead
# (`apt-get install libopenblas0-pthread`): that also switches libblas.so.3, so numpy and PyTorch run OpenBLAS
# rather than the reference BLAS, as users of those libraries have them; the bench then uses the installed copy.
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
