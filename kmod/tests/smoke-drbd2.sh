#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Smoke test of drbd.ko's drbd2 family, run as root in a lab guest (or any
# disposable machine with no other DRBD loaded). Drives the family only with
# the kernel's pyynl CLI and genl-drbd2/drbd2.yaml.
#
# Environment:
#   DRBD_KO     the drbd.ko to load (required)
#   DRBD_REPO   the repository root (default: derived from this script's path)
#   YNL_KSRC    kernel tree with tools/net/ynl and Documentation/netlink
#               (default: $DRBD_REPO/.cache/lab/linux-source-7.2)
#   LAB_RESULTS where to write smoke-drbd2.tap and the logs (default: mktemp)
#
# Lab use (from the repository root, after kmod/gen/fetch-ynl.sh):
#   lab/bin/lab build-module 6.1 kmod .cache/lab/kmod-build/6.1
#   lab/bin/lab run --kernel 6.1 --script kmod/tests/smoke-drbd2.sh \
#       --env DRBD_REPO="$PWD" --env DRBD_KO="$PWD/.cache/lab/kmod-build/6.1/drbd.ko"
#
# Exit status 0 when every check passed; smoke-drbd2.tap lists them.
set -uo pipefail

if [ -z "${DRBD_REPO:-}" ]; then
	DRBD_REPO=$(cd "$(dirname "$(readlink -f "$0")")/../.." && pwd)
fi
YNL_KSRC=${YNL_KSRC:-$DRBD_REPO/.cache/lab/linux-source-7.2}
out=${LAB_RESULTS:-$(mktemp -d)}
mkdir -p "$out"
tap=$out/smoke-drbd2.tap
: >"$tap"

py=/usr/bin/python3
cli=$YNL_KSRC/tools/net/ynl/pyynl/cli.py
spec=$DRBD_REPO/genl-drbd2/drbd2.yaml
schema=$YNL_KSRC/Documentation/netlink/genetlink-c.yaml
nlctrl=$YNL_KSRC/Documentation/netlink/specs/nlctrl.yaml
schema_nlctrl=$YNL_KSRC/Documentation/netlink/genetlink-legacy.yaml

n=0
failed=0
ok() {
	n=$((n + 1))
	echo "ok $n - $*" | tee -a "$tap"
}
not_ok() {
	n=$((n + 1))
	failed=$((failed + 1))
	echo "not ok $n - $*" | tee -a "$tap"
}
check() {	# check DESCRIPTION COMMAND...: passes if COMMAND succeeds
	local what=$1
	shift
	if "$@" >>"$out/checks.log" 2>&1; then ok "$what"; else not_ok "$what"; fi
}

# the spec is validated against the schema once (below); per-call validation
# would triple the run time of every request in an emulated guest
fails() {	# fails COMMAND...: succeeds if COMMAND fails
	! "$@"
}

ynl() {
	"$py" "$cli" --spec "$spec" --no-schema --output-json "$@"
}

# expect_ok OUTFILE ARGS...: the request succeeds; its output goes to OUTFILE
expect_ok() {
	local outfile=$1
	shift
	local what
	what=$(printf '%s ' "$@" | cut -c 1-100)
	if ynl "$@" >"$outfile" 2>&1; then
		ok "${what% } succeeds"
	else
		not_ok "${what% } succeeds: $(tail -n 1 "$outfile")"
	fi
}

# expect_err PATTERN ARGS...: the request fails and the error matches PATTERN
expect_err() {
	local pattern=$1 res
	shift
	if res=$(ynl "$@" 2>&1); then
		not_ok "$* fails ($pattern): it succeeded"
	elif grep -qE -- "$pattern" <<<"$res"; then
		ok "$* fails: $(tail -n 1 <<<"$res")"
	else
		not_ok "$* fails ($pattern): $(tail -n 1 <<<"$res")"
	fi
}

# as_nobody ARGS...: a request of an unprivileged user
as_nobody() {
	setpriv --reuid=65534 --regid=65534 --clear-groups \
		"$py" "$cli" --spec "$spec" --no-schema --output-json "$@"
}

if [ -z "${DRBD_KO:-}" ] || [ ! -f "$DRBD_KO" ]; then
	echo "DRBD_KO not set or missing" >&2
	exit 2
