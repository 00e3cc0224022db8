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

# --- paths, connect, disconnect ----------------------------------------------
# socket addresses as hex: sa4 A.B.C.D PORT, sa6 PORT (::1, or the last
# 16-bit group given as hex) ; family in host (little-endian) order
sa4() {
	local IFS=.
	# shellcheck disable=SC2086
	set -- $1 "$2"
	printf '0200%04x%02x%02x%02x%02x0000000000000000' "$5" "$1" "$2" "$3" "$4"
}
sa6() {
	printf '0a00%04x00000000000000000000000000000000000000%02x00000000' "$1" "${2:-1}"
}
pj() {	# pj RESOURCE PEER MY PEER-ADDR: a path's JSON
	printf '{"resource": "%s", "peer-node-id": %s, "my-addr": "%s", "peer-addr": "%s"}' \
		"$1" "$2" "$3" "$4"
}
p4a=$(pj r0 2 "$(sa4 127.0.0.1 7789)" "$(sa4 127.0.0.2 7789)")
p6a=$(pj r0 2 "$(sa6 7790)" "$(sa6 7791)")
expect_ok "$out/p4a.json" --do path-new --json "$p4a"
check "path-new replies with the identity" \
	grep -q '"resource": "r0", "peer-node-id": 2, "my-addr": ' "$out/p4a.json"
expect_err 'path with these addresses.*Address already in use' \
	--do path-new --json "$p4a"
expect_err 'Address already in use' --do path-new \
	--json "$(pj r1 3 "$(sa4 127.0.0.1 7789)" "$(sa4 127.0.0.2 7789)")"
expect_err 'Address family not supported.*peer-addr' --do path-new \
	--json "$(pj r0 2 "$(sa4 127.0.0.1 7792)" "$(sa6 7792)")"
expect_err 'Address family not supported.*my-addr' --do path-new \
	--json "$(pj r0 2 "0a00$(sa4 127.0.0.1 7793 | cut -c 5-)" "$(sa4 127.0.0.2 7793)")"
expect_err 'Invalid argument|Numerical result' --do path-new \
	--json "$(pj r0 2 0200 "$(sa4 127.0.0.2 7794)")"
expect_err 'No such file or directory.*peer-node-id' --do path-new \
	--json "$(pj r0 5 "$(sa4 127.0.0.1 7795)" "$(sa4 127.0.0.2 7795)")"
expect_ok "$out/p6a.json" --do path-new --json "$p6a"
expect_ok "$out/p4a-get.json" --do path-get --json "$p4a"
expect_err 'No such file or directory' --do path-get \
	--json "$(pj r0 2 "$(sa4 192.0.2.1 7789)" "$(sa4 192.0.2.2 7789)")"
expect_ok "$out/path-dump.json" --dump path-get
check "path dump lists both paths of r0:2" \
	test "$(grep -o '"resource": "r0", "peer-node-id": 2' "$out/path-dump.json" | wc -l)" = 2
expect_ok "$out/path-dump-r1.json" --dump path-get --json '{"resource": "r1"}'
check "path dump filtered by r1 is empty" \
	sh -c "! grep -q '\"resource\"' '$out/path-dump-r1.json'"
expect_ok "$out/path-dump-r0-2.json" --dump path-get --json '{"resource": "r0", "peer-node-id": 2}'
check "path dump filtered by r0:2 lists 2" \
	test "$(grep -o '"my-addr"' "$out/path-dump-r0-2.json" | wc -l)" = 2

expect_err 'connecting needs a path.*Destination address required.*peer-node-id' \
	--do connection-connect --json '{"resource": "r1", "peer-node-id": 3}'
expect_err 'No such file or directory.*peer-node-id' \
	--do connection-connect --json '{"resource": "r0", "peer-node-id": 9}'
expect_ok "$out/connect.json" --do connection-connect \
	--json '{"resource": "r0", "peer-node-id": 2}'
check "connection-connect replies cstate connecting" \
	grep -q '"cstate": "connecting"' "$out/connect.json"
expect_ok "$out/connect-again.json" --do connection-connect \
	--json '{"resource": "r0", "peer-node-id": 2}'
expect_ok "$out/c0-get2.json" --do connection-get --json '{"resource": "r0", "peer-node-id": 2}'
check "connection-get shows cstate connecting" \
	grep -q '"cstate": "connecting"' "$out/c0-get2.json"
expect_ok "$out/p6a-del.json" --do path-del --json "$p6a"
expect_err 'not StandAlone.*Device or resource busy' --do path-del --json "$p4a"
expect_err 'No such file or directory' --do path-del --json "$p6a"
expect_ok "$out/disconnect.json" --do connection-disconnect \
	--json '{"resource": "r0", "peer-node-id": 2}'
check "connection-disconnect replies cstate standalone" \
	grep -q '"cstate": "standalone"' "$out/disconnect.json"
expect_ok "$out/p6a-again.json" --do path-new --json "$p6a"
expect_ok "$out/p6a-del2.json" --do path-del --json "$p6a"
# r1:3 connects with a path over 192.0.2.x and stays so until the unload
expect_ok "$out/p1.json" --do path-new \
	--json "$(pj r1 3 "$(sa4 192.0.2.1 7800)" "$(sa4 192.0.2.2 7800)")"
