#!/usr/bin/env bash
# The rapporteur's preview against the tools a rapporteur would use instead: shared/tooling/local/
# render (cold: a fresh process each time, as a rapporteur runs it) and pandoc + Chromium (pandoc
# makes a standalone HTML page of the draft, Chromium prints it to PDF), on the same draft,
# alternately, in one run, with the same preview without its launcher (java -jar
# s3cop-local.jar render) beside them. Each figure is the median of the rounds: wall time, and CPU time (user
# and system, the process's and its children's, as bash's `time` counts them).
#
#   shared/tooling/benchmarks/preview.sh [ROUNDS] [DRAFT]     (default: 7 rounds, the 6-page reference brief)
#
# Needs a build (mvn -B -q install -DskipTests), pandoc and Chromium (Debian: apt-get install pandoc
# chromium). JAVA_HOME chooses the preview's Java, as for the launcher; docs/performance.md quotes
# the figures and what they mean.
set -euo pipefail
cd "$(dirname "$0")/../../.."

rounds=${1:-7}
draft=${2:-shared/tooling/benchmarks/src/main/resources/eu/s3cop/benchmarks/policy-brief.md}
chromium=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if ! command -v pandoc >/dev/null || [ -z "$chromium" ]; then
  echo "preview: pandoc and Chromium are needed for the comparison (Debian: apt-get install pandoc chromium)" >&2
  exit 2
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The launcher makes its record of what a preview loads once, before anything is measured.
shared/tooling/local/render --prepare

TIMEFORMAT='%R %U %S'
measure() {  # prints "wall cpu" in seconds of one run of the command given
  local times
  times=$( { time "$@" >/dev/null 2>&1; } 2>&1 )
  read -r wall user sys <<<"$times"
  echo "$wall $(echo "$user + $sys" | bc)"
}
reference() {  # a profile of its own each time, as the cold-start command's reference has
  rm -rf "$work/profile"
  pandoc --standalone --from markdown --to html5 --output "$work/draft.html" "$draft" \
    && "$chromium" --headless --no-sandbox --disable-gpu --no-first-run --no-pdf-header-footer \
      --user-data-dir="$work/profile" --print-to-pdf="$work/reference.pdf" "file://$work/draft.html"
}

: >"$work/render" ; : >"$work/reference" ; : >"$work/plain"
for round in $(seq "$rounds"); do
  measure shared/tooling/local/render "$draft" -o "$work/render.pdf" >>"$work/render"
  measure reference >>"$work/reference"
  measure java -jar shared/tooling/local/target/s3cop-local.jar render "$draft" -o "$work/plain.pdf" >>"$work/plain"
  [ -s "$work/render.pdf" ] && [ -s "$work/reference.pdf" ] || { echo "preview: round $round made no PDF" >&2; exit 1; }
done

median() {  # the median of column $1 of file $2
  sort -n -k"$1" "$2" | awk -v c="$1" '{v[NR]=$c} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'
}
rw=$(median 1 "$work/render"); rc=$(median 2 "$work/render")
pw=$(median 1 "$work/reference"); pc=$(median 2 "$work/reference")
jw=$(median 1 "$work/plain"); jc=$(median 2 "$work/plain")
echo "draft: $draft, $rounds rounds, alternately; medians"
printf '| way | wall | CPU |\n|---|--:|--:|\n'
printf '| pandoc + Chromium | %.2f s | %.2f s |\n' "$pw" "$pc"
printf '| render (cold) | %.2f s | %.2f s |\n' "$rw" "$rc"
printf '| ratio, render / pandoc + Chromium | %.2f | %.2f |\n' "$(echo "$rw / $pw" | bc -l)" "$(echo "$rc / $pc" | bc -l)"
printf '| java -jar s3cop-local.jar render (cold) | %.2f s | %.2f s |\n' "$jw" "$jc"
printf '| ratio, java -jar ... / pandoc + Chromium | %.2f | %.2f |\n' "$(echo "$jw / $pw" | bc -l)" "$(echo "$jc / $pc" | bc -l)"
