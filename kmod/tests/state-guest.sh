#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Roles, disk states, generation identifiers, options and resize of a node
# without a connected peer, run as root in a lab guest booted with the in-tree
# drbd.ko loaded (lab run --modules drbd,loop):
#  1. one drbdsetup-84 sequence (primary / primary --force / secondary,
#     role, dstate, state, get-gi, show-gi, new-current-uuid [--clear-bitmap],
#     outdate, detach while Primary, secondary while open, resource-options,
#     attach with disk options, disk-options, show [--show-defaults],
#     resize (explicit, forced, after growing the backing device: the
#     internal meta data moves), connect / net-options / disconnect with
#     an unreachable peer (WFConnection, show, cstate, status, the in-tree
#     checks), drbdadm-84 up / down of a two-host resource, status, down)
#     first against the in-tree DRBD 8.4 driver, then against
#     our drbd.ko, with "drbdsetup-84 events all" listening meanwhile;
#     intree.* and ours.* must be identical (command logs with the random
#     generation UUIDs numbered in order of appearance, events, the state
#     part of /proc/drbd);
#  2. our drbd.ko through drbd2 (pyynl CLI): resource-set-role with and
#     without force, the role in resource-get, device-outdate,
#     device-new-current-uuid, device-resize, resource-change-ntf /
#     device-change-ntf; the same on v09 flex-external meta data (the
#     project's drbdmeta reads what was written).
#
# Environment:
#   DRBD_KO      our drbd.ko (required)
#   DRBD_REPO    the repository root (default: derived from this script's path)
#   DRBDMETA     the project's drbdmeta (default: dist/target/drbdctl/bin/drbdmeta)
#   YNL_KSRC     kernel tree with tools/net/ynl (default: the lab cache's
#                linux-source-7.2)
#   LAB_RESULTS  where the results go (default: mktemp)
#
# Results: intree.cmdlog.txt, ours.cmdlog.txt (normalised), *.cmdlog.raw.txt,
# *.events.txt (without the racy "ST" lines), *.events.raw.txt, *.proc.txt, state.tap, checks.log, drbd2-events.json,
# dmesg.txt. Exit status 0 when the script ran to the end; state.tap and the
# comparisons are the caller's (KmodStateGuestTest.java).
set -uo pipefail

if [ -z "${DRBD_REPO:-}" ]; then
	DRBD_REPO=$(cd "$(dirname "$(readlink -f "$0")")/../.." && pwd)
fi
YNL_KSRC=${YNL_KSRC:-$DRBD_REPO/.cache/lab/linux-source-7.2}
PMETA=${DRBDMETA:-$DRBD_REPO/dist/target/drbdctl/bin/drbdmeta}
DMETA=/usr/sbin/drbdmeta
out=${LAB_RESULTS:-$(mktemp -d)}
mkdir -p "$out"
S=/lib/drbd/drbdsetup-84
py=/usr/bin/python3
cli=$YNL_KSRC/tools/net/ynl/pyynl/cli.py
spec=$DRBD_REPO/genl-drbd2/drbd2.yaml
tmp=$(mktemp -d)

if [ -z "${DRBD_KO:-}" ] || [ ! -f "$DRBD_KO" ]; then
	echo "DRBD_KO not set or missing" >&2
	exit 2
fi

tap=$out/state.tap
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
	echo "### $what" >>"$out/checks.log"
	if "$@" >>"$out/checks.log" 2>&1; then ok "$what"; else not_ok "$what"; fi
}

N=0
LOG=/dev/null
# run CMD...: one command, logged like compare-drbdsetup84.sh
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

mkloop() {	# mkloop NAME SIZE -> prints the loop device
	truncate -s "$2" "$tmp/$1.img"
	losetup -f --show "$tmp/$1.img"
}
A=$(mkloop a 64M)
B=$(mkloop b 64M)
C=$(mkloop c 64M)	# v09 flex-external: data
E=$(mkloop e 4M)	# v09 flex-external: meta data
D=$(mkloop d 16M)	# drbdadm-84 up / down with an unreachable peer
echo "loops: A=$A B=$B C=$C E=$E D=$D" >>"$out/checks.log"

