# shellcheck shell=bash
# Shared by deploy/ops/validate.sh, check-prometheus.sh and check-contract.sh (sourced, not run).

# ensure_commands COMMAND:DEBIAN_PACKAGE ...  installs the packages whose command is missing (quiet,
# idempotent, --no-install-recommends). Services a package ships (prometheus) are not started: a
# temporary policy-rc.d tells invoke-rc.d to leave them alone.
ensure_commands() {
	local spec packages=()
	for spec in "$@"; do
		command -v "${spec%%:*}" >/dev/null 2>&1 || packages+=("${spec#*:}")
	done
	[ ${#packages[@]} -eq 0 ] && return 0
	local sudo=""
	[ "$(id -u)" -eq 0 ] || sudo="sudo"
	echo "installing Debian packages: ${packages[*]}"
	local policy=/usr/sbin/policy-rc.d made_policy=""
	if [ ! -e "$policy" ]; then
		printf '#!/bin/sh\nexit 101\n' | $sudo tee "$policy" >/dev/null && $sudo chmod +x "$policy" && made_policy=1
	fi
	local rc=0
	export DEBIAN_FRONTEND=noninteractive
	if ! $sudo apt-get install -y -qq --no-install-recommends "${packages[@]}" >/tmp/stackplan-ops-apt.log 2>&1; then
		{ $sudo apt-get update -qq && $sudo apt-get install -y -qq --no-install-recommends "${packages[@]}"; } \
			>>/tmp/stackplan-ops-apt.log 2>&1 || rc=$?
	fi
	[ -n "$made_policy" ] && $sudo rm -f "$policy"
	if [ $rc -ne 0 ]; then
		echo "apt-get install ${packages[*]} failed; see /tmp/stackplan-ops-apt.log" >&2
		tail -5 /tmp/stackplan-ops-apt.log >&2
		return $rc
	fi
}
