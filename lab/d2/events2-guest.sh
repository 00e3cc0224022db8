#!/bin/bash
# Guest script: drbdsetup events2 and wait-* over drbd2 against the project's drbd.ko.
# "events2 --timestamps all" runs in the background (its output: $LAB_RESULTS/events.txt)
# while a scripted sequence runs (with events2 --now, status --json, show --json, status
# --verbose --statistics and wait-* in between); every command is logged like drbdsetup9-guest.sh does
# ($LAB_RESULTS/cmdlog.txt). Events2GuestTest checks both.
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

"$bin/drbdsetup" events2 --timestamps all >"$out/events.txt" 2>"$out/events.err" </dev/null &
events=$!
for _ in $(seq 300); do
	grep -q ' exists -$' "$out/events.txt" 2>/dev/null && break
	sleep 0.2
done

run drbdsetup new-resource r0 1
run drbdsetup new-minor r0 0 0
run drbdsetup attach 0 "$dev" internal internal
run drbdsetup primary r0 --force
run drbdsetup secondary r0
run drbdsetup new-peer r0 2 --_name=peer --protocol=C
run drbdsetup new-path r0 2 ipv4:192.0.2.1:7789 192.0.2.2:7789
run drbdsetup connect r0 2
run drbdsetup events2 --now r0
run drbdsetup events2 --now --statistics r0
run drbdsetup status --json r0
run drbdsetup show --json r0
run drbdsetup status --verbose --statistics r0
run drbdsetup wait-connect-resource r0 --wfc-timeout=2
run drbdsetup wait-sync-volume r0 2 0 --wfc-timeout=1 --degr-wfc-timeout=1 --outdated-wfc-timeout=1
run drbdsetup disconnect r0 2
run drbdsetup wait-connect-connection r0 2 --wfc-timeout=1 --degr-wfc-timeout=1 --outdated-wfc-timeout=1
run drbdsetup down r0
sleep 3
kill "$events"
wait "$events"
losetup -d "$dev"
exit 0
