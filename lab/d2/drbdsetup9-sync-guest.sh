#!/bin/bash
# Guest script: the project's drbdsetup (drbd2 dialect) with the data and resync commands of
# issue 7 against the project's drbd.ko: outdate, new-current-uuid, invalidate, get-gi,
# show-gi, pause-sync, resume-sync, invalidate-remote, verify, resize; each once where it
# works and once per refusal. Every command is logged with its stdout, stderr and exit code to
# $LAB_RESULTS/cmdlog.txt, which DrbdSetup9SyncGuestTest checks line by line.
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

run drbdmeta --force 0 v08 "$dev" internal create-md
run drbdsetup new-resource r0 1
run drbdsetup new-minor r0 0 0
run drbdsetup attach 0 "$dev" internal internal
run drbdsetup new-peer r0 2 --_name=peer
run drbdsetup new-resource r1 1
run drbdsetup new-minor r1 1 0
run drbdsetup new-peer r1 4 --_name=other
run drbdsetup get-gi r0 2 0
run drbdsetup outdate 0
run drbdsetup primary r0 --force
run drbdsetup invalidate 0
run drbdsetup new-current-uuid 0 --clear-bitmap
run drbdsetup secondary r0
run drbdsetup outdate 0
run drbdsetup status r0
run drbdsetup invalidate 0 --sync-from-peer-node-id=2
run drbdsetup invalidate 0 --sync-from-peer-node-id=5
run drbdsetup invalidate 0 --reset-bitmap=no
run drbdsetup invalidate 0
run drbdsetup status r0
run drbdsetup get-gi r0 2 0
run drbdsetup show-gi r0 2 0
run drbdsetup invalidate 1
run drbdsetup get-gi r1 4 0
run drbdsetup get-gi r0 7 0
run drbdsetup pause-sync r0 2 0
run drbdsetup pause-sync r0 2 0
run drbdsetup resume-sync r0 2 0
run drbdsetup resume-sync r0 2 0
run drbdsetup pause-sync r0 3 0
run drbdsetup invalidate-remote r0 2 0
run drbdsetup verify r0 2 0 --start=0 --stop=1M
run drbdsetup verify r0 2 0 --start=1M --stop=0
run drbdsetup resize 0
run drbdsetup resize 1
run drbdsetup resize 0 --size=1x
run drbdsetup new-current-uuid 1
run drbdsetup outdate 1
run drbdsetup down r0
run drbdsetup down r1
losetup -d "$dev"
exit 0
