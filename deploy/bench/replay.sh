#!/usr/bin/env bash
# Replay benchmark: N past requests (default 10,000) on a real broker and Postgres, planned by production,
# then replayed by a what-if scenario without overrides. Prints both rates; the report is written to
# deploy/local/target/replay-benchmark.txt.
#   deploy/bench/replay.sh [plans]
set -euo pipefail
cd "$(dirname "$0")/../.."
plans=${1:-10000}
./mvnw -B -q -DskipTests -Dspring-javaformat.skip=true -pl deploy/local -am install
./mvnw -B -q -Dspring-javaformat.skip=true -pl deploy/local verify -Dtest=ReplayBenchmark \
	-Dsurefire.failIfNoSpecifiedTests=false -Dreplay.plans="$plans" -DargLine="-Dreplay.plans=$plans"
cat deploy/local/target/replay-benchmark.txt