fi
[ -f "$cli" ] || { echo "no pyynl CLI at $cli (kmod/gen/fetch-ynl.sh)" >&2; exit 2; }
if grep -q '^drbd ' /proc/modules; then
	echo "a drbd module is already loaded" >&2
	exit 2
fi

dmesg -C 2>/dev/null || true

# --- load -------------------------------------------------------------------
check "drbd2.yaml validates against the $(basename "$schema") schema" \
	"$py" "$cli" --spec "$spec" --schema "$schema" --validate
check "insmod drbd.ko" insmod "$DRBD_KO"
check "nlctrl knows family drbd2" \
	"$py" "$cli" --spec "$nlctrl" --schema "$schema_nlctrl" --do getfamily \
	--json '{"family-name": "drbd2"}'

# notifications: a subscriber for the whole scenario
# unbuffered: it is stopped with SIGTERM at the end
PYTHONUNBUFFERED=1 ynl --subscribe events --duration 1800 >"$out/events.json" 2>&1 &
sub=$!
sleep 3

# --- resources and devices -------------------------------------------------------
expect_ok "$out/r0.json" --do resource-new \
	--json '{"name": "r0", "node-id": 1, "options": {"auto-promote": 0}}'
check "resource-new replies with the name" grep -q '"name": "r0"' "$out/r0.json"
expect_err 'File exists.*bad-attr' --do resource-new --json '{"name": "r0"}'
expect_err 'Invalid argument' --do resource-new --json '{"name": ""}'
expect_err 'Invalid argument' --do resource-new --json '{"name": "a/b"}'
expect_err 'Numerical result out of range|Invalid argument' \
	--do resource-new --json '{"name": "r9", "node-id": 32}'
expect_err 'Invalid argument' --do resource-new \
	--json '{"name": "r9", "options": {"cpu-mask": "xyz"}}'
expect_ok "$out/r0-get.json" --do resource-get --json '{"name": "r0"}'
check "resource-get returns node-id and options" \
	grep -q '"node-id": 1.*"auto-promote": 0' "$out/r0-get.json"
expect_err 'No such file or directory' --do resource-get --json '{"name": "nope"}'

expect_ok "$out/d0.json" --do device-new \
	--json '{"resource": "r0", "volume": 0, "minor": 0}'
check "device-new replies with minor, volume, resource" \
	grep -q '"minor": 0.*"volume": 0.*"resource": "r0"' "$out/d0.json"
check "/dev/drbd0 exists" test -b /dev/drbd0
check "/sys/block/drbd0 exists" test -d /sys/block/drbd0
check "diskless /dev/drbd0 has size 0" test "$(blockdev --getsize64 /dev/drbd0)" = 0
expect_err 'File exists' --do device-new --json '{"resource": "r0", "volume": 1, "minor": 0}'
expect_err 'File exists' --do device-new --json '{"resource": "r0", "volume": 0, "minor": 1}'
expect_err 'No such file or directory' \
	--do device-new --json '{"resource": "nope", "volume": 0, "minor": 5}'
expect_err 'Numerical result out of range|Invalid argument' \
	--do device-new --json '{"resource": "r0", "volume": 0, "minor": 1048576}'
expect_err 'Invalid argument' --do device-new --json '{"resource": "r0", "minor": 7}'
expect_err 'Device or resource busy' --do resource-del --json '{"name": "r0"}'

exec 3</dev/drbd0
expect_err 'Device or resource busy' --do device-del --json '{"minor": 0}'
exec 3<&-

expect_ok "$out/d1.json" --do device-new --json '{"resource": "r0", "volume": 1, "minor": 1}'
expect_ok "$out/r1.json" --do resource-new --json '{"name": "r1"}'
expect_ok "$out/d7.json" --do device-new --json '{"resource": "r1", "volume": 0, "minor": 7}'
expect_ok "$out/d-get.json" --do device-get --json '{"minor": 7}'
check "device-get names resource r1" grep -q '"resource": "r1"' "$out/d-get.json"
expect_err 'No such file or directory' --do device-get --json '{"minor": 3}'

# --- connections ------------------------------------------------------------
expect_ok "$out/c0.json" --do connection-new --json \
	'{"resource": "r0", "peer-node-id": 2, "name": "peer-b", "net-options": {"protocol": "a"}}'
