#!/usr/bin/env bash
# `make fuzz`: libFuzzer (-sanitize=fuzzer,address) on the lesson parser, on the quiz-answer
# and check-rule parsers, on the Markdown renderer and on the text-answer pattern matcher,
# seeded from the shipped lessons and issue 13's hostile lessons. FUZZ_SECONDS (default 600) is
# the total time, split evenly between the four fuzzers, which run one after the other. The
# renderer and the matcher are linear, so their fuzzers treat 5 s on one input as a finding.
#
# The library modules are built into .build-fuzz with coverage and ASan; the four drivers
# (Fuzz/LessonFuzz.swift, Fuzz/AnswerFuzz.swift, each with Fuzz/FuzzQuestions.swift;
# Fuzz/MarkdownFuzz.swift, Fuzz/PatternFuzz.swift) are linked
# against their object files with swiftc, so nothing here is part of the package. Work files go
# to fuzz-out/ (the growing corpus stays there between runs). Every input that crashes, times out
# or runs out of memory is copied to Tests/LessonsTests/Fuzz/crashes/, which `make test` replays
# (FuzzReplayTests); the run then exits 1.
set -euo pipefail
cd "$(dirname "$0")/.."

SWIFT=${SWIFT:-swift}
SWIFTC=${SWIFTC:-swiftc}
TOTAL=${FUZZ_SECONDS:-600}
[[ $TOTAL =~ ^[0-9]+$ ]] && ((TOTAL >= 4)) || { echo "FUZZ_SECONDS must be a whole number ≥ 4"; exit 2; }
SCRATCH=.build-fuzz
OUT=fuzz-out
KEEP=Tests/LessonsTests/Fuzz/crashes
ISSUE=Tests/LessonsTests/Fuzz/issue-13

echo "== building the library modules with -sanitize=fuzzer,address into $SCRATCH"
"$SWIFT" build -c debug --scratch-path "$SCRATCH" --target Lessons \
  -Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=fuzzer-no-link,address
B=$SCRATCH/debug
# Lessons needs only the demo contract, Render, the OS layer and the carried lesson files: no
# demo code, no libedit.
mapfile -d '' objects < <(find "$B"/{Lessons,BuiltinLessons,CBuiltinLessons,DemoContract,Render,OSKit,CProcLab,SystemPackage,CSystem}.build \
  -name '*.o' -print0)
maps=()
for map in "$SCRATCH"/checkouts/swift-system/Sources/CSystem/include/module.modulemap \
  "$B"/CProcLab.build/module.modulemap "$B"/CBuiltinLessons.build/module.modulemap; do
  maps+=(-Xcc "-fmodule-map-file=$map")
done
mkdir -p "$OUT"/bin
for name in lesson answer markdown pattern; do
  case $name in
    lesson) entry=LessonFuzz sources=(Fuzz/FuzzQuestions.swift) ;;
    answer) entry=AnswerFuzz sources=(Fuzz/FuzzQuestions.swift) ;;
    markdown) entry=MarkdownFuzz sources=() ;;
    pattern) entry=PatternFuzz sources=() ;;
  esac
  echo "== linking $OUT/bin/$name-fuzz"
  "$SWIFTC" -sanitize=fuzzer,address -parse-as-library -swift-version 6 -Onone -g -use-ld=lld \
    -module-name "$entry" -I "$B"/Modules "${maps[@]}" \
    "${sources[@]}" "Fuzz/$entry.swift" "${objects[@]}" \
    -lrt -lpthread -lutil -o "$OUT/bin/$name-fuzz"
done

