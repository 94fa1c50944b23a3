#!/usr/bin/env bash
# Starts the whole platform on this machine: a Kafka broker, Postgres and the four services.
# Needs only a JDK 17+; the Maven wrapper fetches everything else. Settings: see LocalPlatform.java
# (STACKPLAN_DATA_DIR, STACKPLAN_DB_HOST to use your own Postgres, ports). Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")/../.."
# a fresh class path every time: jars left from an earlier build must not mask a missing dependency
rm -rf deploy/local/target/lib
./mvnw -B -q -DskipTests -Dspring-javaformat.skip=true -pl deploy/local -am package
exec java -Xmx1g -cp "deploy/local/target/classes:deploy/local/target/lib/*" dev.stackplan.local.LocalPlatform "$@"
