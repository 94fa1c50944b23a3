#!/usr/bin/env bash
# The real check of the monitoring: starts the platform (deploy/local/run.sh, in a temporary data
# directory, embedded Postgres), starts a real Prometheus (Debian package) with
# deploy/prometheus/prometheus-local.yml and the alert rules, drives plans of several kinds through the
# gateway plus a few unreadable records into plan.requested (kcat) so that dead letters exist, waits for
# scrapes, and then evaluates every dashboard panel's and every alert's PromQL through Prometheus' HTTP
# API (deploy/ops/promql_check.py live). Fails if a query does not parse or returns no series, if a
# documented metric is missing, or if the dead-letter alert does not go off.
#
# Loopback only; everything it starts is stopped on exit (trap), and it stops itself after
# STACKPLAN_CHECK_TIMEOUT seconds (default 240; stopping the platform takes up to 45 s more). Needs the
# ports 8080-8083, 8090, 9092, 9093, 15432 and STACKPLAN_CHECK_PROMETHEUS_PORT (19090) free;
# STACKPLAN_CHECK_PORT_OFFSET=N moves all but Prometheus' by N (for a machine where the platform already
# runs; the scrape config is then a shifted copy).
#
# Usage (from the repo root): deploy/ops/check-prometheus.sh
# Settings: STACKPLAN_CHECK_TIMEOUT, STACKPLAN_CHECK_PROMETHEUS_PORT, STACKPLAN_CHECK_PORT_OFFSET (0),
#           STACKPLAN_CHECK_PLANS (28), STACKPLAN_API_KEY (demo-key, the local development key),
#           STACKPLAN_CHECK_KEEP=1 keeps the logs.
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=deploy/ops/lib.sh
. deploy/ops/lib.sh
# shellcheck source=deploy/ops/platform-under-test.sh
. deploy/ops/platform-under-test.sh

limit=${STACKPLAN_CHECK_TIMEOUT:-240}
prom_port=${STACKPLAN_CHECK_PROMETHEUS_PORT:-19090}
plans=${STACKPLAN_CHECK_PLANS:-28}
api_key=${STACKPLAN_API_KEY:-demo-key}
offset=${STACKPLAN_CHECK_PORT_OFFSET:-0}
platform_ports "$offset"
gateway=http://127.0.0.1:$gateway_port
prometheus=http://127.0.0.1:$prom_port
started=$SECONDS

say() { printf '[check %3ds] %s\n' $((SECONDS - started)) "$*"; }

ensure_commands prometheus:prometheus promtool:prometheus kcat:kcat curl:curl python3:python3 java:openjdk-17-jdk-headless
require_free_ports "is the platform or a Prometheus already running?" "$prom_port"

work=$(mktemp -d /tmp/stackplan-check.XXXXXX)
prom_pid=""

