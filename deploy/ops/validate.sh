#!/usr/bin/env bash
# CI entry point for the operational files: every check below runs offline (no cluster, no Docker engine,
# no running service) and the script exits non-zero if any fails. Installs what it needs (Debian: prometheus
# for promtool, docker-compose; npm: the packages in deploy/ops/k8s-schema, into a cache outside the repo).
#
#   promtool check config   deploy/prometheus/prometheus.yml and prometheus-local.yml (with their rule files)
#   promtool check rules    deploy/prometheus/rules/*.yml
#   promtool test rules     deploy/prometheus/tests/*.yml: every alert fires on bad data, stays quiet on good
#   dashboards              every Grafana panel query parses (as a recording rule, via promtool)
#   docker-compose config   docker-compose.yml, compose v1 syntax
#   kubectl kustomize       deploy/k8s renders
#   k8s schema              core + Prometheus Operator kinds against their OpenAPI/CRD schemas, hand checks of
#                           Strimzi/CloudNativePG kinds, the platform's invariants (deploy/ops/k8s-schema/)
#   k8s unknown fields      no field a Kubernetes/Prometheus Operator type does not declare (tsc --strict)
#   rules single source     deploy/k8s/monitoring/prometheusrule.yaml is generated from the rules file
#
# Usage: deploy/ops/validate.sh       (from anywhere; STACKPLAN_OPS_CACHE overrides the npm cache dir)
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 1
# shellcheck source=deploy/ops/lib.sh
. deploy/ops/lib.sh

ensure_commands promtool:prometheus docker-compose:docker-compose node:nodejs npm:npm kubectl:kubectl python3:python3 \
	|| { echo "validate: 0 passed, 1 failed (tool installation)"; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# npm packages for the k8s checks, installed once per package-lock.json
cache=${STACKPLAN_OPS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/stackplan-ops}/k8s-schema
mkdir -p "$cache"
cp deploy/ops/k8s-schema/package.json deploy/ops/k8s-schema/package-lock.json deploy/ops/k8s-schema/*.mjs "$cache/"
lock_hash=$(sha256sum deploy/ops/k8s-schema/package-lock.json | cut -d' ' -f1)
if [ "$(cat "$cache/node_modules/.stackplan-lock" 2>/dev/null)" != "$lock_hash" ]; then
	echo "installing npm packages into $cache"
	if (cd "$cache" && npm ci --no-audit --no-fund --loglevel=error >"$work/npm.log" 2>&1); then
		echo "$lock_hash" >"$cache/node_modules/.stackplan-lock"
	else
		cat "$work/npm.log" >&2
	fi
fi

passed=0
failed=0
failed_names=()
run() {
	local name=$1
	shift
	echo "== $name"
	if "$@" >"$work/out" 2>&1; then
		sed 's/^/   /' "$work/out"
		passed=$((passed + 1))
	else
		sed 's/^/   /' "$work/out"
		echo "   FAILED: $name"
		failed=$((failed + 1))
		failed_names+=("$name")
	fi
}

run "promtool check config (compose)" promtool check config deploy/prometheus/prometheus.yml
run "promtool check config (local)" promtool check config deploy/prometheus/prometheus-local.yml
run "promtool check rules" promtool check rules deploy/prometheus/rules/*.yml
run "promtool test rules" promtool test rules deploy/prometheus/tests/*.yml
run "dashboard queries parse" bash -c "python3 deploy/ops/promql_check.py offline '$work/dashboard-queries.yml' \
	&& promtool check rules '$work/dashboard-queries.yml'"
run "docker-compose config" docker-compose -f docker-compose.yml config -q
run "kubectl kustomize deploy/k8s" bash -c "kubectl kustomize deploy/k8s >'$work/k8s.yaml'"
if [ -s "$work/k8s.yaml" ]; then
	run "k8s schema and consistency" node "$cache/check-manifests.mjs" "$work/k8s.yaml" "$PWD"
	run "k8s unknown fields" node "$cache/strict-fields.mjs" "$work/k8s.yaml"
else
	echo "== k8s schema checks skipped: nothing rendered"
	failed=$((failed + 2))
	failed_names+=("k8s schema and consistency" "k8s unknown fields")
fi
run "rules single source" python3 deploy/ops/sync-rules.py --check

echo
[ $failed -eq 0 ] || echo "failed: ${failed_names[*]}"
echo "validate: $passed passed, $failed failed"
[ $failed -eq 0 ]
