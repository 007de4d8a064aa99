#!/usr/bin/env bash
# Every benchmark of the project, in one command, from a checkout: builds everything once, then
#   1. the JMH benchmarks: the renderer (the 6-page brief and the 57-page report), the
#      reader API's listing and download against DynamoDB Local, and search at 10,000 briefs;
#   2. cold starts of publish-brief against pandoc + Chromium converting the same brief (when
#      both are installed), printed as ratios of their time;
#   3. publishing throughput end to end on an in-memory local stack;
#   4. the rapporteur's preview (shared/tooling/local/render, cold) against pandoc + Chromium.
#
#   shared/tooling/benchmarks/all.sh [JMH OPTIONS]      (about twenty minutes on 2 cores)
#
# JMH options pass to the first part, for example `RenderBenchmark -f 3`. docs/performance.md
# says what each figure means and quotes the current ones.
set -euo pipefail
cd "$(dirname "$0")/../../.."

brief=shared/tooling/benchmarks/src/main/resources/eu/s3cop/benchmarks/policy-brief.md

echo "== building"
mvn -B -q install -DskipTests
echo "== JMH: renderer and reader API"
# The reader API benchmark loads DynamoDB Local's native library from the build.
java -jar shared/tooling/benchmarks/target/benchmarks.jar "$@"
echo "== cold starts: publish-brief against pandoc + Chromium"
java -jar shared/tooling/local/target/s3cop-local.jar cold-start --function publish-brief --draft "$brief"
echo "== throughput end to end"
java -jar shared/tooling/local/target/s3cop-local.jar throughput
echo "== the preview against pandoc + Chromium"
shared/tooling/benchmarks/preview.sh