v08_internal() {	# a fresh v08 internal superblock on $1 (Debian's drbdmeta)
	$DMETA --force 90 v08 "$1" internal create-md </dev/null >/dev/null 2>&1
}

# /proc/drbd: the state part of each entry
PROC=/dev/null
proc_entries() {
	sed -n 's/^\( *[0-9]*: cs:[^ ]* ro:[^ ]* ds:[^ ]*\).*/\1/p; /cs:Unconfigured$/p' \
		/proc/drbd >>"$PROC"
	echo -- >>"$PROC"
}

# hold /dev/drbd$1 open (read-only) in the background: holder_start / holder_stop
holder_start() {
	sleep 600 <"/dev/drbd$1" &
	holder=$!
	sleep 1
}
holder_stop() {
	kill "$holder" 2>/dev/null
	wait "$holder" 2>/dev/null
	sleep 1
}

sequence() {
	truncate -s 64M "$tmp/b.img"
	losetup -c "$B"
	v08_internal "$A"
	v08_internal "$B"
	run $S new-resource r0
	run $S new-minor r0 0 0
	run $S new-resource r1
	run $S new-minor r1 1 0
	# diskless
	run $S role 0
	run $S primary 0
	run $S primary 0 --force
	run $S secondary 0
	run $S outdate 0
	run $S new-current-uuid 0
	run $S get-gi 0
	run $S show-gi 0
	run $S detach 0
	proc_entries
	# inconsistent (fresh meta data)
	run $S attach 0 "$A" "$A" internal
	run $S get-gi 0
	run $S show-gi 0
	run $S primary 0
	run $S outdate 0
	run $S dstate 0
	run $S primary 0 --force
	run $S role 0
	run $S dstate 0
	run $S state 0
	run $S get-gi 0
	run $S show-gi 0
	proc_entries
	run $S primary 0
	run $S primary 0 --force
	run $S get-gi 0
	run $S outdate 0
	run $S detach 0
	run $S new-current-uuid 0
	holder_start 0
	run $S secondary 0
	run $S role 0
	holder_stop
	run $S secondary 0
	run $S secondary 0
	run $S role 0
	run $S get-gi 0
	proc_entries
	run $S primary 0
	run $S get-gi 0
	run $S secondary 0
	run $S new-current-uuid 0
	run $S get-gi 0
	run $S new-current-uuid 0 --clear-bitmap
	run $S get-gi 0
	run $S outdate 0
	run $S outdate 0
	run $S dstate 0
	run $S get-gi 0
	run $S show-gi 0
	proc_entries
	run $S primary 0
	run $S primary 0 --force
	run $S dstate 0
	run $S get-gi 0
	run $S status r0 --verbose
	run $S sh-status 0
	run $S secondary 0
	run $S detach 0
	run $S get-gi 0
	run $S dstate 0
	proc_entries
	# options
	run $S resource-options r1 --cpu-mask=1 --on-no-data-accessible=suspend-io
	run $S attach 1 "$B" "$B" internal --al-extents=1237 --on-io-error=detach \
		--resync-rate=2M --disk-barrier=yes --c-fill-target=200
	run $S show r1
	run $S disk-options 1 --c-plan-ahead=0 --resync-rate=4M --disk-flushes=no
	run $S show r1
	run bash -c "$S status r1 --verbose --statistics | grep write-ordering"
	run $S show r1 --show-defaults
	run $S show 1
	run $S disk-options 1 --set-defaults --al-extents=500 --fencing=resource-only
	run $S show r1 --show-defaults
	run $S disk-options 1 --resync-after=0
	run $S disk-options 1 --resync-after=1
	run $S disk-options 1 --resync-after=7
	run $S show r1
	run $S resource-options r1 --set-defaults
	run $S show r1 --show-defaults
	run $S disk-options 0 --al-extents=100
	run $S get-gi 1
	# resize (Secondary, no peer: it grows only when forced)
	run $S resize 1
	run cat /sys/block/drbd1/size
	run $S resize 1 --size=32M
	run cat /sys/block/drbd1/size
	run $S show r1
	run $S resize 1 --size=1G
	run cat /sys/block/drbd1/size
	run $S resize 1 --assume-clean
	run $S resize 1 --al-stripes=2
	run $S resize 1 --size=0
	run cat /sys/block/drbd1/size
	run $S resize 1 --assume-peer-has-space
	run cat /sys/block/drbd1/size
	truncate -s 96M "$tmp/b.img"
	losetup -c "$B"
	run $S check-resize 1
	run $S resize 1
	run cat /sys/block/drbd1/size
	run $S resize 1 --assume-peer-has-space
	run cat /sys/block/drbd1/size
	run $S get-gi 1
	run $S resize 0
	connections
	run $S primary 1 --force
	run $S show
	run $S status --verbose
	proc_entries
	run $S down r1
	run $S down r0
	run $S show
	proc_entries
	# the generation identifiers as written to the meta data
	run $DMETA 90 v08 "$A" internal get-gi
	run $DMETA 90 v08 "$B" internal get-gi
}