expect_ok "$out/connect-r1.json" --do connection-connect \
	--json '{"resource": "r1", "peer-node-id": 3}'

# --- peer devices -------------------------------------------------------------
pd() {	# pd RESOURCE PEER VOLUME [OPTIONS-JSON]
	printf '{"resource": "%s", "peer-node-id": %s, "volume": %s%s}' "$1" "$2" "$3" \
		"${4:+, \"options\": $4}"
}
expect_ok "$out/pd-r0-2-0.json" --do peer-device-get --json "$(pd r0 2 0)"
check "peer device r0:2/0: minor 0, peer disk unknown, replication off" \
	grep -q '"minor": 0, "peer-disk-state": "unknown", "repl-state": "off"' \
	"$out/pd-r0-2-0.json"
check "peer device r0:2/0: resync not suspended, default options, counters 0" \
	grep -q '"resync-susp-user": 0, "resync-susp-peer": 0, "resync-susp-dependency": 0, "options": {"resync-rate": 250, "c-plan-ahead": 20, "c-delay-target": 10, "c-fill-target": 100, "c-max-rate": 102400, "c-min-rate": 250, "bitmap": 1}, "out-of-sync": 0, "pending": 0, "unacked": 0, "received": 0, "sent": 0' \
	"$out/pd-r0-2-0.json"
