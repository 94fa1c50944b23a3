#!/usr/bin/env bash
# The contract, checked against the running platform rather than trusted:
#   1. Spectral (npm @stoplight/spectral-cli) lints contracts/src/main/resources/openapi/plan-api.yaml with
#      the spectral:oas ruleset; any warning fails (deploy/ops/api-contract/.spectral.yaml, where every rule
#      turned off says why).
#   2. the platform starts (deploy/local/run.sh, a temporary data directory, embedded Postgres, ports moved by
#      STACKPLAN_CHECK_PORT_OFFSET, default 400, so that it never meets check-prometheus.sh's 300), and two
#      Prism validating proxies (npm @stoplight/prism-cli) stand in front of its gateway: `prism proxy
#      --errors` and a plain `prism proxy`.
#   3. deploy/ops/contract_replay.py replays a fixed set of calls, success and error cases of every public
#      operation (GET /nope, a DELETE on a plan and a POST without a content type among them), and fails on
#      any violation of the contract Prism reports or any unexpected status.
# npm packages go into a cache outside the repo, once per package-lock.json, as in validate.sh.
#
# Loopback only; everything it starts is stopped on exit (trap), and it stops itself after
# STACKPLAN_CHECK_TIMEOUT seconds (default 300, of which the build and start take most; stopping the platform takes up to 45 s more).
# Usage (from anywhere): deploy/ops/check-contract.sh [--lint-only]
# Settings: STACKPLAN_CHECK_PORT_OFFSET (400), STACKPLAN_CHECK_TIMEOUT (300), STACKPLAN_CONTRACT_PRISM_PORT (14010;
#           the plain proxy takes the next port), STACKPLAN_OPS_CACHE, STACKPLAN_CHECK_KEEP=1 keeps the logs.
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=deploy/ops/lib.sh
. deploy/ops/lib.sh
# shellcheck source=deploy/ops/platform-under-test.sh
. deploy/ops/platform-under-test.sh

contract=contracts/src/main/resources/openapi/plan-api.yaml
limit=${STACKPLAN_CHECK_TIMEOUT:-300}
offset=${STACKPLAN_CHECK_PORT_OFFSET:-400}
strict_port=${STACKPLAN_CONTRACT_PRISM_PORT:-14010}
lenient_port=$((strict_port + 1))
platform_ports "$offset"
started=$SECONDS

say() { printf '[contract %3ds] %s\n' $((SECONDS - started)) "$*"; }

ensure_commands node:nodejs npm:npm curl:curl python3:python3 java:openjdk-17-jdk-headless
python=python3
if ! python3 -c 'import yaml, jsonschema' 2>/dev/null; then
	# Debian's interpreter with Debian's modules (a module is not a command, which ensure_commands looks for)
	python=/usr/bin/python3
	if ! $python -c 'import yaml, jsonschema' 2>/dev/null; then
		say "installing Debian packages: python3-yaml python3-jsonschema"
		export DEBIAN_FRONTEND=noninteractive
		{ apt-get install -y -qq --no-install-recommends python3 python3-yaml python3-jsonschema \
			|| { apt-get update -qq && apt-get install -y -qq --no-install-recommends python3 python3-yaml python3-jsonschema; }; } \
			>/tmp/stackplan-ops-apt.log 2>&1 || { tail -5 /tmp/stackplan-ops-apt.log >&2; exit 1; }
	fi
fi

# npm packages, installed once per package-lock.json
cache=${STACKPLAN_OPS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/stackplan-ops}/api-contract
mkdir -p "$cache"
cp deploy/ops/api-contract/package.json deploy/ops/api-contract/package-lock.json "$cache/"
lock_hash=$(sha256sum deploy/ops/api-contract/package-lock.json | cut -d' ' -f1)
if [ "$(cat "$cache/node_modules/.stackplan-lock" 2>/dev/null)" != "$lock_hash" ]; then
	say "installing npm packages (Spectral, Prism) into $cache"
	(cd "$cache" && npm ci --no-audit --no-fund --loglevel=error >"$cache/npm.log" 2>&1) \
		|| { cat "$cache/npm.log" >&2; exit 1; }
	echo "$lock_hash" >"$cache/node_modules/.stackplan-lock"
fi

say "Spectral: $contract against spectral:oas (warnings fail)"
"$cache/node_modules/.bin/spectral" lint --fail-severity=warn --ruleset deploy/ops/api-contract/.spectral.yaml "$contract"
[ "${1:-}" = --lint-only ] && exit 0

require_free_ports "set STACKPLAN_CHECK_PORT_OFFSET or STACKPLAN_CONTRACT_PRISM_PORT" $strict_port $lenient_port

work=$(mktemp -d /tmp/stackplan-contract.XXXXXX)
prism_pids=()

cleanup() {
	local rc=$?
	trap - EXIT INT TERM
	stop_watchdog
	local pid
	for pid in "${prism_pids[@]}"; do
		kill -TERM "$pid" 2>/dev/null || true
		wait "$pid" 2>/dev/null || true
	done
	stop_platform "$work"
	platform_log_on_failure "$work" $rc 30
	if [ $rc -ne 0 ]; then
		echo "---- Prism (strict) log, violations: $work/prism-strict.log" >&2
		grep -i "violation" "$work/prism-strict.log" 2>/dev/null | tail -20 >&2 || true
	fi
	finish_check "$work" $rc
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

start_watchdog contract "$limit"
start_platform "$work"
await_platform_ready

gateway=http://127.0.0.1:$gateway_port
"$cache/node_modules/.bin/prism" proxy --errors -h 127.0.0.1 -p "$strict_port" "$contract" "$gateway" \
	>"$work/prism-strict.log" 2>&1 &
prism_pids+=($!)
"$cache/node_modules/.bin/prism" proxy -h 127.0.0.1 -p "$lenient_port" "$contract" "$gateway" \
	>"$work/prism-lenient.log" 2>&1 &
prism_pids+=($!)
for port in $strict_port $lenient_port; do
	until curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$port/v3/api-docs"; do
		for pid in "${prism_pids[@]}"; do
			kill -0 "$pid" 2>/dev/null || { echo "Prism exited" >&2; tail -20 "$work"/prism-*.log >&2; exit 1; }
		done
		sleep 1
	done
done
say "Prism proxies on 127.0.0.1:$strict_port (--errors) and 127.0.0.1:$lenient_port, in front of $gateway"

say "replaying the fixed calls"
"$python" deploy/ops/contract_replay.py "$contract" "http://127.0.0.1:$strict_port" "http://127.0.0.1:$lenient_port" \
	"$gateway"