# connect, net-options, disconnect with a peer that is not reachable
# (WFConnection), the in-tree checks; r1 stays connecting for the final
# show, status and down; drbdadm-84 up / down of a two-host resource
connections() {
	local L=ipv4:127.0.0.1:7789 P=ipv4:127.0.0.1:7790
	local Q=ipv4:127.0.0.1:7791 R=ipv4:127.0.0.1:7792

	run $S connect r0 "$L" "$P"
	sleep 1
	run $S connect r9 "$L" "$P"
	run $S connect r0 "$L" "$P"
	run $S connect r0 "$Q" "$R"
	run $S connect r1 "$L" "$R"
	run $S connect r1 "$Q" "$P"
	run $S cstate 0
	run $S cstate 1
	run $S dstate 0
	run $S show r0
	run $S show r0 --show-defaults
	run $S status r0 --verbose
	run $S status --verbose
	run $S sh-status 0
	run sed -n 's/^\( *[0-9]*: cs:.*\) [rs][-a-z]*$/\1/p' /proc/drbd
	proc_entries
	run $S net-options "$L" "$P" --protocol=A --on-congestion=pull-ahead \
		--max-buffers=4000 --csums-alg=md5 --verify-alg=sha1
	run $S show r0
	run $S net-options "$L" "$P" --verify-alg=nosuchhash
	run $S net-options "$L" "$P" --csums-alg=nosuchhash
	run $S net-options "$L" "$P" --data-integrity-alg=nosuchhash
	run $S net-options "$L" "$P" --cram-hmac-alg=nosuchhash
	run $S net-options "$L" "$P" --allow-two-primaries=yes
	run $S net-options "$L" "$P" --set-defaults --protocol=B \
		--on-congestion=pull-ahead
	run $S net-options "$L" "$P" --set-defaults --shared-secret=xyz \
		--cram-hmac-alg=sha1 --ko-count=3 --after-sb-0pri=discard-zero-changes
	run $S show r0 --show-defaults
	run $S show
	run $S net-options "$L" "$R" --protocol=B
	run $S disconnect "$L" "$R"
	run $S disconnect "$L" "$P"
	run $S cstate 0
	run $S disconnect "$L" "$P"
	run $S show r0
	proc_entries
	run $S connect r0 "$L" "$P" --protocol=A --allow-two-primaries=yes
	run $S connect r0 "$L" "$P" --protocol=B --on-congestion=pull-ahead
	run $S connect r0 "$L" "$P" --data-integrity-alg=nosuchhash
	run $S connect r0 "$L" "$P" --verify-alg=crc32c --protocol=A \
		--on-congestion=disconnect
	sleep 1
	run $S show r0
	run $S disconnect "$L" "$P"
	run $S connect r1 "$Q" "$R" --protocol=B --max-epoch-size=100
	sleep 1
	run $S cstate 1
	proc_entries
	# drbdadm-84: this node and an unreachable peer
	v08_internal "$D"
	cat >"$tmp/r5.conf" <<-EOC
	global { usage-count no; }
	common { net { protocol C; } disk { c-plan-ahead 0; resync-rate 4M; } }
	resource r5 {
	  device /dev/drbd5 minor 5;
	  disk $D;
	  meta-disk internal;
	  on $(hostname) { address 127.0.0.1:7805; }
	  on peer5 { address 127.0.0.1:8805; }
	}
	EOC
	run /lib/drbd/drbdadm-84 -c "$tmp/r5.conf" up r5
	sleep 1
	run /lib/drbd/drbdadm-84 -c "$tmp/r5.conf" cstate r5
	run /lib/drbd/drbdadm-84 -c "$tmp/r5.conf" up r5
	run $S show r5
	run $S status r5
	run sed -n 's/^\( *[0-9]*: cs:.*\) [rs][-a-z]*$/\1/p' /proc/drbd
	proc_entries
	run /lib/drbd/drbdadm-84 -c "$tmp/r5.conf" down r5
	run /lib/drbd/drbdadm-84 -c "$tmp/r5.conf" down r5
	run /lib/drbd/drbdadm-84 -c "$tmp/r5.conf" up r5
	sleep 1
	run /lib/drbd/drbdadm-84 -c "$tmp/r5.conf" disconnect r5
	run /lib/drbd/drbdadm-84 -c "$tmp/r5.conf" connect r5
	sleep 1
	run /lib/drbd/drbdadm-84 -c "$tmp/r5.conf" cstate r5
	run /lib/drbd/drbdadm-84 -c "$tmp/r5.conf" down r5
	proc_entries
}

