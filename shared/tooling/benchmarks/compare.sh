#!/usr/bin/env bash
# Compares the renderer of this working tree with that of an earlier commit, the only way that
# means something on a shared, noisy machine: both builds measured in alternation, several
# rounds, medians of each, and the ratio of the medians over the rounds. Each round also runs
# both builds in one JVM, render for render in turn (PairedRenderComparison), and takes the
# median ratio of neighbouring renders' CPU time: a busy machine moves that far less than
# separate runs' wall time, which once gave a ratio of 1.31 for a change that took work away.
#
#   shared/tooling/benchmarks/compare.sh BASE [ROUNDS]     (from the project's folder; ROUNDS defaults to 3)
#
# BASE is any commit (a hash, main, HEAD~3). A ratio above 1 means this tree is slower.
set -euo pipefail
cd "$(dirname "$0")/../../.."

base_ref=${1:?usage: shared/tooling/benchmarks/compare.sh BASE [ROUNDS]}
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
(cd "$work/base" && mvn -B -q package -DskipTests -pl shared/tooling/benchmarks -am >"$work/base-build.log" 2>&1) \
  || { cat "$work/base-build.log"; exit 1; }
mvn -B -q package -DskipTests -pl shared/tooling/benchmarks -am >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
cp "$work/base/shared/tooling/benchmarks/target/benchmarks.jar" "$work/base.jar"
cp shared/tooling/benchmarks/target/benchmarks.jar "$work/this.jar"

# The median of one run: JMH's CSV row for the 0.5 percentile of the render benchmark. Warm-up and
# heap are RenderBenchmark's own, given here so that an older build is measured in the same way.
median() {
  local jar=$1 document=$2 csv="$work/result.csv"
  java -jar "$jar" RenderBenchmark.markdownToPdf -p document="$document" -f 1 -wi 20 -w 2 -i 5 -r 2 \
    -jvmArgsAppend "-Xms1g -Xmx1g" \
    -rf csv -rff "$csv" >/dev/null
  awk -F, '$1 ~ /markdownToPdf:p0.50/ { gsub(/"/, "", $5); print $5 }' "$csv"
}

# Both builds in one JVM, in turn: the median ratio (this over base) of neighbouring renders' CPU
# time. The harness is this tree's; it reaches each build's renderer through the build's own jar.
# The warm-up pairs give each build half a minute or more of rendering, as RenderBenchmark does.
paired() {
  local document=$1 pairs=$2 warm_up=$3
  java -Xms1g -Xmx1g -cp "$work/this.jar" eu.s3cop.benchmarks.PairedRenderComparison "$work/base.jar" "$work/this.jar" \
    "$document" "$pairs" "$warm_up" | sed -n 's/.*cpu-ratio=\([0-9.]*\).*/\1/p'
}

declare -A results ratios
for ((round = 1; round <= rounds; round++)); do
  # Each round swaps which build goes first, so a slow minute does not fall on one side only.
  if ((round % 2)); then order=(base this); else order=(this base); fi
  for document in "${documents[@]}"; do
    for build in "${order[@]}"; do
      value=$(median "$work/$build.jar" "$document")
      results[$build,$document]+="$value "
      printf 'round %d  %-11s  %-4s  %8.1f ms\n' "$round" "$document" "$build" "$value"
    done
    if [[ $document == BRIEF ]]; then pairs=150 warm_up=800; else pairs=40 warm_up=80; fi
    ratio=$(paired "$document" "$pairs" "$warm_up")
    ratios[$document]+="$ratio "
    printf 'round %d  %-11s  CPU time, this over base, render by render: %s\n' "$round" "$document" "$ratio"
  done
done

middle() { tr ' ' '\n' | sed '/^$/d' | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo
echo "medians over $rounds rounds, in ms (base: $base_ref)"
printf '%-11s  %8s  %8s  %6s  %10s\n' document base this ratio 'CPU ratio'
for document in "${documents[@]}"; do
  before=$(echo "${results[base,$document]}" | middle)
  after=$(echo "${results[this,$document]}" | middle)
  cpu_ratio=$(echo "${ratios[$document]}" | middle)
  printf '%-11s  %8.1f  %8.1f  %6.2f  %10.3f\n' "$document" "$before" "$after" "$(awk -v a="$after" -v b="$before" 'BEGIN { print a / b }')" "$cpu_ratio"
done
