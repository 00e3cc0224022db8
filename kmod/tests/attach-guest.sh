#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Attach and detach of backing disks, run as root in a lab guest booted with
# the in-tree drbd.ko loaded (lab run --modules drbd,loop):
#  1. drbdsetup-84 attach/show/status/sh-status/dstate/detach on a v08
#     internal-meta-data disk made by Debian's drbdmeta, plus the usual
#     failures, first against the in-tree DRBD 8.4 driver, then against our
#     drbd.ko (intree.cmdlog.txt and ours.cmdlog.txt must be identical);
#  2. our drbd.ko through drbd2 (pyynl CLI): v09 (the project's drbdmeta)
#     and v08 (Debian's drbdmeta) meta data, internal, flex-external and
#     indexed external; a pattern written with direct I/O through
#     /dev/drbdN reads back and equals the backing device's data area; bad
#     meta data fails with errno + extack and leaves the disks unchanged;
#     detach writes the meta data back clean; unload detaches.
#
# Environment:
#   DRBD_KO      our drbd.ko (required)
#   DRBD_REPO    the repository root (default: derived from this script's path)
#   DRBDMETA     the project's drbdmeta (default: dist/target/drbdctl/bin/drbdmeta)
#   YNL_KSRC     kernel tree with tools/net/ynl (default: the lab cache's
#                linux-source-7.2)
#   LAB_RESULTS  where the results go (default: mktemp)
#
# Results: intree.cmdlog.txt, ours.cmdlog.txt, intree.proc.txt,
# ours.proc.txt (the state part of the /proc/drbd entries), attach.tap,
# checks.log, events.json, dmesg.txt. Exit status 0 when the script ran to the end; attach.tap and
# the comparison are the caller's (KmodAttachGuestTest.java).
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

tap=$out/attach.tap
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

# loop devices over sparse files in /tmp
mkloop() {	# mkloop NAME SIZE -> prints the loop device
	truncate -s "$2" "$tmp/$1.img"
	losetup -f --show "$tmp/$1.img"
}
A=$(mkloop a 64M)	# v08 internal (drbdsetup-84 and drbd2)
B=$(mkloop b 64M)	# wiped / bad magic / unclean
C=$(mkloop c 64M)	# v09 internal
D=$(mkloop d 64M)	# data of the flex-external disk
E=$(mkloop e 4M)	# v09 flex-external meta data
F=$(mkloop f 32M)	# data of the indexed disk
G=$(mkloop g 300M)	# v08 indexed external meta data (index 1)
H=$(mkloop h 512K)	# flex-external meta data below the 1 MiB minimum
echo "loops: A=$A B=$B C=$C D=$D E=$E F=$F G=$G H=$H" >>"$out/checks.log"

excl_free() {	# excl_free DEV...: each can be opened exclusively (O_EXCL)
	"$py" -c 'import os, sys
for p in sys.argv[1:]:
    os.close(os.open(p, os.O_RDWR | os.O_EXCL))' "$@"
}

not_excl() {	# not_excl DEV: cannot be opened exclusively
	! excl_free "$1" 2>/dev/null
}

sum() {	# the checksum of a whole device
	md5sum <"$1" | cut -d' ' -f1
}

v08_internal() {	# a fresh v08 internal superblock on $1 (Debian's drbdmeta)
	$DMETA --force 90 v08 "$1" internal create-md </dev/null >/dev/null 2>&1
}

# --- 1. drbdsetup-84: in-tree, then ours -------------------------------------
sequence() {
	v08_internal "$A"
	dd if=/dev/zero of="$B" bs=1M count=64 status=none
	run $S new-resource r0
	run $S new-minor r0 0 0
	run $S new-minor r0 1 1
	run $S attach 9 "$A" "$A" internal
	run $S attach 1 "$B" "$B" internal
	run $S attach 0 "$A" "$A" internal
	run $S attach 0 "$A" "$A" internal
	run $S attach 1 "$A" "$A" internal
	run $S attach 1 "$B" "$A" 0
	run $S show
	run $S show 0
	run $S status
	run $S status r0 --verbose
	run $S sh-status 0
	run $S dstate 0
	run $S dstate 1
	run $S cstate 0
	run cat /sys/block/drbd0/size
	proc_entries
	run $S detach 0
	run $S detach 1
	run $S dstate 0
	run $S show
	run $S status
	run cat /sys/block/drbd0/size
	proc_entries
	run $S down r0
}