# the random generation UUIDs, numbered in order of appearance
normalise() {	# normalise IN OUT
	"$py" -c 'import re, sys
ids = {}
def sub(m):
    u = m.group(0)
    if u in ("0000000000000000", "0000000000000004"):
        return u
    if u not in ids:
        ids[u] = "UUID%02d" % (len(ids) + 1)
    return ids[u].ljust(16, "-")
with open(sys.argv[1]) as f, open(sys.argv[2], "w") as o:
    for line in f:
        o.write(re.sub(r"\b[0-9A-F]{16}\b", sub, line))' "$1" "$2"
}

events_start() {
	$S events all >"$1" 2>&1 &
	evpid=$!
	sleep 1
}
# The "ST" line of a state change shows the state at the time the in-tree
# driver's worker broadcast it, which races with the next change (attach:
# Attaching or already Inconsistent); the compared file leaves it out
# (ST-prev / ST-new are the change itself).
events_stop() {	# events_stop RAWFILE OUTFILE
	sleep 2
	kill "$evpid" 2>/dev/null
	wait "$evpid" 2>/dev/null
	grep -v '^[0-9]* ST ' "$1" >"$2"
}

if grep -q '^drbd ' /proc/modules; then
	LOG=$out/intree.cmdlog.raw.txt
	PROC=$out/intree.proc.txt
	: >"$LOG"
	: >"$PROC"
	events_start "$out/intree.events.raw.txt"
	sequence
	events_stop "$out/intree.events.raw.txt" "$out/intree.events.txt"
	normalise "$LOG" "$out/intree.cmdlog.txt"
	rmmod drbd || echo "rmmod of the in-tree drbd failed" >&2
else
	echo "in-tree drbd not loaded (lab run --modules drbd)" >"$out/intree.cmdlog.txt"
fi

dmesg -C 2>/dev/null || true
check "insmod our drbd.ko" insmod "$DRBD_KO"
N=0
LOG=$out/ours.cmdlog.raw.txt
PROC=$out/ours.proc.txt
: >"$LOG"
: >"$PROC"
events_start "$out/ours.events.raw.txt"
sequence
events_stop "$out/ours.events.raw.txt" "$out/ours.events.txt"
normalise "$LOG" "$out/ours.cmdlog.txt"
check "Debian's drbdmeta dump-md reads the meta data written on detach" \
	bash -c "$DMETA 90 v08 $A internal dump-md >'$out/ours.md-a.txt' 2>&1"