echo "== seed corpus from lessons/*.md"
rm -rf "$OUT"/seeds
for name in lesson answer markdown pattern; do mkdir -p "$OUT/seeds/$name" "$OUT/corpus/$name"; done
mkdir -p "$OUT"/artifacts "$OUT"/logs "$KEEP"
cp lessons/*.md "$ISSUE"/*.md "$OUT"/seeds/lesson/
cp lessons/*.md "$ISSUE"/*.md docs/*.md "$OUT"/seeds/markdown/
# Patterns: a pattern line, then the answer (issue 13's catastrophic ones among them).
cp "$ISSUE"/pattern-* "$OUT"/seeds/pattern/
n=0
for seed in "p(arent)? ?pid" "[a-c]+\\d{2,3}" "(?:ab){2}|x*" "\\bfork\\b.*" "(a|aa)*c" "[^x]{1,100}"; do
  printf '%s\n%s\n' "$seed" "parent pid aab 12 fork" >"$OUT/seeds/pattern/seed-$n"
  n=$((n + 1))
done
# Each quiz and demo block on its own, in a one-step lesson: small inputs mutate faster.
for lesson in lessons/*.md; do
  awk -v dir="$OUT/seeds/lesson" -v base="$(basename "$lesson" .md)" '
    /^```(quiz|demo)/ { n++; file = sprintf("%s/%s-block%02d.md", dir, base, n)
      print "---\nid: seed\ntitle: Seed\n---\n\n## Step {#step}\n" > file; inside = 1 }
    inside { print >> file }
    inside && /^```$/ { inside = 0; close(file) }' "$lesson"
done
# Answers: a selector byte (the question in FuzzQuestions.pool) and the text typed; texts are
# the shapes students type and every answer:, check:, feedback and accept: value shipped.
texts=(b B "(c)" "a, c" "a and c" ac 2 "1 3" true f yes 참 "4" "4 s" "4000ms" "4,000 ms"
  "1.5e3" "2_000" "25%" "3x" "4초" "2 KiB" "3 processes" "c > a > b" "cab" "312" "fork exec wait"
  "parent pid" '`ppid`.' "within 5% of metric elapsed" "metric final < 2000000 and answer > 3")
while IFS= read -r value; do texts+=("$value"); done < <(
  sed -n -E 's/^(answer|check|accept|tolerance|range|feedback [^:]*):[[:space:]]*//p' lessons/*.md)
i=0
for text in "${texts[@]}"; do
  printf "\\x$(printf %02x $((i % 40)))%s" "$text" >"$OUT/seeds/answer/seed-$(printf %04d $i)"
  i=$((i + 1))
done
for name in lesson answer markdown pattern; do
  cp "$KEEP/$name"-* "$OUT/seeds/$name/" 2>/dev/null || true
done

# One fuzzer for `seconds`, restarted after each crash until the time is used up.
fuzz() {
  local name=$1 seconds=$2 timeout=$3
  shift 3
  local log="$OUT/logs/$name.log" start=$SECONDS left
  : >"$log"
  echo "== fuzzing $name for ${seconds}s (log: $log)"
  while left=$((seconds - (SECONDS - start))) && ((left > 0)); do
    "$OUT/bin/$name-fuzz" -max_total_time="$left" -timeout="$timeout" -rss_limit_mb=2048 \
      -print_final_stats=1 -artifact_prefix="$OUT/artifacts/$name-" "$@" \
      "$OUT/corpus/$name" "$OUT/seeds/$name" >>"$log" 2>&1 && break
    echo "   $name-fuzz stopped on a finding; restarting (${left}s were left)"
  done
  grep -E '^(stat::number_of_executed_units|stat::average_exec_per_sec|stat::new_units_added|stat::peak_rss_mb)' "$log" |
    awk -v n="$name" '{ split($0, kv, ": "); s[kv[1]] += kv[2]; c[kv[1]]++ }
      END { printf "   %s: %d executions, %d new inputs, about %d exec/s\n", n,
        s["stat::number_of_executed_units"], s["stat::new_units_added"],
        c["stat::average_exec_per_sec"] ? s["stat::average_exec_per_sec"] / c["stat::average_exec_per_sec"] : 0 }'
  grep -E '^#[0-9]+' "$log" | tail -1 | sed -E 's/^/   last status: /'
}

fuzz lesson $((TOTAL / 4)) 10 -dict=Fuzz/lesson.dict -max_len=65536
fuzz answer $((TOTAL / 4)) 10 -dict=Fuzz/answer.dict -max_len=512
fuzz markdown $((TOTAL / 4)) 5 -dict=Fuzz/lesson.dict -max_len=65536
fuzz pattern $((TOTAL - 3 * (TOTAL / 4))) 5 -max_len=4096

# Keep every finding where `make test` replays it.
found=0
for artifact in "$OUT"/artifacts/*; do
  [[ -f $artifact ]] || continue
  base=$(basename "$artifact")
  case $base in lesson-* | markdown-*) target="$KEEP/$base.md" ;; *) target="$KEEP/$base" ;; esac
  if [[ ! -e $target ]]; then
    cp "$artifact" "$target"
    echo "FINDING: $target (stack in $OUT/logs/${base%%-*}.log)"
    found=$((found + 1))
  fi
done
if ((found > 0)); then
  echo "$found new finding(s) kept in $KEEP; make test replays them."
  exit 1
fi
echo "No crash, timeout or out-of-memory found."