cleanup() {
	local rc=$?
	trap - EXIT INT TERM
	stop_watchdog
	if [ -n "$prom_pid" ] && kill -0 "$prom_pid" 2>/dev/null; then
		kill -TERM "$prom_pid" 2>/dev/null || true
		wait "$prom_pid" 2>/dev/null || true
	fi
	stop_platform "$work"
	platform_log_on_failure "$work" $rc 40
	if [ $rc -ne 0 ] && [ -s "$work/prometheus.log" ]; then
		echo "---- prometheus log (last 10 lines)" >&2
		tail -10 "$work/prometheus.log" >&2
	fi
	finish_check "$work" $rc
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

start_watchdog check "$limit"
start_platform "$work"
await_platform_ready

config=deploy/prometheus/prometheus-local.yml
if [ "$offset" != 0 ]; then
	mkdir -p "$work/prometheus-config"
	ln -s "$PWD/deploy/prometheus/rules" "$work/prometheus-config/rules"
	python3 - "$config" "$work/prometheus-config/prometheus-local.yml" "$offset" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
shifted = re.sub(r"127\.0\.0\.1:(\d+)", lambda m: f"127.0.0.1:{int(m.group(1)) + int(sys.argv[3])}", text)
open(sys.argv[2], "w").write(shifted)
PY
	config=$work/prometheus-config/prometheus-local.yml
fi
say "starting Prometheus on 127.0.0.1:$prom_port ($config)"
prometheus --config.file="$config" --storage.tsdb.path="$work/prometheus" \
	--web.listen-address="127.0.0.1:$prom_port" --log.level=warn >"$work/prometheus.log" 2>&1 &
prom_pid=$!
until curl -fsS --max-time 2 "$prometheus/-/ready" >/dev/null 2>&1; do
	kill -0 "$prom_pid" 2>/dev/null || { echo "Prometheus exited" >&2; exit 1; }
	sleep 1
done

# plans of every product kind, with teams and loads that lead to different recommendations
kinds=(SAAS MARKETPLACE CMS INTERNAL_TOOL PUBLIC_API MICROSERVICE ML_INFERENCE)
features=('"AUTH","BILLING","ADMIN_PANEL"' '"AUTH","BILLING","ASYNC_FANOUT"' '"CMS","ADMIN_PANEL"' '"AUTH","ADMIN_PANEL"'
	'"AUTH","STREAMING"' '"ASYNC_FANOUT","STREAMING"' '"ML_INFERENCE","STREAMING"')
rps=(10 200 5 2 2000 800 300)
accepted=()
say "posting $plans plans"
for i in $(seq 0 $((plans - 1))); do
	k=$((i % ${#kinds[@]}))
	body=$(printf '{"product":{"name":"Check %d","kind":"%s","features":[%s],"expectedRps":%d,"existingFramework":"NONE"},"team":{"engineers":%d,"seniorEngineers":%d},"timelineWeeks":%d,"budgetUsd":%d}' \
		"$i" "${kinds[$k]}" "${features[$k]}" "${rps[$k]}" $((1 + i % 4)) $((i % 2)) $((8 + i % 12)) $((40000 + 5000 * (i % 9))))
	code=$(curl -sS --max-time 15 -o "$work/response.json" -w '%{http_code}' -X POST "$gateway/api/v1/plans" \
		-H 'Content-Type: application/json' -H "Authorization: Bearer $api_key" --data "$body" || echo 000)
	if [ "$code" != 202 ] && [ "$code" != 200 ]; then
		echo "POST /api/v1/plans answered $code: $(head -c 300 "$work/response.json" 2>/dev/null)" >&2
		exit 1
	fi
	accepted+=("$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["planId"])' "$work/response.json")")
	sleep 0.7
done
say "${#accepted[@]} plans accepted"

say "sending 3 unreadable records to plan.requested (they must end in plan.requested.dlt)"
for i in 1 2 3; do
	printf 'not a plan %d' "$i" | kcat -P -b 127.0.0.1:$kafka_port -t plan.requested -k "check-poison-$i" 2>>"$work/kcat.log"
done

say "waiting for the plans to be assembled"
for id in "${accepted[0]}" "${accepted[$((${#accepted[@]} / 2))]}" "${accepted[$((${#accepted[@]} - 1))]}"; do
	status=PENDING
	for _ in $(seq 1 60); do
		status=$(curl -sS --max-time 5 -H "Authorization: Bearer $api_key" "$gateway/api/v1/plans/$id" \
			| python3 -c 'import json,sys; print(json.load(sys.stdin).get("status","?"))' 2>/dev/null || echo "?")
		[ "$status" != PENDING ] && [ "$status" != "?" ] && break
		sleep 1
	done
	say "plan $id: $status"
	[ "$status" = COMPLETE ] || [ "$status" = PARTIAL ] || [ "$status" = FAILED ] || { echo "plan $id never left PENDING" >&2; exit 1; }
done

# Micrometer registers the Kafka clients' per-partition metrics (records_lag) on its first refresh, up
# to a minute after the consumers start: wait for them too
say "waiting for scrapes and rule evaluations"
deadline=$((SECONDS + 120))
until [ "$(curl -fsS --max-time 5 "$prometheus/api/v1/query" --data-urlencode \
	'query=count(sum by (application) (stackplan_dead_letters_total)) >= 3 and on() count(stackplan_plans_assembled_total) > 0 and on() count(up{job="stackplan"} == 1) == 4 and on() count(count by (application) (kafka_consumer_fetch_manager_records_lag{topic=~".*[.].*"})) == 3' \
	| python3 -c 'import json,sys; print(len(json.load(sys.stdin)["data"]["result"]))' 2>/dev/null)" = 1 ]; do
	[ $SECONDS -lt $deadline ] || { echo "Prometheus did not see all expected metrics within 120 s; evaluating anyway" >&2; break; }
	sleep 2
done
sleep 12 # two more scrapes and rule evaluations (5 s each), so rates have several samples

say "evaluating every dashboard and alert query against Prometheus"
python3 deploy/ops/promql_check.py live --prometheus "$prometheus" --application gateway \
	--expect-firing StackplanDeadLetters
