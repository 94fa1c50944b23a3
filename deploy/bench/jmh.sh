#!/usr/bin/env bash
# Runs the JMH benchmarks of one module (classes named *Benchmark under src/test/java).
#   deploy/bench/jmh.sh services/scoring-engine [JMH options, e.g. -f 1 -wi 3 -i 5]
# Results are printed and written as JSON to <module>/target/jmh-result.json.
set -euo pipefail
cd "$(dirname "$0")/../.."
module=${1:?usage: deploy/bench/jmh.sh <module dir> [jmh options]}
shift
./mvnw -B -q -pl "$module" -am install -DskipTests -Dspring-javaformat.skip=true
./mvnw -B -q -pl "$module" dependency:build-classpath -Dmdep.includeScope=test \
	-Dmdep.outputFile=target/jmh.classpath
java -cp "$module/target/test-classes:$module/target/classes:$(cat "$module/target/jmh.classpath")" \
	org.openjdk.jmh.Main -rf json -rff "$module/target/jmh-result.json" "$@" '.*Benchmark.*'
