#!/bin/bash
# Guest script: the project's drbdsetup in the drbd2 dialect (DRBD 9 command set) against the
# project's drbd.ko: one scripted sequence, every command logged with its stdout, stderr and
# exit code to $LAB_RESULTS/cmdlog.txt, which DrbdSetup9GuestTest checks line by line.
#   DRBD_REPO  the repository (launchers in dist/target/drbdctl/bin)
#   DRBD_KO    the module built for this kernel
set -u
. "$LAB_LIB"
out=${LAB_RESULTS:-$(mktemp -d)}
mkdir -p "$out"
bin=$DRBD_REPO/dist/target/drbdctl/bin
log=$out/cmdlog.txt
: >"$log"

run() {	# run drbdsetup|drbdmeta ARGS...: logs "=== tool args", stdout, "--- err", stderr, "--- rc N"
	local tool=$1
	shift
	"$bin/$tool" "$@" >"$out/o" 2>"$out/e" </dev/null
	local rc=$?
	{ echo "=== $tool $*"; cat "$out/o"; echo "--- err"; cat "$out/e"; echo "--- rc $rc"; } >>"$log"
}

lab_insmod "$DRBD_KO" || lab_fail "insmod $DRBD_KO"
truncate -s 64M /tmp/d0.img
dev=$(losetup --find --show /tmp/d0.img) || lab_fail "losetup"
echo "$dev" >"$out/loop"

run drbdmeta --force 0 v09 "$dev" internal create-md 1
run drbdsetup new-resource r0 1 --auto-promote=no
run drbdsetup new-minor r0 0 0
run drbdsetup attach 0 "$dev" internal internal --al-extents=1000
run drbdsetup status r0
run drbdsetup primary r0
run drbdsetup primary r0 --force
run drbdsetup status r0
run drbdsetup secondary r0
run drbdsetup new-peer r0 2 --_name=peer --protocol=C --ko-count=3
run drbdsetup new-path r0 2 ipv4:192.0.2.1:7789 192.0.2.2:7789
run drbdsetup connect r0 2
run drbdsetup status
run drbdsetup show r0
run drbdsetup peer-device-options r0 2 0 --resync-rate=0
run drbdsetup peer-device-options r0 2 0 --resync-rate=1000
run drbdsetup show r0
run drbdsetup resource-options r0 --quorum=majority --twopc-timeout=100
run drbdsetup disk-options 0 --al-extents=3000 --read-balancing=32K-striping --resync-after=-1
run drbdsetup net-options r0 2 --max-buffers=8000 --timeout=90 --protocol=c
run drbdsetup show r0
run drbdsetup show --show-defaults r0
run drbdsetup net-options r0 2 --set-defaults --ping-int=20
run drbdsetup show r0
run drbdsetup resource-options r0 --twopc-timeout=601
run drbdsetup disk-options 0 --bogus=1
run drbdsetup status r9
run drbdsetup primary r9
run drbdsetup new-resource r1 99
run drbdsetup --family=drbd role 0
run drbdsetup disconnect r0 2
run drbdsetup status r0
run drbdsetup down r0
run drbdsetup status
losetup -d "$dev"
exit 0
