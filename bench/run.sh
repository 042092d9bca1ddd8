#!/usr/bin/env bash
# make bench: ProcLab's figures beside reference programs, in one run on this machine.
# Builds the C references (cc -O2) and the bench runner (release), installs perf when it is
# missing and we are root, then runs proclab-bench. QUICK=1 runs the short version.
set -euo pipefail
cd "$(dirname "$0")/.."

SWIFT=${SWIFT:-swift}
BIN=bench/bin
mkdir -p "$BIN" bench/results

echo "Building the C references (cc -O2)…"
for source in bench/reference/*.c; do
  name=$(basename "$source" .c)
  if [ ! -x "$BIN/$name" ] || [ "$source" -nt "$BIN/$name" ] \
    || [ bench/reference/bench_common.h -nt "$BIN/$name" ]; then
    cc -O2 -Wall -Wextra -o "$BIN/$name" "$source" -lpthread -lrt
  fi
done

# perf bench sched pipe is the pipe round trip's reference (Debian's linux-perf).
if ! command -v perf >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing linux-perf (the pipe round trip's reference)…"
    (apt-get install -y -q linux-perf >/dev/null 2>&1 \
      || (apt-get update -q >/dev/null 2>&1 && apt-get install -y -q linux-perf >/dev/null 2>&1)) \
      || echo "Could not install linux-perf; the pipe round trip will be skipped."
  else
    echo "perf is missing; to compare the pipe round trip, run: sudo apt-get install -y linux-perf"
  fi
fi

# The same flags as proclab's release build (the Makefile exports them), so the modules both
# share are not rebuilt.
read -r -a FLAGS <<<"${RELEASE_FLAGS:---static-swift-stdlib -Xswiftc -use-ld=lld}"
echo "Building proclab-bench (release)…"
$SWIFT build -c release --product proclab-bench "${FLAGS[@]}" 2>&1 | grep -v '^\[' || true
RUNNER=$($SWIFT build -c release "${FLAGS[@]}" --show-bin-path)/proclab-bench
PROCLAB=${PROCLAB:-.build/release/proclab}

ARGS=(--proclab "$PROCLAB" --references "$BIN" --output bench/results/latest.json)
if [ -n "${QUICK:-}" ] && [ "${QUICK}" != 0 ]; then ARGS+=(--quick); fi
exec "$RUNNER" "${ARGS[@]}" ${BENCH_ARGS:-}
