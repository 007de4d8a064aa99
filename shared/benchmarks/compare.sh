#!/usr/bin/env bash
# Compares the renderer of this working tree with that of an earlier commit, the only way that
# means something on a shared, noisy machine: both builds measured in alternation, several
# rounds, medians of each, and the ratio of the medians over the rounds. Beside JMH's wall-clock
# medians it prints the rendering thread's CPU time (RenderCpuTime, this tree's harness run on
# each build), which a busy machine moves far less: wall time alone once showed a ratio of 1.31
# for a change that saved CPU. Trust a ratio that both agree on.
#
#   shared/benchmarks/compare.sh BASE [ROUNDS]     (from the project's folder; ROUNDS defaults to 3)
#
# BASE is any commit (a hash, main, HEAD~3). A ratio above 1 means this tree is slower.
set -euo pipefail
cd "$(dirname "$0")/../.."

base_ref=${1:?usage: shared/benchmarks/compare.sh BASE [ROUNDS]}
rounds=${2:-3}
documents=(BRIEF LONG_REPORT)

work=$(mktemp -d)
cleanup() {
  git worktree remove --force "$work/base" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "building $base_ref and this tree"
git worktree add --detach -q "$work/base" "$base_ref"
(cd "$work/base" && mvn -B -q package -DskipTests -pl shared/benchmarks -am >"$work/base-build.log" 2>&1) \
  || { cat "$work/base-build.log"; exit 1; }
mvn -B -q package -DskipTests -pl shared/benchmarks -am >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
cp "$work/base/shared/benchmarks/target/benchmarks.jar" "$work/base.jar"
cp shared/benchmarks/target/benchmarks.jar "$work/this.jar"
# The CPU-time harness comes from this tree, so a base older than it is measured the same way.
mkdir "$work/harness" && (cd "$work/harness" && jar xf "$work/this.jar" eu/s3cop/benchmarks/RenderCpuTime.class)

# The median of one run: JMH's CSV row for the 0.5 percentile of the render benchmark.
median() {
  local jar=$1 document=$2 csv="$work/result.csv"
  java -jar "$jar" RenderBenchmark.markdownToPdf -p document="$document" -f 1 -wi 4 -w 2 -i 5 -r 2 \
    -rf csv -rff "$csv" >/dev/null
  awk -F, '$1 ~ /markdownToPdf:p0.50/ { gsub(/"/, "", $5); print $5 }' "$csv"
}

# The median and tenth percentile of the rendering thread's CPU time per render, in ms.
cpu_time() {
  local jar=$1 document=$2
  java -Xmx1g -cp "$work/harness:$jar" eu.s3cop.benchmarks.RenderCpuTime "$document" 40 30 \
    | sed -n 's/.*median=\([0-9.]*\) p10=\([0-9.]*\)/\1 \2/p'
}

declare -A results cpu
for ((round = 1; round <= rounds; round++)); do
  # Each round swaps which build goes first, so a slow minute does not fall on one side only.
  if ((round % 2)); then order=(base this); else order=(this base); fi
  for document in "${documents[@]}"; do
    for build in "${order[@]}"; do
      value=$(median "$work/$build.jar" "$document")
      read -r cpu_median cpu_p10 <<<"$(cpu_time "$work/$build.jar" "$document")"
      results[$build,$document]+="$value "
      cpu[$build,$document]+="$cpu_median "
      printf 'round %d  %-11s  %-4s  %8.1f ms wall  %8.1f ms CPU (p10 %.1f)\n' "$round" "$document" "$build" "$value" "$cpu_median" "$cpu_p10"
    done
  done
done

middle() { tr ' ' '\n' | sed '/^$/d' | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo
echo "medians over $rounds rounds, in ms (base: $base_ref)"
printf '%-11s  %-4s  %8s  %8s  %6s\n' document kind base this ratio
for document in "${documents[@]}"; do
  for kind in wall CPU; do
    if [[ $kind == wall ]]; then
      before=$(echo "${results[base,$document]}" | middle)
      after=$(echo "${results[this,$document]}" | middle)
    else
      before=$(echo "${cpu[base,$document]}" | middle)
      after=$(echo "${cpu[this,$document]}" | middle)
    fi
    printf '%-11s  %-4s  %8.1f  %8.1f  %6.2f\n' "$document" "$kind" "$before" "$after" "$(awk -v a="$after" -v b="$before" 'BEGIN { print a / b }')"
  done
done