# --- drbd2 --------------------------------------------------------------------
ynl() {
	"$py" "$cli" --spec "$spec" --no-schema --output-json "$@"
}
field() {	# field JSONFILE KEY
	"$py" -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$1" "$2"
}
expect_err() {	# expect_err NAME PATTERN ARGS...
	local what=$1 pattern=$2 res
	shift 2
	if res=$(ynl "$@" 2>&1); then
		not_ok "$what fails ($pattern): it succeeded"
	elif grep -qE -- "$pattern" <<<"$res"; then
		ok "$what fails: $(tail -n 1 <<<"$res" | cut -c 1-200)"
	else
		not_ok "$what fails ($pattern): $(tail -n 1 <<<"$res" | cut -c 1-200)"
	fi
}

PYTHONUNBUFFERED=1 ynl --subscribe events --duration 600 >"$out/drbd2-events.json" 2>&1 &
sub=$!
sleep 3
v08_internal "$A"
check "drbd2 resource-new s" ynl --do resource-new --json '{"name": "s", "node-id": 0}'
check "drbd2 device-new s/0 minor 20" ynl --do device-new --json '{"resource": "s", "volume": 0, "minor": 20}'
check "drbd2 resource-new t" ynl --do resource-new --json '{"name": "t", "node-id": 0}'
check "drbd2 device-new t/0 minor 21" ynl --do device-new --json '{"resource": "t", "volume": 0, "minor": 21}'
ynl --do resource-get --json '{"name": "s"}' >"$out/get-s.json" 2>&1
check "resource-get: role secondary" test "$(field "$out/get-s.json" role)" = secondary
expect_err "resource-set-role primary while diskless" "up-to-date.*No data available" \
	--do resource-set-role --json '{"name": "s", "role": "primary"}'
check "drbd2 device-attach 20" \
	ynl --do device-attach --json "{\"minor\": 20, \"backing-dev\": \"$A\"}"
expect_err "resource-set-role primary on inconsistent data" "up-to-date.*No data available" \
	--do resource-set-role --json '{"name": "s", "role": "primary"}'
expect_err "device-outdate of inconsistent data" "lower than outdated" \
	--do device-outdate --json '{"minor": 20}'
check "resource-set-role primary with force" \
	ynl --do resource-set-role --json '{"name": "s", "role": "primary", "force": true}'
ynl --do resource-get --json '{"name": "s"}' >"$out/get-s.json" 2>&1
check "resource-get: role primary" test "$(field "$out/get-s.json" role)" = primary
ynl --dump resource-get >"$out/dump-resources.json" 2>&1
check "resource-get dump: role primary" grep -q '"name": "s", .*"role": "primary"' "$out/dump-resources.json"
ynl --do device-get --json '{"minor": 20}' >"$out/get-20.json" 2>&1
check "device-get: up-to-date after force" test "$(field "$out/get-20.json" disk-state)" = up-to-date
check "device-get: primary indicator in md-flags" \
	test $(( $(field "$out/get-20.json" md-flags) & 2 )) = 2
check "/proc/drbd: ro:Primary/Unknown ds:UpToDate" \
	grep -q '20: cs:StandAlone ro:Primary/Unknown ds:UpToDate/DUnknown' /proc/drbd
expect_err "device-detach while primary" "up-to-date.*No data available" \
	--do device-detach --json '{"minor": 20}'
sleep 600 </dev/drbd20 &
h=$!
sleep 1
expect_err "resource-set-role secondary while open" "open.*Device or resource busy" \
	--do resource-set-role --json '{"name": "s", "role": "secondary"}'
kill $h
wait $h 2>/dev/null
check "resource-set-role secondary" \
	ynl --do resource-set-role --json '{"name": "s", "role": "secondary"}'
check "device-new-current-uuid with clear-bitmap" \
	ynl --do device-new-current-uuid --json '{"minor": 20, "clear-bitmap": true}'
check "device-outdate" ynl --do device-outdate --json '{"minor": 20}'
ynl --do device-get --json '{"minor": 20}' >"$out/get-20b.json" 2>&1
check "device-get: outdated" test "$(field "$out/get-20b.json" disk-state)" = outdated
expect_err "device-new-current-uuid of a diskless device" "no backing disk" \
	--do device-new-current-uuid --json '{"minor": 21}'