check "connection-new replies with resource and peer-node-id" \
	grep -q '"resource": "r0", "peer-node-id": 2}' "$out/c0.json"
expect_err 'File exists.*peer-node-id' --do connection-new \
	--json '{"resource": "r0", "peer-node-id": 2, "name": "again"}'
expect_err 'Invalid argument.*peer-node-id' --do connection-new \
	--json '{"resource": "r0", "peer-node-id": 1, "name": "myself"}'
expect_err "Invalid argument.*miss-type.*name" --do connection-new \
	--json '{"resource": "r0", "peer-node-id": 4}'
expect_err 'No such file or directory.*resource' --do connection-new \
	--json '{"resource": "nope", "peer-node-id": 4, "name": "x"}'
expect_err 'Numerical result out of range|Invalid argument' --do connection-new \
	--json '{"resource": "r0", "peer-node-id": 4, "name": "x", "net-options": {"protocol": 4}}'
expect_ok "$out/c1.json" --do connection-new --json '{"resource": "r1", "peer-node-id": 3, "name": "peer-c"}'
expect_ok "$out/c0-get.json" --do connection-get --json '{"resource": "r0", "peer-node-id": 2}'
check "connection-get returns name and net options" \
	grep -q '"name": "peer-b", "net-options": {"protocol": "a"' "$out/c0-get.json"
expect_err 'No such file or directory.*peer-node-id' --do connection-get \
	--json '{"resource": "r0", "peer-node-id": 5}'
expect_ok "$out/conn-dump.json" --dump connection-get
check "connection dump lists r0:2 and r1:3" \
	test "$(grep -o '"peer-node-id": [0-9]*' "$out/conn-dump.json" | tr -d '\n')" = \
	'"peer-node-id": 2"peer-node-id": 3'
expect_ok "$out/conn-dump-r1.json" --dump connection-get --json '{"resource": "r1"}'
check "filtered connection dump lists only r1:3" \
	test "$(grep -o '"peer-node-id": [0-9]*' "$out/conn-dump-r1.json" | tr -d '\n')" = \
	'"peer-node-id": 3'

# --- dumps ------------------------------------------------------------------
expect_ok "$out/res-dump.json" --dump resource-get
check "resource dump lists r0 and r1" \
	grep -q '"name": "r0".*"name": "r1"' "$out/res-dump.json"
expect_ok "$out/dev-dump.json" --dump device-get
check "device dump lists minors 0, 1, 7" \
	test "$(grep -o '"minor": [0-9]*' "$out/dev-dump.json" | tr -d '\n')" = \
	'"minor": 0"minor": 1"minor": 7'
expect_ok "$out/dev-dump-r1.json" --dump device-get --json '{"resource": "r1"}'
check "filtered device dump lists only minor 7" \
	test "$(grep -o '"minor": [0-9]*' "$out/dev-dump-r1.json" | tr -d '\n')" = '"minor": 7'

# many resources in one process (--multi): a dump that needs several parts
multi=()
for i in $(seq 10 59); do
	multi+=(--multi resource-new "{\"name\": \"many$i\"}")