# /proc/drbd: the state part of each entry (the counters and the activity
# log flag differ: no activity log and no bitmap yet)
PROC=/dev/null
proc_entries() {
	sed -n 's/^\( *[0-9]*: cs:[^ ]* ro:[^ ]* ds:[^ ]*\).*/\1/p; /cs:Unconfigured$/p' \
		/proc/drbd >>"$PROC"
	echo -- >>"$PROC"
}

b_before=$(sum "$B")
if grep -q '^drbd ' /proc/modules; then
	LOG=$out/intree.cmdlog.txt
	PROC=$out/intree.proc.txt
	: >"$LOG"
	: >"$PROC"
	sequence
	rmmod drbd || echo "rmmod of the in-tree drbd failed" >&2
else
	echo "in-tree drbd not loaded (lab run --modules drbd)" >"$out/intree.cmdlog.txt"
fi
check "the in-tree driver left the wiped disk unchanged" test "$b_before" = "$(sum "$B")"

dmesg -C 2>/dev/null || true
check "insmod our drbd.ko" insmod "$DRBD_KO"
N=0
LOG=$out/ours.cmdlog.txt
PROC=$out/ours.proc.txt
: >"$LOG"
: >"$PROC"
b_before=$(sum "$B")
sequence
check "our failed attach left the wiped disk unchanged" test "$b_before" = "$(sum "$B")"
check "drbdsetup-84 attach: Debian drbdmeta reads the detached meta data" \
	$DMETA --force 90 v08 "$A" internal dump-md
check "drbdsetup-84 attach then detach: the v08 meta data is clean (magic 0x8374026b)" \
	bash -c "$DMETA 90 v08 $A internal dump-md 2>&1 | grep -q 'version \"v08\"'"
check "drbdsetup-84 ret code texts for the failures" \
	bash -c "grep -q '(119) No valid meta-data signature found' '$LOG' &&
		 grep -q '(124) Device is attached to a disk' '$LOG' &&
		 grep -q '(127) Device minor not allocated' '$LOG' &&
		 grep -q '(104) Can not open backing device' '$LOG' &&
		 grep -q '(105) Can not open meta device' '$LOG'"