check "device-resize to 16 MiB" \
	ynl --do device-resize --json '{"minor": 20, "size": 32768}'
check "after device-resize: /dev/drbd20 has 32768 sectors" \
	test "$(blockdev --getsz /dev/drbd20)" = 32768
check "device-resize beyond the last agreed size without force" \
	ynl --do device-resize --json '{"minor": 20, "size": 65536}'
check "without force it keeps its size (8.4: no peer, no growth)" \
	test "$(blockdev --getsz /dev/drbd20)" = 32768
check "drbd2 device-detach 20" ynl --do device-detach --json '{"minor": 20}'
check "drbd2 device-del 20" ynl --do device-del --json '{"minor": 20}'

# v09 flex-external meta data (the project's drbdmeta)
jpy() {	# jpy JSONFILE EXPR (d is the object)
	"$py" -c 'import json,sys; d = json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$1" "$2"
}
check "project drbdmeta v09 flex-external create-md on E" \
	bash -c "$PMETA --force 92 v09 $E flex-external create-md 1 </dev/null"
check "drbd2 device-new s/1 minor 22" ynl --do device-new --json '{"resource": "s", "volume": 1, "minor": 22}'
check "drbd2 device-attach 22 (v09 flex-external)" \
	ynl --do device-attach --json "{\"minor\": 22, \"backing-dev\": \"$C\", \"meta-dev\": \"$E\", \"meta-idx\": -2}"
check "v09: resource-set-role primary with force" \
	ynl --do resource-set-role --json '{"name": "s", "role": "primary", "force": true}'
ynl --do device-get --json '{"minor": 22}' >"$out/get-22.json" 2>&1
check "v09: up-to-date, current UUID new with bit 0 set" \
	test "$(jpy "$out/get-22.json" '(d["disk-state"], d["current-uuid"] & 1, d["current-uuid"] > 4)')" = "('up-to-date', 1, True)"
check "v09: device-new-current-uuid" \
	ynl --do device-new-current-uuid --json '{"minor": 22}'
ynl --do device-get --json '{"minor": 22}' >"$out/get-22b.json" 2>&1
check "v09: the bitmap UUID (the created one) went into the history" \
	test "$(jpy "$out/get-22b.json" 'd["history-uuid"][0]')" = 4
check "v09: device-resize --force to 16 MiB" \
	ynl --do device-resize --json '{"minor": 22, "size": 32768, "force": true}'
check "v09: resource-set-role secondary" \
	ynl --do resource-set-role --json '{"name": "s", "role": "secondary"}'
check "v09: device-detach 22" ynl --do device-detach --json '{"minor": 22}'
check "v09: the project's drbdmeta reads the meta data, la-size 32768" \
	bash -c "$PMETA 92 v09 $E flex-external dump-md 2>&1 | tee '$out/e.dump' | grep -q '^la-size-sect 32768;'"
check "drbd2 device-del 22" ynl --do device-del --json '{"minor": 22}'
check "drbd2 resource-del s" ynl --do resource-del --json '{"name": "s"}'
check "drbdsetup-84 down t (made by drbd2)" $S down t
sleep 2
kill "$sub" 2>/dev/null
wait "$sub" 2>/dev/null
check "drbd2 events: resource-change-ntf with role primary" \
	grep -q '"resource-change-ntf", "msg": {"name": "s", .*"role": "primary"' "$out/drbd2-events.json"
check "drbd2 events: device-change-ntf with disk state outdated" \
	grep -q '"device-change-ntf", "msg": {"minor": 20, .*"disk-state": "outdated"' "$out/drbd2-events.json"

check "rmmod our drbd.ko" rmmod drbd
dmesg >"$out/dmesg.txt" 2>&1
check "no WARN, BUG or oops in the log" \
	bash -c "! grep -Ei 'WARNING:|BUG:|Oops|general protection|refcount_t' '$out/dmesg.txt'"
for l in $A $B $C $E; do losetup -d "$l"; done
rm -rf "$tmp"
exit 0
