# shellcheck shell=bash
# The local platform as the live checks use it (check-prometheus.sh, check-contract.sh; sourced, not run):
# deploy/local/run.sh in a temporary data directory with an embedded Postgres, on ports moved by an offset so
# that a check never meets another one or a platform already running, a time limit, and a clean stop.
# The sourcing script defines say() and calls, in this order:
#   platform_ports OFFSET            sets gateway_port, management_port, intake_port, scoring_port,
#                                    costing_port, kafka_port, kafka_controller_port, db_port
#   require_free_ports HINT PORT...  exits 1 naming the first port in use (HINT says how to move it)
#   start_watchdog LABEL SECONDS     the check is sent TERM once SECONDS have passed
#   start_platform WORK              run.sh in its own session, its output in WORK/platform.log
#   await_platform_ready             until run.sh prints its ready line (every pipeline group has its partitions)
# and, from its EXIT trap, stop_watchdog, stop_platform WORK, platform_log_on_failure WORK RC LINES (then the
# check's own logs) and, last, finish_check WORK RC.

platform_pid=""
watchdog_pid=""

platform_ports() {
	local offset=$1
	gateway_port=$((8080 + offset)) management_port=$((8090 + offset)) intake_port=$((8081 + offset))
	scoring_port=$((8082 + offset)) costing_port=$((8083 + offset)) kafka_port=$((9092 + offset))
	kafka_controller_port=$((9093 + offset)) db_port=$((15432 + offset))
}

require_free_ports() {
	local hint=$1 port
	shift
	for port in $gateway_port $intake_port $scoring_port $costing_port $management_port $kafka_port \
		$kafka_controller_port $db_port "$@"; do
		if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
			echo "port $port on 127.0.0.1 is in use ($hint)" >&2
			exit 1
		fi
	done
}

start_watchdog() {
	local label=$1 limit=$2 check=$$
	(
		sleep "$limit" &
		sleeper=$!
		trap 'kill "$sleeper" 2>/dev/null; exit 0' TERM
		wait "$sleeper"
		echo "[$label] time limit of ${limit}s reached" >&2
		kill -TERM "$check" 2>/dev/null
	) &
	watchdog_pid=$!
}

stop_watchdog() {
	if [ -n "$watchdog_pid" ]; then kill "$watchdog_pid" 2>/dev/null || true; fi
}

start_platform() {
	local work=$1
	say "starting the platform (deploy/local/run.sh builds with -DskipTests, then starts Kafka, Postgres and the services)"
	STACKPLAN_DATA_DIR="$work/data" GATEWAY_PORT=$gateway_port GATEWAY_MANAGEMENT_PORT=$management_port \
		INTAKE_PORT=$intake_port SCORING_PORT=$scoring_port COSTING_PORT=$costing_port KAFKA_PORT=$kafka_port \
		KAFKA_CONTROLLER_PORT=$kafka_controller_port STACKPLAN_EMBEDDED_DB_PORT=$db_port \
		setsid deploy/local/run.sh >"$work/platform.log" 2>&1 </dev/null &
	platform_pid=$!
	platform_log=$work/platform.log
}

await_platform_ready() {
	until grep -q '^\[stackplan\] ready in' "$platform_log" 2>/dev/null; do
		if ! kill -0 "$platform_pid" 2>/dev/null; then
			echo "the platform exited before it was ready" >&2
			exit 1
		fi
		sleep 1
	done
	say "platform ready"
}

stop_platform() {
	local work=$1 pg
	if [ -n "$platform_pid" ] && kill -0 -- "-$platform_pid" 2>/dev/null; then
		say "stopping the platform"
		# run.sh runs in its own session (setsid): its process group is the JVM, the Kafka child and the
		# embedded Postgres; the JVM's shutdown hook stops Kafka and Postgres cleanly
		kill -TERM -- "-$platform_pid" 2>/dev/null || true
		for _ in $(seq 1 45); do
			kill -0 -- "-$platform_pid" 2>/dev/null || break
			sleep 1
		done
		kill -KILL -- "-$platform_pid" 2>/dev/null || true
	fi
	# the embedded Postgres, should it have outlived the group (it runs under unshare as nobody)
	for pg in $(pgrep -f -- "-D $work/" 2>/dev/null || true); do
		kill -TERM "$pg" 2>/dev/null || true
	done
}

# on failure, the last LINES lines of the platform's log
platform_log_on_failure() {
	local work=$1 rc=$2 lines=$3
	if [ "$rc" -ne 0 ]; then
		echo "---- platform log (last $lines lines): $work/platform.log" >&2
		tail -"$lines" "$work/platform.log" >&2 2>/dev/null || true
	fi
}

# WORK kept on failure or with STACKPLAN_CHECK_KEEP=1, else removed; exits with RC
finish_check() {
	local work=$1 rc=$2
	if [ "${STACKPLAN_CHECK_KEEP:-0}" = 1 ] || [ "$rc" -ne 0 ]; then
		say "logs kept in $work"
	else
		rm -rf "$work"
	fi
	say "done (exit $rc)"
	exit "$rc"
}