expect_err 'No such file or directory.*volume' --do peer-device-get --json "$(pd r0 2 5)"
expect_err 'No such file or directory.*peer-node-id' --do peer-device-get --json "$(pd r0 4 0)"
expect_ok "$out/pd-dump.json" --dump peer-device-get
check "peer device dump: r0:2/0, r0:2/1, r1:3/0" \
	test "$(grep -o '"resource": "[^"]*", "peer-node-id": [0-9]*, "volume": [0-9]*' \
		"$out/pd-dump.json" | tr -d '\n')" = \
	'"resource": "r0", "peer-node-id": 2, "volume": 0"resource": "r0", "peer-node-id": 2, "volume": 1"resource": "r1", "peer-node-id": 3, "volume": 0'
expect_ok "$out/pd-dump-r1.json" --dump peer-device-get --json '{"resource": "r1"}'
check "peer device dump filtered by r1: one" \
	test "$(grep -o '"peer-disk-state"' "$out/pd-dump-r1.json" | wc -l)" = 1
expect_err 'Numerical result out of range|Invalid argument.*resync-rate|Invalid argument' \
	--do peer-device-set-options --json "$(pd r0 2 0 '{"resync-rate": 0}')"
expect_err 'Numerical result out of range|Invalid argument' \
	--do peer-device-set-options --json "$(pd r0 2 0 '{"resync-rate": 8388609}')"
expect_err 'Numerical result out of range|Invalid argument' \
	--do peer-device-set-options --json "$(pd r0 2 0 '{"c-plan-ahead": 301}')"
expect_err 'Numerical result out of range|Invalid argument' \
	--do peer-device-set-options --json "$(pd r0 2 0 '{"c-delay-target": 0}')"
expect_err 'Numerical result out of range|Invalid argument' \
	--do peer-device-set-options --json "$(pd r0 2 0 '{"bitmap": 2}')"
expect_err 'No such file or directory.*volume' \
	--do peer-device-set-options --json "$(pd r0 2 9 '{"resync-rate": 1000}')"
expect_ok "$out/pd-set.json" --do peer-device-set-options \
	--json "$(pd r0 2 1 '{"resync-rate": 8388608, "c-plan-ahead": 0, "c-fill-target": 1048576}')"
check "peer-device-set-options replies with the new options" \
	grep -q '"resync-rate": 8388608, "c-plan-ahead": 0, "c-delay-target": 10, "c-fill-target": 1048576' \
	"$out/pd-set.json"
expect_ok "$out/pd-set-get.json" --do peer-device-get --json "$(pd r0 2 1)"
check "peer device options kept" grep -q '"resync-rate": 8388608, "c-plan-ahead": 0' \
	"$out/pd-set-get.json"
expect_ok "$out/d2.json" --do device-new --json '{"resource": "r0", "volume": 2, "minor": 2}'
expect_ok "$out/pd-r0-2-2.json" --do peer-device-get --json "$(pd r0 2 2)"
expect_ok "$out/d2-del.json" --do device-del --json '{"minor": 2}'
expect_err 'No such file or directory.*volume' --do peer-device-get --json "$(pd r0 2 2)"

# resync and verify of a peer device: the user pause; the rest needs a
# connected peer (ENOTCONN; connections go no further than connecting)
expect_ok "$out/pd-pause.json" --do peer-device-pause-sync --json "$(pd r0 2 0)"
check "peer-device-pause-sync replies with resync-susp-user 1" \
	grep -q '"resync-susp-user": 1' "$out/pd-pause.json"
expect_err 'paused already.*Operation already in progress' \
	--do peer-device-pause-sync --json "$(pd r0 2 0)"
expect_ok "$out/pd-pause-get.json" --do peer-device-get --json "$(pd r0 2 0)"
check "peer-device-get: resync-susp-user 1 kept" \
	grep -q '"resync-susp-user": 1' "$out/pd-pause-get.json"
expect_ok "$out/pd-resume.json" --do peer-device-resume-sync --json "$(pd r0 2 0)"
check "peer-device-resume-sync replies with resync-susp-user 0" \
	grep -q '"resync-susp-user": 0' "$out/pd-resume.json"
expect_err 'not paused.*Operation already in progress' \
	--do peer-device-resume-sync --json "$(pd r0 2 0)"
expect_err 'No such file or directory.*volume' --do peer-device-pause-sync --json "$(pd r0 2 7)"
expect_err 'No such file or directory.*peer-node-id' \
	--do peer-device-resume-sync --json "$(pd r0 4 0)"
expect_err 'Invalid argument' --do peer-device-pause-sync --json '{"resource": "r0", "peer-node-id": 2}'
expect_err 'not established.*Transport endpoint is not connected.*peer-node-id' \
	--do peer-device-invalidate --json "$(pd r0 2 0)"
expect_err 'Transport endpoint is not connected' --do peer-device-invalidate \
	--json '{"resource": "r1", "peer-node-id": 3, "volume": 0, "reset-bitmap": 0}'
expect_err 'Invalid argument|Numerical result out of range' --do peer-device-invalidate \
	--json '{"resource": "r0", "peer-node-id": 2, "volume": 0, "reset-bitmap": 2}'
expect_err 'No such file or directory.*resource' --do peer-device-invalidate --json "$(pd rX 2 0)"
expect_err 'not established.*Transport endpoint is not connected' \
	--do peer-device-verify --json "$(pd r0 2 1)"
expect_err 'Transport endpoint is not connected' --do peer-device-verify \
	--json '{"resource": "r0", "peer-node-id": 2, "volume": 0, "start-sector": 8, "stop-sector": 1024}'
expect_err 'Numerical result out of range.*stop-sector' --do peer-device-verify \
	--json '{"resource": "r0", "peer-node-id": 2, "volume": 0, "start-sector": 1024, "stop-sector": 8}'
expect_err 'No such file or directory.*volume' --do peer-device-verify --json "$(pd r0 2 9)"

# --- option nests: resource-, net- and disk-options ---------------------------
S84=/lib/drbd/drbdsetup-84
# a spec that knows one attribute more in each option nest: strict validation
# must refuse it
"$py" - "$spec" "$out/drbd2-extra.yaml" <<'PYEOF'
import sys
import yaml
spec = yaml.safe_load(open(sys.argv[1]))
for s in spec['attribute-sets']:
    if s['name'] in ('resource-options', 'net-options', 'disk-options'):
        s['attributes'].append({'name': 'bogus', 'type': 'u32'})
with open(sys.argv[2], 'w') as f:
    f.write(open(sys.argv[1]).readline())   # the SPDX line pyynl wants first
    yaml.safe_dump(spec, f, sort_keys=False)
PYEOF
ynl_extra() {
	"$py" "$cli" --spec "$out/drbd2-extra.yaml" --no-schema --output-json "$@"
}
expect_unknown() {	# expect_unknown ARGS...: refused by strict validation
	local res
	if res=$(ynl_extra "$@" 2>&1); then
		not_ok "unknown attribute in $2 refused: it succeeded"
	elif grep -qE 'Invalid argument' <<<"$res"; then
		ok "unknown attribute in $2 refused: $(tail -n 1 <<<"$res")"
	else
		not_ok "unknown attribute in $2 refused: $(tail -n 1 <<<"$res")"
	fi
}
RANGE='Numerical result out of range|Invalid argument'

# resource options
expect_ok "$out/ro.json" --do resource-new --json \
	'{"name": "ro", "node-id": 1, "options": {"twopc-timeout": 55, "quorum": 2, "on-no-quorum": "io-error"}}'
expect_ok "$out/ro-get.json" --do resource-get --json '{"name": "ro"}'
check "resource-new takes and resource-get returns every resource option" \
	grep -q '"options": {"cpu-mask": "", "on-no-data-accessible": "io-error", "auto-promote": 1, "peer-ack-window": 4096, "peer-ack-delay": 100, "twopc-timeout": 55, "twopc-retry-timeout": 1, "auto-promote-timeout": 20, "max-io-depth": 8000, "quorum": 2, "on-no-quorum": "io-error", "quorum-minimum-redundancy": 0, "on-suspended-primary-outdated": "disconnect"}' \
	"$out/ro-get.json"
expect_ok "$out/ro-set.json" --do resource-set-options --json \
	'{"name": "ro", "options": {"quorum": 1024, "twopc-timeout": 600, "on-suspended-primary-outdated": "force-secondary", "max-io-depth": 4294967295}}'
check "resource-set-options changes only the options given" \
	grep -q '"auto-promote": 1, .*"twopc-timeout": 600, .*"max-io-depth": 4294967295, "quorum": 1024, "on-no-quorum": "io-error", .*"on-suspended-primary-outdated": "force-secondary"' \
	"$out/ro-set.json"
expect_err "($RANGE).*twopc-timeout" --do resource-set-options \
	--json '{"name": "ro", "options": {"twopc-timeout": 49}}'
expect_err "($RANGE).*peer-ack-window" --do resource-set-options \
	--json '{"name": "ro", "options": {"peer-ack-window": 204801}}'
expect_err "($RANGE).*max-io-depth" --do resource-set-options \
	--json '{"name": "ro", "options": {"max-io-depth": 3}}'
expect_err "($RANGE).*on-no-quorum" --do resource-set-options \
	--json '{"name": "ro", "options": {"on-no-quorum": 2}}'
expect_err "majority.*Numerical result out of range.*quorum" --do resource-set-options \
	--json '{"name": "ro", "options": {"peer-ack-delay": 7, "quorum": 32}}'
expect_err "majority.*Numerical result out of range.*quorum-minimum-redundancy" \
	--do resource-set-options \
	--json '{"name": "ro", "options": {"quorum-minimum-redundancy": 1023}}'
expect_err 'Invalid argument' --do resource-set-options \
	--json '{"name": "ro", "options": {"peer-ack-delay": 7, "cpu-mask": "xyz"}}'
expect_err 'No such file or directory.*name' --do resource-set-options \
	--json '{"name": "nope", "options": {"quorum": 1}}'
expect_err 'Invalid argument.*miss-type.*options' --do resource-set-options \
	--json '{"name": "ro"}'
expect_unknown --do resource-set-options --json '{"name": "ro", "options": {"bogus": 1}}'
expect_ok "$out/ro-get2.json" --do resource-get --json '{"name": "ro"}'
check "failed resource-set-options changed nothing" \
	grep -q '"peer-ack-delay": 100, "twopc-timeout": 600,.*"quorum": 1024' "$out/ro-get2.json"

# net options
expect_ok "$out/roc.json" --do connection-new --json \
	'{"resource": "ro", "peer-node-id": 2, "name": "ro-peer", "net-options": {"max-buffers": 4096, "fencing": "resource-only", "transport": "tcp", "rr-conflict": "auto-discard", "shared-secret": "s3cret"}}'
expect_ok "$out/roc-get.json" --do connection-get --json '{"resource": "ro", "peer-node-id": 2}'
check "connection-new takes and connection-get returns every net option (no secret)" \
	grep -q '"net-options": {"protocol": "c", "allow-two-primaries": 0, "transport": "tcp", "timeout": 60, "max-epoch-size": 2048, "max-buffers": 4096, "connect-int": 10, "ping-int": 10, "sndbuf-size": 0, "rcvbuf-size": 0, "ko-count": 7, "cram-hmac-alg": "", "after-sb-0pri": "disconnect", "after-sb-1pri": "disconnect", "after-sb-2pri": "disconnect", "always-asbp": 0, "rr-conflict": "auto-discard", "ping-timeout": 5, "data-integrity-alg": "", "tcp-cork": 1, "on-congestion": "block", "congestion-fill": 0, "congestion-extents": 1237, "csums-alg": "", "csums-after-crash-only": 0, "verify-alg": "", "use-rle": 1, "socket-check-timeout": 0, "fencing": "resource-only", "allow-remote-read": 1}' \
	"$out/roc-get.json"
check "the shared secret is never returned" sh -c "! grep -q s3cret '$out/roc-get.json'"
expect_err 'two primaries.*Invalid argument.*allow-two-primaries|Invalid argument.*allow-two-primaries' \
	--do connection-new --json \
	'{"resource": "ro", "peer-node-id": 3, "name": "x", "net-options": {"protocol": "a", "allow-two-primaries": 1}}'
expect_err 'No such file or directory.*peer-node-id' --do connection-get \
	--json '{"resource": "ro", "peer-node-id": 3}'
expect_ok "$out/roc-set.json" --do connection-set-options --json \
	'{"resource": "ro", "peer-node-id": 2, "net-options": {"protocol": "a", "timeout": 100, "after-sb-1pri": "discard-secondary", "after-sb-2pri": "call-pri-lost-after-sb", "on-congestion": "pull-ahead", "ko-count": 0}}'
check "connection-set-options changes only the options given" \
	grep -q '"protocol": "a", "allow-two-primaries": 0, "transport": "tcp", "timeout": 100, "max-epoch-size": 2048, "max-buffers": 4096, .*"ko-count": 0, .*"after-sb-1pri": "discard-secondary", "after-sb-2pri": "call-pri-lost-after-sb", .*"rr-conflict": "auto-discard", .*"on-congestion": "pull-ahead", .*"fencing": "resource-only"' \
	"$out/roc-set.json"
expect_err "($RANGE).*net-options.*timeout" --do connection-set-options \
	--json '{"resource": "ro", "peer-node-id": 2, "net-options": {"timeout": 601}}'
expect_err "($RANGE).*max-buffers" --do connection-set-options \
	--json '{"resource": "ro", "peer-node-id": 2, "net-options": {"max-buffers": 31}}'
expect_err "($RANGE).*rr-conflict" --do connection-set-options \
	--json '{"resource": "ro", "peer-node-id": 2, "net-options": {"rr-conflict": 5}}'
expect_err "($RANGE).*transport" --do connection-set-options \
	--json "{\"resource\": \"ro\", \"peer-node-id\": 2, \"net-options\": {\"transport\": \"$(printf 't%.0s' $(seq 64))\"}}"
expect_err 'Invalid argument.*allow-two-primaries' --do connection-set-options \
	--json '{"resource": "ro", "peer-node-id": 2, "net-options": {"ping-int": 99, "allow-two-primaries": 1}}'
expect_err 'Invalid argument.*protocol' --do connection-set-options \
	--json '{"resource": "ro", "peer-node-id": 2, "net-options": {"ping-int": 99, "protocol": "c"}}'
expect_err 'csums-alg not available.*No such file or directory.*csums-alg' \
	--do connection-set-options \
	--json '{"resource": "ro", "peer-node-id": 2, "net-options": {"ping-int": 99, "csums-alg": "no-such-hash"}}'
expect_err 'No such file or directory.*peer-node-id' --do connection-set-options \
	--json '{"resource": "ro", "peer-node-id": 9, "net-options": {"timeout": 10}}'
expect_unknown --do connection-set-options \
	--json '{"resource": "ro", "peer-node-id": 2, "net-options": {"bogus": 1}}'
expect_ok "$out/roc-get2.json" --do connection-get --json '{"resource": "ro", "peer-node-id": 2}'
check "failed connection-set-options changed nothing" \
	grep -q '"protocol": "a", .*"timeout": 100, .*"ping-int": 10, .*"csums-alg": ""' \
	"$out/roc-get2.json"

# disk options: a v08 internal meta-data disk on a loop device
DMETA=/usr/sbin/drbdmeta
dsk=$(mktemp -d)
truncate -s 64M "$dsk/ro.img"
[ -e /dev/loop-control ] || modprobe loop 2>/dev/null || true	# a module on 6.12
lodev=$(losetup -f --show "$dsk/ro.img")
check "drbdmeta v08 create-md on $lodev" \
	sh -c "$DMETA --force 90 v08 $lodev internal create-md </dev/null >/dev/null 2>&1"
expect_ok "$out/rod.json" --do device-new --json '{"resource": "ro", "volume": 0, "minor": 30}'
expect_err 'No such device.*minor' --do device-set-disk-options \
	--json '{"minor": 30, "disk-options": {"al-extents": 100}}'
expect_err "($RANGE).*al-extents" --do device-attach --json \
	"{\"minor\": 30, \"backing-dev\": \"$lodev\", \"disk-options\": {\"al-extents\": 66}}"
expect_ok "$out/rod-attach.json" --do device-attach --json \
	"{\"minor\": 30, \"backing-dev\": \"$lodev\", \"disk-options\": {\"al-extents\": 3000, \"on-io-error\": \"pass_on\", \"read-balancing\": \"1m-striping\", \"disk-barrier\": 1}}"
check "device-attach takes and replies with every disk option" \
	grep -q '"disk-options": {"size": 0, "on-io-error": "pass_on", "disk-barrier": 1, "disk-flushes": 1, "disk-drain": 1, "md-flushes": 1, "resync-after": -1, "al-extents": 3000, "al-updates": 1, "discard-zeroes-if-aligned": 1, "disable-write-same": 0, "disk-timeout": 0, "read-balancing": "1m-striping", "rs-discard-granularity": 0}' \
	"$out/rod-attach.json"
expect_ok "$out/rod-set.json" --do device-set-disk-options \
	--json '{"minor": 30, "disk-options": {"disk-timeout": 100, "md-flushes": 0, "rs-discard-granularity": 1048576}}'
check "device-set-disk-options changes only the options given" \
	grep -q '"on-io-error": "pass_on", "disk-barrier": 1, "disk-flushes": 1, "disk-drain": 1, "md-flushes": 0, "resync-after": -1, "al-extents": 3000, .*"disk-timeout": 100, "read-balancing": "1m-striping", "rs-discard-granularity": 1048576' \
	"$out/rod-set.json"
expect_err "($RANGE).*disk-timeout" --do device-set-disk-options \
	--json '{"minor": 30, "disk-options": {"disk-timeout": 6001}}'
expect_err "($RANGE).*resync-after" --do device-set-disk-options \
	--json '{"minor": 30, "disk-options": {"resync-after": -2}}'
expect_err "($RANGE).*read-balancing" --do device-set-disk-options \
	--json '{"minor": 30, "disk-options": {"read-balancing": 11}}'
expect_err 'dependency cycle.*Too many levels.*resync-after' \
	--do device-set-disk-options \
	--json '{"minor": 30, "disk-options": {"disk-timeout": 5, "resync-after": 30}}'
expect_err 'attach only.*Invalid argument.*size' --do device-set-disk-options \
	--json '{"minor": 30, "disk-options": {"disk-timeout": 5, "size": 2048}}'
expect_err 'No such file or directory.*minor' --do device-set-disk-options \
	--json '{"minor": 31, "disk-options": {"disk-timeout": 5}}'
expect_unknown --do device-set-disk-options --json '{"minor": 30, "disk-options": {"bogus": 1}}'
expect_ok "$out/rod-get.json" --do device-get --json '{"minor": 30}'
check "failed device-set-disk-options changed nothing" \
	grep -q '"resync-after": -1, .*"disk-timeout": 100,' "$out/rod-get.json"

# device-invalidate on the attached v08 disk (ro has a connection to node 2)
expect_err 'No such device.*minor' --do device-invalidate --json '{"minor": 7}'
expect_err 'No such file or directory.*minor' --do device-invalidate --json '{"minor": 31}'
expect_err 'Invalid argument' --do device-invalidate --json '{}'
expect_err 'No such file or directory.*sync-from-peer-node-id' --do device-invalidate \
	--json '{"minor": 30, "sync-from-peer-node-id": 5}'
expect_err 'not established.*Transport endpoint is not connected.*sync-from-peer-node-id' \
	--do device-invalidate --json '{"minor": 30, "sync-from-peer-node-id": 2}'
expect_err 'Transport endpoint is not connected.*reset-bitmap' --do device-invalidate \
	--json '{"minor": 30, "reset-bitmap": 0}'
expect_err "($RANGE)" --do device-invalidate --json '{"minor": 30, "sync-from-peer-node-id": 32}'
expect_ok "$out/rod-primary.json" --do resource-set-role \
	--json '{"name": "ro", "role": "primary", "force": true}'
expect_err 'No data available.*minor' --do device-invalidate --json '{"minor": 30}'
expect_ok "$out/rod-secondary.json" --do resource-set-role \
	--json '{"name": "ro", "role": "secondary"}'
expect_ok "$out/rod-inv-pre.json" --do device-get --json '{"minor": 30}'
check "before device-invalidate: up-to-date" \
	grep -q '"disk-state": "up-to-date"' "$out/rod-inv-pre.json"
expect_ok "$out/rod-inv.json" --do device-invalidate --json '{"minor": 30}'
check "device-invalidate: inconsistent" grep -q '"disk-state": "inconsistent"' "$out/rod-inv.json"
mdf=$(grep -o '"md-flags": [0-9]*' "$out/rod-inv.json" | grep -o '[0-9]*$')
check "device-invalidate: md-flags full-sync set, consistent clear (${mdf:-none})" \
	test -n "$mdf" -a $((${mdf:-0} & 9)) = 8
expect_ok "$out/rod-inv2.json" --do device-invalidate --json '{"minor": 30}'
check "device-invalidate of inconsistent data: stays inconsistent" \
	grep -q '"disk-state": "inconsistent"' "$out/rod-inv2.json"

# one core storage: options set through one family are seen through the other
if [ -x "$S84" ]; then
	expect_ok "$out/rop.json" --do path-new \
		--json "$(pj ro 2 "$(sa4 127.0.0.1 7950)" "$(sa4 127.0.0.2 7950)")"
	expect_ok "$out/roc-connect.json" --do connection-connect \
		--json '{"resource": "ro", "peer-node-id": 2}'
	expect_ok "$out/roc-set84.json" --do connection-set-options --json \
		'{"resource": "ro", "peer-node-id": 2, "net-options": {"ko-count": 11}}'
	"$S84" show ro >"$out/show84-ro.txt" 2>&1
	check "drbdsetup-84 show: a net option set through drbd2" \
		grep -qE '^\s+ko-count\s+11;' "$out/show84-ro.txt"
	check "drbdsetup-84 show: a disk option set through drbd2" \
		grep -qE '^\s+disk-timeout\s+100;' "$out/show84-ro.txt"
	check "drbdsetup-84 net-options --max-buffers=5000" \
		"$S84" net-options ipv4:127.0.0.1:7950 ipv4:127.0.0.2:7950 --max-buffers=5000
	check "drbdsetup-84 disk-options 30 --al-extents=4000" \
		"$S84" disk-options 30 --al-extents=4000
	check "drbdsetup-84 resource-options ro --on-no-data-accessible=suspend-io" \
		"$S84" resource-options ro --on-no-data-accessible=suspend-io
	expect_ok "$out/roc-get84.json" --do connection-get \
		--json '{"resource": "ro", "peer-node-id": 2}'
	check "drbd2: a net option set through the 8.4 family, the others kept" \
		grep -q '"protocol": "a", .*"max-buffers": 5000, .*"ko-count": 11, .*"rr-conflict": "auto-discard", .*"fencing": "resource-only"' \
		"$out/roc-get84.json"
	expect_ok "$out/rod-get84.json" --do device-get --json '{"minor": 30}'
	check "drbd2: a disk option set through the 8.4 family" \
		grep -q '"al-extents": 4000' "$out/rod-get84.json"
	expect_ok "$out/ro-get84.json" --do resource-get --json '{"name": "ro"}'
	check "drbd2: a resource option set through the 8.4 family, the others kept" \
		grep -q '"on-no-data-accessible": "suspend-io", .*"quorum": 1024' "$out/ro-get84.json"
	expect_ok "$out/roc-disc.json" --do connection-disconnect \
		--json '{"resource": "ro", "peer-node-id": 2}'
fi

# permissions of the new ops
for req in 'resource-set-options {"name":"ro","options":{"quorum":1}}' \
	   'connection-set-options {"resource":"ro","peer-node-id":2,"net-options":{"timeout":10}}' \
	   'device-set-disk-options {"minor":30,"disk-options":{"disk-timeout":1}}' \
	   'device-invalidate {"minor":30}' \
	   'peer-device-invalidate {"resource":"ro","peer-node-id":2,"volume":0}' \
	   'peer-device-verify {"resource":"ro","peer-node-id":2,"volume":0}' \
	   'peer-device-pause-sync {"resource":"ro","peer-node-id":2,"volume":0}' \
	   'peer-device-resume-sync {"resource":"ro","peer-node-id":2,"volume":0}'; do
	if res=$(as_nobody --do "${req%% *}" --json "${req#* }" 2>&1); then
		not_ok "unprivileged ${req%% *} fails with EPERM: it succeeded"
	elif grep -q 'Operation not permitted' <<<"$res"; then
		ok "unprivileged ${req%% *} fails with EPERM"
	else
		not_ok "unprivileged ${req%% *} fails with EPERM: $(tail -n 1 <<<"$res")"
	fi
done

expect_ok "$out/rod-detach.json" --do device-detach --json '{"minor": 30}'
losetup -d "$lodev"
rm -rf "$dsk"
expect_ok "$out/rod-del.json" --do device-del --json '{"minor": 30}'
expect_ok "$out/roc-del.json" --do connection-del --json '{"resource": "ro", "peer-node-id": 2}'
expect_ok "$out/ro-del.json" --do resource-del --json '{"name": "ro"}'

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
# two paths in each connection: the path dump resumes within a connection
# (40 requests per process: more replies overrun the socket buffer)
for j in 1 2 3 4 5; do
	multi=()
	for i in $(seq $((j * 10)) $((j * 10 + 9))); do
		for peer in 1 2; do
			port=$((10000 + i * 2 + peer))
			multi+=(--multi path-new "$(pj "many$i" "$peer" "$(sa4 127.0.0.1 "$port")" \
				"$(sa4 127.0.0.2 "$port")")")
			multi+=(--multi path-new "$(pj "many$i" "$peer" "$(sa6 "$port")" \
				"$(sa6 "$port" 2)")")
		done
	done
	expect_ok "$out/many-path-new-$j.json" "${multi[@]}"
	sleep 1	# the events listener catches up (its socket buffer is finite)
done
expect_ok "$out/path-dump-small.json" --dbg-small-recv --dump path-get
paths=$(grep -o '"resource": "many[^}]*' "$out/path-dump-small.json")
check "multi-part path dump returns 200 paths, none twice" \
	test "$(wc -l <<<"$paths") $(sort -u <<<"$paths" | wc -l)" = "200 200"
# three volumes in each of ten: 60 peer devices, the dump cursor has three
# levels
for j in 1 2; do
	multi=()
	for i in $(seq $((j * 5 + 5)) $((j * 5 + 9))); do
		for v in 0 1 2; do
			multi+=(--multi device-new \
				"{\"resource\": \"many$i\", \"volume\": $v, \"minor\": $((1000 + i * 3 + v))}")
		done
	done
	expect_ok "$out/many-dev-new-$j.json" "${multi[@]}"
	sleep 2
done
expect_ok "$out/pd-dump-small.json" --dbg-small-recv --dump peer-device-get
pds=$(grep -o '"resource": "many[^"]*", "peer-node-id": [0-9]*, "volume": [0-9]*' \
	"$out/pd-dump-small.json")
check "multi-part peer device dump returns 60 peer devices, none twice" \
	test "$(wc -l <<<"$pds") $(sort -u <<<"$pds" | wc -l)" = "60 60"
expect_ok "$out/conn-dump-small.json" --dbg-small-recv --dump connection-get
conns=$(grep -o '"resource": "[^"]*", "peer-node-id": [0-9]*' "$out/conn-dump-small.json")
check "multi-part connection dump returns 102 connections, none twice" \
	test "$(wc -l <<<"$conns") $(sort -u <<<"$conns" | wc -l)" = "102 102"
for j in $(seq 2 11); do
	multi=()
	for i in $(seq $((j * 5)) $((j * 5 + 4))); do
		for peer in 1 2; do
			multi+=(--multi connection-del \
				"{\"resource\": \"many$i\", \"peer-node-id\": $peer}")
		done
		for v in 0 1 2; do
			[ "$i" -lt 20 ] &&
				multi+=(--multi device-del "{\"minor\": $((1000 + i * 3 + v))}")
		done
		multi+=(--multi resource-del "{\"name\": \"many$i\"}")
	done
	expect_ok "$out/many-del-$j.json" "${multi[@]}"
	sleep 2
done

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
	   'connection-del {"resource":"r1","peer-node-id":3}' \
	   'connection-connect {"resource":"r0","peer-node-id":2}' \
	   'connection-disconnect {"resource":"r1","peer-node-id":3}' \
	   "path-new $p4a" "path-del $p4a" \
	   "peer-device-set-options $(pd r0 2 0 '{"resync-rate": 300}')"; do
	if res=$(as_nobody --do "${req%% *}" --json "${req#* }" 2>&1); then
		not_ok "unprivileged ${req%% *} fails with EPERM: it succeeded"
	elif grep -q 'Operation not permitted' <<<"$res"; then
		ok "unprivileged ${req%% *} fails with EPERM"
	else
		not_ok "unprivileged ${req%% *} fails with EPERM: $(tail -n 1 <<<"$res")"
	fi
done

# --- the legacy family's objects in drbd2 and back (Debian's drbdsetup-84) ---
if [ -x "$S84" ]; then
	a84=ipv4:127.0.0.1:7900
	b84=ipv4:127.0.0.2:7900
	check "drbdsetup-84 new-resource r84" "$S84" new-resource r84
	check "drbdsetup-84 new-minor r84 20 0" "$S84" new-minor r84 20 0
	check "drbdsetup-84 connect r84" "$S84" connect r84 "$a84" "$b84"
	expect_ok "$out/p84.json" --dump path-get --json '{"resource": "r84"}'
	check "the 8.4 connection's addresses are a drbd2 path" \
		grep -q "\"my-addr\": \"$(sa4 127.0.0.1 7900)\", \"peer-addr\": \"$(sa4 127.0.0.2 7900)\"" \
		"$out/p84.json"
	expect_ok "$out/c84.json" --dump connection-get --json '{"resource": "r84"}'
	check "the 8.4 connection is connecting in drbd2" grep -q '"cstate": "connecting"' "$out/c84.json"
	expect_ok "$out/pd84.json" --dump peer-device-get --json '{"resource": "r84"}'
	check "the 8.4 connection's peer device in drbd2" \
		grep -q '"volume": 0, "minor": 20, "peer-disk-state": "unknown"' "$out/pd84.json"
	expect_err 'Address already in use' --do path-new \
		--json "$(pj r0 2 "$(sa4 127.0.0.1 7900)" "$(sa4 127.0.0.2 7900)")"
	check "drbdsetup-84 disconnect" "$S84" disconnect "$a84" "$b84"
	expect_ok "$out/p84-gone.json" --dump path-get --json '{"resource": "r84"}'
	check "the 8.4 connection's path is gone after disconnect" \
		sh -c "! grep -q my-addr '$out/p84-gone.json'"
	# a drbd2 connection with one path, connecting: in the 8.4 view
	expect_ok "$out/c84-2.json" --do connection-new \
		--json '{"resource": "r84", "peer-node-id": 7, "name": "n7"}'
	expect_ok "$out/p84-2.json" --do path-new \
		--json "$(pj r84 7 "$(sa4 127.0.0.1 7901)" "$(sa4 127.0.0.2 7901)")"
	# no 8.4 connection: StandAlone ("Unconfigured" while also diskless)
	check "drbdsetup-84 cstate with a StandAlone drbd2 connection" \
		grep -qxE 'StandAlone|Unconfigured' <<<"$("$S84" cstate 20 2>&1)"
	expect_ok "$out/c84-connect.json" --do connection-connect \
		--json '{"resource": "r84", "peer-node-id": 7}'
	check "drbdsetup-84 cstate of the connecting drbd2 connection" \
		test "$("$S84" cstate 20 2>&1)" = WFConnection
	"$S84" show r84 >"$out/show84.txt" 2>&1
	check "drbdsetup-84 show has the drbd2 path's addresses" \
		grep -q '127.0.0.2:7901' "$out/show84.txt"
	expect_ok "$out/c84-disc.json" --do connection-disconnect \
		--json '{"resource": "r84", "peer-node-id": 7}'
	check "drbdsetup-84 cstate after drbd2 disconnect" \
		grep -qxE 'StandAlone|Unconfigured' <<<"$("$S84" cstate 20 2>&1)"
	expect_ok "$out/c84-del.json" --do connection-del \
		--json '{"resource": "r84", "peer-node-id": 7}'
	check "drbdsetup-84 down r84" "$S84" down r84
else
	echo "# no $S84: legacy interplay skipped" | tee -a "$tap"
fi

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
	   connection-delete-ntf device-delete-ntf resource-delete-ntf \
	   path-create-ntf path-delete-ntf connection-change-ntf \
	   peer-device-create-ntf peer-device-delete-ntf peer-device-change-ntf; do
	check "notification $ntf received" grep -q "\"$ntf\"" "$out/events.json"
done
check "resource-change-ntf carries changed options" \
	grep -q 'resource-change-ntf.*"twopc-timeout": 600' "$out/events.json"
check "connection-change-ntf carries changed net options" \
	grep -q 'connection-change-ntf.*"timeout": 100' "$out/events.json"
check "device-change-ntf carries changed disk options" \
	grep -q 'device-change-ntf.*"disk-timeout": 100' "$out/events.json"
check "peer-device-change-ntf carries the user pause" \
	grep -q 'peer-device-change-ntf.*"resync-susp-user": 1' "$out/events.json"
check "device-change-ntf after device-invalidate: inconsistent" \
	grep -q 'device-change-ntf.*"minor": 30, .*"disk-state": "inconsistent"' "$out/events.json"
check "no notification carries the shared secret" sh -c "! grep -q s3cret '$out/events.json'"
for cs in unconnected connecting disconnecting standalone; do
	check "connection-change-ntf with cstate $cs" \
		grep -q "connection-change-ntf.*\"cstate\": \"$cs\"" "$out/events.json"
done

# --- unload with objects left (r1 with minor 7, a connecting connection, a path)
check "rmmod drbd with a resource, a device, a connection and a path left" rmmod drbd
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
