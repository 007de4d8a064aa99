#!/usr/bin/env bash
# Compares the renderer of this working tree with that of an earlier commit, the only way that
# means something on a shared, noisy machine: both builds measured in alternation, several
# rounds, medians of each, and the ratio of the medians over the rounds.
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

# The median of one run: JMH's CSV row for the 0.5 percentile of the render benchmark.
median() {
  local jar=$1 document=$2 csv="$work/result.csv"
  java -jar "$jar" RenderBenchmark.markdownToPdf -p document="$document" -f 1 -wi 4 -w 2 -i 5 -r 2 \
    -rf csv -rff "$csv" >/dev/null
  awk -F, '$1 ~ /markdownToPdf:p0.50/ { gsub(/"/, "", $5); print $5 }' "$csv"
}

declare -A results
for ((round = 1; round <= rounds; round++)); do
  # Each round swaps which build goes first, so a slow minute does not fall on one side only.
  if ((round % 2)); then order=(base this); else order=(this base); fi
  for document in "${documents[@]}"; do
    for build in "${order[@]}"; do
      value=$(median "$work/$build.jar" "$document")
      results[$build,$document]+="$value "
      printf 'round %d  %-11s  %-4s  %8.1f ms\n' "$round" "$document" "$build" "$value"
    done
  done
done

middle() { tr ' ' '\n' | sed '/^$/d' | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo
echo "medians over $rounds rounds, in ms (base: $base_ref)"
printf '%-11s  %8s  %8s  %6s\n' document base this ratio
for document in "${documents[@]}"; do
  before=$(echo "${results[base,$document]}" | middle)
  after=$(echo "${results[this,$document]}" | middle)
  printf '%-11s  %8.1f  %8.1f  %6.2f\n' "$document" "$before" "$after" "$(awk -v a="$after" -v b="$before" 'BEGIN { print a / b }')"
done
