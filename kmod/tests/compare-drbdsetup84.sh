#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The legacy drbd family against Debian's unmodified drbdsetup-84, run as
# root in a lab guest booted with the in-tree drbd.ko loaded (lab run
# --modules drbd): the same command sequence runs first against the
# in-tree DRBD 8.4 driver, then (after rmmod) against our drbd.ko, and
# both logs are written for comparison. Our module then gets checks the
# in-tree one cannot pass: commands answered "not supported" cleanly,
# objects and events seen through both families, clean unload.
#
# Environment:
#   DRBD_KO     our drbd.ko (required)
#   DRBD_REPO   the repository root (default: derived from this script's path)
#   YNL_KSRC    kernel tree with tools/net/ynl (default: the lab cache's
#               linux-source-7.2)
#   LAB_RESULTS where the results go (default: mktemp)
#
# Results: intree.cmdlog.txt, ours.cmdlog.txt (one block per command:
# argv, stdout, stderr, exit code), *.events.txt (drbdsetup-84 events all),
# *.wire.txt and *.wire-raw.txt (tests/legacy-wire.py: raw requests drbdsetup
# never sends, the answers and their normalized bytes),
# *.genl.txt (genl ctrl list), checks.tap (our module only), dmesg.txt.
# Exit status 0 when the script ran to the end; the comparison is the
# caller's (lab/src/test/.../KmodLegacyFamilyGuestTest.java).
set -uo pipefail

if [ -z "${DRBD_REPO:-}" ]; then
	DRBD_REPO=$(cd "$(dirname "$(readlink -f "$0")")/../.." && pwd)
fi
YNL_KSRC=${YNL_KSRC:-$DRBD_REPO/.cache/lab/linux-source-7.2}
out=${LAB_RESULTS:-$(mktemp -d)}
mkdir -p "$out"
S=/lib/drbd/drbdsetup-84
py=/usr/bin/python3
cli=$YNL_KSRC/tools/net/ynl/pyynl/cli.py
spec2=$DRBD_REPO/genl-drbd2/drbd2.yaml
wire=$DRBD_REPO/kmod/tests/legacy-wire.py
tmp=$(mktemp -d)

if [ -z "${DRBD_KO:-}" ] || [ ! -f "$DRBD_KO" ]; then
	echo "DRBD_KO not set or missing" >&2
	exit 2
fi

N=0
LOG=/dev/null
# run CMD...: one command, logged like the v8-traces goldens
run() {
	N=$((N + 1))
	"$@" >"$tmp/o" 2>"$tmp/e"
	local rc=$?
	{
		echo "=== [$N] \$ $*"
		echo "--- stdout"
		cat "$tmp/o"
		echo "--- stderr"
		cat "$tmp/e"
		echo "--- rc=$rc"
	} >>"$LOG"
}

# the sequence both drivers run
sequence() {
	run $S new-resource r0 --on-no-data-accessible=io-error
	run $S new-resource r1
	run $S resource-options r0 --cpu-mask=1 --on-no-data-accessible=suspend-io
	run $S new-minor r0 0 0
	run $S new-minor r1 1 0
	run $S new-minor r0 2 1
	run $S new-resource r2
	run $S show
	run $S show all
	run $S show r0 --show-defaults
	run $S show 1
	run $S show r2
	run $S status
	run $S status all --verbose --statistics
	run $S status r0
	run $S sh-status all
	run $S sh-status 0
	run $S sh-status 42
	run $S state 0
	run $S role 1
	run $S cstate 0
	run $S dstate 2
	# errors
	run $S role 42
	run $S show 42
	run $S show nores
	run $S status nores
	run $S primary 42
	run $S del-minor 42
	run $S new-minor nores 3 0
	run $S resource-options nores --cpu-mask=1
	run $S del-resource nores
	run $S down nores
	run $S new-minor r0 0 0
	run $S new-minor r0 4 0
	run $S new-minor r0 1 5
	run $S new-minor r0 1048576 7
	run $S new-resource r0
	run $S new-resource r0 --cpu-mask=3
	run $S show r0
	run $S resource-options r0 --set-defaults
	run $S show r0
	run $S resource-options r0 --cpu-mask=zz
	run $S del-resource r0
	# teardown
	run $S del-minor 2
	run $S show r0
	run $S del-minor 2
	run $S down r1
	run $S status
	run $S del-minor 0
	run $S del-resource r0
	run $S del-resource r2
	run $S show all
	run $S status
	run $S sh-status all
}

# background events listener: events_start FILE / events_stop
events_start() {
	$S events all >"$1" 2>&1 &
	evpid=$!
	sleep 1
}
events_stop() {
	sleep 1
	kill "$evpid" 2>/dev/null
	wait "$evpid" 2>/dev/null
}

genl_families() {
	genl ctrl list 2>&1 | sed -n 's/^Name: *\([^ ]*\).*/\1/p' | sort
}

t0=$(date +%s)
# --- in-tree driver ----------------------------------------------------------
if grep -q '^drbd ' /proc/modules; then
	genl_families >"$out/intree.genl.txt"
	LOG=$out/intree.cmdlog.txt
	: >"$LOG"
	events_start "$out/intree.events.txt"
	sequence
	events_stop
	"$py" "$wire" --raw "$out/intree.wire-raw.txt" >"$out/intree.wire.txt" 2>&1
	rmmod drbd || echo "rmmod of the in-tree drbd failed" >&2
else
	echo "in-tree drbd not loaded (lab run --modules drbd)" >"$out/intree.cmdlog.txt"