# --- 2. drbd2 ----------------------------------------------------------------
ynl() {
	"$py" "$cli" --spec "$spec" --no-schema --output-json "$@"
}
field() {	# field JSONFILE KEY
	"$py" -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$1" "$2"
}
# expect_err NAME PATTERN ARGS...: the request fails, error matches PATTERN
expect_err() {
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
attach() {	# attach MINOR JSON-TAIL OUTFILE
	ynl --do device-attach --json "{\"minor\": $1, $2}" >"$3" 2>&1
}

PYTHONUNBUFFERED=1 ynl --subscribe events --duration 1200 >"$out/events.json" 2>&1 &
sub=$!
sleep 3
check "drbd2 resource-new a" ynl --do resource-new --json '{"name": "a", "node-id": 0}'
for m in 10 11 12 13 14; do
	ynl --do device-new --json "{\"resource\": \"a\", \"volume\": $m, \"minor\": $m}" \
		>>"$out/checks.log" 2>&1
done

# pattern I/O: 4 MiB written with O_DIRECT at 1 MiB, read back, compared
# with the device read back and with the backing device at the same place
pattern_io() {	# pattern_io MINOR BACKING
	head -c 4M /dev/urandom >"$tmp/pat" &&
	dd if="$tmp/pat" of="/dev/drbd$1" bs=1M seek=1 oflag=direct status=none &&
	dd if="/dev/drbd$1" of="$tmp/rd" bs=1M skip=1 count=4 iflag=direct status=none &&
	cmp "$tmp/pat" "$tmp/rd" &&
	dd if="$2" of="$tmp/bk" bs=1M skip=1 count=4 iflag=direct status=none &&
	cmp "$tmp/pat" "$tmp/bk"
}

# v09 internal, the project's drbdmeta
check "project drbdmeta v09 create-md on C" \
	bash -c "$PMETA --force 91 v09 $C internal create-md 1 </dev/null"
check "drbd2 device-attach 10 (v09 internal)" \
	attach 10 "\"backing-dev\": \"$C\", \"meta-idx\": -1" "$out/attach10.json"
check "v09: disk state inconsistent after create-md" \
	test "$(field "$out/attach10.json" disk-state)" = inconsistent
check "v09: md-version 9" test "$(field "$out/attach10.json" md-version)" = 9
size10=$(field "$out/attach10.json" size)
check "v09: size is the data area (131072 - 8 - 64 - 8 sectors)" test "$size10" = 130992
check "v09: /dev/drbd10 has that size" test "$(blockdev --getsz /dev/drbd10)" = 130992
check "v09: pattern written with direct I/O reads back, equals the backing device" \
	pattern_io 10 "$C"
check "v09: the attached disk is claimed (no exclusive open)" not_excl "$C"
check "v09: the superblock is marked in use (AL clean flag cleared)" \
	bash -c "! $PMETA 91 v09 $C internal dump-md >/dev/null 2>&1"
expect_err "device-attach 10 again" "busy.*attached|attached.*busy" \
	--do device-attach --json "{\"minor\": 10, \"backing-dev\": \"$C\"}"
expect_err "device-attach of a disk in use by minor 10" "backing device is in use: Device or resource busy" \
	--do device-attach --json "{\"minor\": 11, \"backing-dev\": \"$C\"}"
expect_err "device-del of an attached device" "busy.*attached|attached.*busy" \
	--do device-del --json '{"minor": 10}'
ynl --do device-get --json '{"minor": 10}' >"$out/get10.json" 2>&1
check "device-get shows the backing device" grep -q "\"backing-dev\": \"$C\"" "$out/get10.json"
check "drbd2 device-detach 10" ynl --do device-detach --json '{"minor": 10}'
check "after detach: /dev/drbd10 keeps its size" test "$(blockdev --getsz /dev/drbd10)" = 130992
check "after detach: I/O to /dev/drbd10 fails" \
	bash -c "! dd if=/dev/drbd10 of=/dev/null bs=4k count=1 iflag=direct status=none"
check "after detach: the project's drbdmeta dumps the meta data (clean)" \
	bash -c "$PMETA 91 v09 $C internal dump-md >'$out/c.dump' 2>&1"
check "after detach: node id 0 and la-size-sect recorded" \
	bash -c "grep -q '^node-id 0;' '$out/c.dump' && grep -q '^la-size-sect 130992;' '$out/c.dump'"
check "after detach: the data is still on the backing device" \
	bash -c "dd if=$C of=$tmp/bk bs=1M skip=1 count=4 status=none && cmp $tmp/pat $tmp/bk"
expect_err "device-detach of a diskless device" "no backing disk: No such device" \
	--do device-detach --json '{"minor": 10}'

# v08 internal, Debian's drbdmeta; consistent + was-up-to-date -> up-to-date
v08_internal "$A"
$DMETA --force 90 v08 "$A" internal set-gi 0000000000000004::::1:1:0:0:0:0:0 </dev/null \
	>>"$out/checks.log" 2>&1
check "drbd2 device-attach 11 (v08 internal, consistent)" \
	attach 11 "\"backing-dev\": \"$A\", \"meta-dev\": \"$A\", \"meta-idx\": -1" "$out/attach11.json"
check "v08: disk state up-to-date (consistent, was up to date, fencing dont-care)" \
	test "$(field "$out/attach11.json" disk-state)" = up-to-date
check "v08: pattern I/O" pattern_io 11 "$A"
check "v08: /proc/drbd shows ds:UpToDate/DUnknown" grep -q '11: cs:StandAlone ro:Secondary/Unknown ds:UpToDate/DUnknown' /proc/drbd
check "v08: the 8.4 unclean magic while attached" \
	bash -c "tail -c 4096 $A | od -An -tx1 -j 60 -N 4 | grep -q '83 74 02 6c'"
check "drbd2 device-detach 11" ynl --do device-detach --json '{"minor": 11}'
check "v08 after detach: magic 0x8374026b, Debian's drbdmeta reads it" \
	bash -c "tail -c 4096 $A | od -An -tx1 -j 60 -N 4 | grep -q '83 74 02 6b' && $DMETA 90 v08 $A internal get-gi"

# v09 flex-external, project drbdmeta
check "project drbdmeta v09 flex-external create-md on E" \
	bash -c "$PMETA --force 92 v09 $E flex-external create-md 1 </dev/null"
check "drbd2 device-attach 12 (v09 flex-external)" \
	attach 12 "\"backing-dev\": \"$D\", \"meta-dev\": \"$E\", \"meta-idx\": -2" "$out/attach12.json"
check "flex-external: the whole data device is exposed" \
	test "$(blockdev --getsz /dev/drbd12)" = 131072
check "flex-external: pattern I/O" pattern_io 12 "$D"

# v08 indexed external (index 1), Debian drbdmeta
check "Debian drbdmeta v08 index 1 create-md on G" \
	bash -c "$DMETA --force 93 v08 $G 1 create-md </dev/null"
check "drbd2 device-attach 13 (v08 indexed external, index 1)" \
	attach 13 "\"backing-dev\": \"$F\", \"meta-dev\": \"$G\", \"meta-idx\": 1" "$out/attach13.json"
check "indexed: pattern I/O" pattern_io 13 "$F"
check "drbd2 device-detach 13" ynl --do device-detach --json '{"minor": 13}'

# bad meta data: errno + extack, nothing written
bad() {	# bad NAME PATTERN JSON-TAIL DEVICES...
	local what=$1 pattern=$2 json=$3 dev before=""
	shift 3
	for dev in "$@"; do before="$before $(sum "$dev")"; done
	expect_err "$what" "$pattern" --do device-attach --json "{\"minor\": 14, $json}"
	local after=""
	for dev in "$@"; do after="$after $(sum "$dev")"; done
	check "$what: the disks are unchanged" test "$before" = "$after"
}
dd if=/dev/zero of="$B" bs=1M count=64 status=none
bad "wiped disk" "no DRBD meta data found.*Wrong medium type" "\"backing-dev\": \"$B\"" "$B"
v08_internal "$B"
printf '\x12\x34\x56\x78' | dd of="$B" bs=1 seek=$((64 * 1048576 - 4096 + 60)) conv=notrunc status=none
bad "wrong magic" "bad magic.*Wrong medium type" "\"backing-dev\": \"$B\"" "$B"
v08_internal "$B"
printf '\x83\x74\x02\x6c' | dd of="$B" bs=1 seek=$((64 * 1048576 - 4096 + 60)) conv=notrunc status=none
bad "unclean v08 meta data" "apply-al: Structure needs cleaning" "\"backing-dev\": \"$B\"" "$B"
v08_internal "$B"
printf '\x00\x00\x00\x48' | dd of="$B" bs=1 seek=$((64 * 1048576 - 4096 + 0x4c)) conv=notrunc status=none
bad "bitmap offset after the activity log" "offsets.*Wrong medium type" "\"backing-dev\": \"$B\"" "$B"
$PMETA --force 94 v09 "$H" flex-external create-md 1 </dev/null >>"$out/checks.log" 2>&1
bad "meta-data device below 1 MiB" "too small.*No space left on device" \
	"\"backing-dev\": \"$B\", \"meta-dev\": \"$H\", \"meta-idx\": -2" "$B" "$H"
bad "internal meta data on another device" "internal meta data must be on the backing device: Invalid argument" \
	"\"backing-dev\": \"$B\", \"meta-dev\": \"$H\", \"meta-idx\": -1" "$B" "$H"
bad "no such backing device" "cannot open the backing device: No such file or directory" "\"backing-dev\": \"/dev/nonexistent\"" "$B"
expect_err "meta-idx below -3" "meta-idx below -3.*Invalid argument" \
	--do device-attach --json "{\"minor\": 14, \"backing-dev\": \"$B\", \"meta-idx\": -4}"

sleep 2
kill "$sub" 2>/dev/null
wait "$sub" 2>/dev/null
check "drbd2 events: device-change-ntf with the disk state" \
	grep -q '"device-change-ntf", "msg": {"minor": 10, .*"disk-state": "inconsistent"' "$out/events.json"

# unload with attached devices (12) detaches cleanly
check "rmmod with an attached device" rmmod drbd
check "after unload: the flex-external meta data is clean" \
	bash -c "$PMETA 92 v09 $E flex-external dump-md >/dev/null"
check "after unload: the disks can be opened exclusively" excl_free "$D" "$E"
dmesg >"$out/dmesg.txt" 2>&1
check "no WARN, BUG or oops in the log" \
	bash -c "! grep -Ei 'WARNING:|BUG:|Oops|general protection|refcount_t' '$out/dmesg.txt'"
for l in $A $B $C $D $E $F $G $H; do losetup -d "$l"; done
rm -rf "$tmp"
exit 0