done
expect_ok "$out/many-new.json" "${multi[@]}"
expect_ok "$out/res-dump-small.json" --dbg-small-recv --dump resource-get
check "multi-part resource dump returns 52 resources" \
	test "$(grep -o '"name": "[^"]*"' "$out/res-dump-small.json" | sort -u | wc -l)" = 52
# two connections in each: the connection dump cursor has two levels
multi=()
for i in $(seq 10 59); do
	for peer in 1 2; do
		multi+=(--multi connection-new
			"{\"resource\": \"many$i\", \"peer-node-id\": $peer, \"name\": \"p$peer\"}")
	done
done
expect_ok "$out/many-conn-new.json" "${multi[@]}"
expect_ok "$out/conn-dump-small.json" --dbg-small-recv --dump connection-get
conns=$(grep -o '"resource": "[^"]*", "peer-node-id": [0-9]*' "$out/conn-dump-small.json")
check "multi-part connection dump returns 102 connections, none twice" \
	test "$(wc -l <<<"$conns") $(sort -u <<<"$conns" | wc -l)" = "102 102"
multi=()
for i in $(seq 10 59); do
	for peer in 1 2; do
		multi+=(--multi connection-del "{\"resource\": \"many$i\", \"peer-node-id\": $peer}")
	done
	multi+=(--multi resource-del "{\"name\": \"many$i\"}")
done
expect_ok "$out/many-del.json" "${multi[@]}"

# --- policy introspection ---------------------------------------------------
expect_ok "$out/policy-device-new.json" --policy --do device-new
check "device-new policy: minor max 1048575" \
	grep -q '1048575' "$out/policy-device-new.json"
expect_ok "$out/policy-resource-new.json" --policy --do resource-new
check "resource-new policy: name max-length 127" \
	grep -q '127' "$out/policy-resource-new.json"

check "every op's kernel policy agrees with the spec (policy-check.py)" \
	"$py" "$DRBD_REPO/kmod/tests/policy-check.py" --ksrc "$YNL_KSRC" --spec "$spec"
sed 's/value: 1048575/value: 1048574/' "$spec" >"$out/drbd2-mutated.yaml"
check "policy-check.py notices a spec that differs from the kernel" \
	fails "$py" "$DRBD_REPO/kmod/tests/policy-check.py" --ksrc "$YNL_KSRC" \
	--spec "$out/drbd2-mutated.yaml"

# --- permissions ------------------------------------------------------------
if as_nobody --dump resource-get >"$out/nobody-dump.json" 2>&1; then
	ok "unprivileged resource dump works"
else
	not_ok "unprivileged resource dump works: $(tail -n 1 "$out/nobody-dump.json")"
fi
for req in 'resource-new {"name":"x"}' 'resource-del {"name":"r1"}' \
	   'device-new {"resource":"r1","volume":1,"minor":9}' 'device-del {"minor":7}' \
	   'connection-new {"resource":"r1","peer-node-id":4,"name":"x"}' \
	   'connection-del {"resource":"r1","peer-node-id":3}'; do
	if res=$(as_nobody --do "${req%% *}" --json "${req#* }" 2>&1); then
		not_ok "unprivileged ${req%% *} fails with EPERM: it succeeded"
	elif grep -q 'Operation not permitted' <<<"$res"; then
		ok "unprivileged ${req%% *} fails with EPERM"
	else
		not_ok "unprivileged ${req%% *} fails with EPERM: $(tail -n 1 <<<"$res")"
	fi
done

# --- deletion ---------------------------------------------------------------
expect_ok "$out/del-d0.json" --do device-del --json '{"minor": 0}'
check "/sys/block/drbd0 is gone" test ! -e /sys/block/drbd0
expect_ok "$out/del-d1.json" --do device-del --json '{"minor": 1}'
expect_err 'Device or resource busy' --do resource-del --json '{"name": "r0"}'
expect_ok "$out/del-c0.json" --do connection-del --json '{"resource": "r0", "peer-node-id": 2}'
expect_err 'No such file or directory' --do connection-del \
	--json '{"resource": "r0", "peer-node-id": 2}'
expect_ok "$out/del-r0.json" --do resource-del --json '{"name": "r0"}'
expect_err 'No such file or directory' --do resource-del --json '{"name": "r0"}'

sleep 2
kill "$sub" 2>/dev/null
wait "$sub" 2>/dev/null
for ntf in resource-create-ntf device-create-ntf connection-create-ntf \
	   connection-delete-ntf device-delete-ntf resource-delete-ntf; do
	check "notification $ntf received" grep -q "\"$ntf\"" "$out/events.json"
done

# --- unload with objects left (r1 with minor 7 and a connection) --------------
check "rmmod drbd with a resource, a device and a connection left" rmmod drbd
check "/sys/block/drbd7 is gone" test ! -e /sys/block/drbd7
check "family drbd2 is gone" sh -c "! grep -q '^drbd ' /proc/modules"

dmesg >"$out/dmesg.txt" 2>&1
if grep -qE 'WARNING|BUG|Oops|general protection|cut here|refcount_t' "$out/dmesg.txt"; then
	not_ok "no WARN/BUG in dmesg"
else
	ok "no WARN/BUG in dmesg"
fi

echo "1..$n" >>"$tap"
echo "smoke-drbd2: $((n - failed))/$n passed"
[ "$failed" = 0 ]