fi
t1=$(date +%s)

# --- our drbd.ko -------------------------------------------------------------
tap=$out/checks.tap
: >"$tap"
n=0
ok() {
	n=$((n + 1))
	echo "ok $n - $*" >>"$tap"
}
not_ok() {
	n=$((n + 1))
	echo "not ok $n - $*" >>"$tap"
}
check() {	# check DESCRIPTION COMMAND...
	local what=$1
	shift
	if "$@" >>"$out/checks.log" 2>&1; then ok "$what"; else not_ok "$what"; fi
}

dmesg -C 2>/dev/null || true
check "insmod our drbd.ko" insmod "$DRBD_KO"
genl_families >"$out/ours.genl.txt"
check "nlctrl lists drbd" grep -qx drbd "$out/ours.genl.txt"
check "nlctrl lists drbd2" grep -qx drbd2 "$out/ours.genl.txt"

N=0
LOG=$out/ours.cmdlog.txt
: >"$LOG"
events_start "$out/ours.events.txt"
sequence
events_stop
"$py" "$wire" --raw "$out/ours.wire-raw.txt" >"$out/ours.wire.txt" 2>&1
t2=$(date +%s)

# commands that need state the module does not have yet: a clean answer
N=0
LOG=$out/ours-unsupported.cmdlog.txt
: >"$LOG"
run $S new-resource u0
run $S new-minor u0 5 0
run $S primary 5
run $S attach 5 /dev/null /dev/null internal
run $S connect u0 ipv4:192.0.2.1:7700 ipv4:192.0.2.2:7700
run $S disconnect ipv4:192.0.2.1:7700 ipv4:192.0.2.2:7700
run $S wait-connect 5 --wfc-timeout=1
run $S suspend-io 5
run $S invalidate 5
run $S down u0
check "wait-connect gets its timeout type" \
	bash -c "! grep -q 'error determining which timeout' '$LOG'"
check "unsupported commands answered with 162 and a text" \
	grep -q "not supported by this drbd module yet" "$LOG"
check "no unsupported command hung or crashed the tool" \
	bash -c "! grep -E '^--- rc=(1[2-9][0-9]|2[0-9][0-9])$' '$LOG'"

# one object model under both families
ynl2() {
	"$py" "$cli" --spec "$spec2" --no-schema --output-json "$@"
}
events_start "$out/ours-cross.events.txt"
PYTHONUNBUFFERED=1 ynl2 --subscribe events --duration 600 >"$out/ours-cross.drbd2-events.json" 2>&1 &
sub=$!
sleep 3
check "drbd2 resource-new x2" ynl2 --do resource-new --json '{"name": "x2", "node-id": 0}'
check "drbd2 device-new x2/0 minor 7" \
	ynl2 --do device-new --json '{"resource": "x2", "volume": 0, "minor": 7}'
$S show x2 >"$out/ours-cross.show-x2.txt" 2>&1
check "drbdsetup-84 show sees the drbd2 resource and its minor" \
	grep -q 'minor 7;' "$out/ours-cross.show-x2.txt"
check "drbdsetup-84 new-resource x8" $S new-resource x8
check "drbdsetup-84 new-minor x8 8 0" $S new-minor x8 8 0
ynl2 --dump resource-get >"$out/ours-cross.drbd2-resources.json" 2>&1
check "drbd2 dump sees the legacy resource" grep -q '"x8"' "$out/ours-cross.drbd2-resources.json"
ynl2 --dump device-get >"$out/ours-cross.drbd2-devices.json" 2>&1
check "drbd2 dump sees the legacy minor" grep -q '"minor": 8' "$out/ours-cross.drbd2-devices.json"
check "drbd2 device-del 8 (made by drbdsetup-84)" ynl2 --do device-del --json '{"minor": 8}'
check "drbd2 resource-del x8 (made by drbdsetup-84)" ynl2 --do resource-del --json '{"name": "x8"}'
check "drbdsetup-84 down x2 (made by drbd2)" $S down x2
sleep 2
kill "$sub" 2>/dev/null
wait "$sub" 2>/dev/null
events_stop
check "drbd2 events: x8 (made by drbdsetup-84) created" \
	grep -q '"resource-create-ntf", "msg": {"name": "x8"' "$out/ours-cross.drbd2-events.json"
check "drbd2 events: x8 deleted" \
	grep -q '"resource-delete-ntf", "msg": {"name": "x8"' "$out/ours-cross.drbd2-events.json"
check "drbd2 events: x2 deleted (by drbdsetup-84)" \
	grep -q '"resource-delete-ntf", "msg": {"name": "x2"' "$out/ours-cross.drbd2-events.json"
check "drbdsetup-84 events: x2 (made by drbd2) and x8 appear" \
	bash -c "grep -q ' x2\$' '$out/ours-cross.events.txt' && grep -q ' x8\$' '$out/ours-cross.events.txt'"

check "rmmod our drbd.ko" rmmod drbd
check "drbd gone from nlctrl" bash -c "! genl ctrl list | grep -q 'Name: drbd'"
dmesg >"$out/dmesg.txt" 2>&1
check "no WARN, BUG or oops in the log" \
	bash -c "! grep -Ei 'WARNING:|BUG:|Oops|general protection|refcount_t' '$out/dmesg.txt'"
t3=$(date +%s)
echo "in-tree $((t1 - t0)) s, ours $((t2 - t1)) s, ours extra $((t3 - t2)) s" >"$out/times.txt"
rm -rf "$tmp"
exit 0
