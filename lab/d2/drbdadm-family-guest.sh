#!/bin/bash
# Guest script: the project's drbdadm picks its plans and family by itself (issue 7).
# A configuration with two resources (r1 with two volumes) and a peer host that never comes;
# create-md, up, primary --force, status, secondary, detach/disconnect, attach/connect, down, each command logged with its stdout,
# stderr and exit code to $LAB_RESULTS/cmdlog-MODE.txt (checked by DrbdAdmFamilyGuestTest).
#   DRBD_REPO  the repository (launchers in dist/target/drbdctl/bin)
#   DRBD_KO    the project's module built for this kernel; unset: the in-tree drbd.ko is loaded
#              (lab run --modules drbd) and only the automatic mode runs
#   YNL_KSRC   kernel tree with tools/net/ynl (the pyynl CLI), for the drbd2 dumps
# Modes: "auto" (no override) and, with the project's module, "legacy" (DRBDCTL_FAMILY=drbd)
# and "adjust" (no override: adjust against the kernel's running state).
# With the project's module, after up and after primary every drbd2 object is dumped
# (pyynl: resource, device, connection, path and peer-device dumps; our drbdsetup
# --family=drbd2 show and status) to dump-MODE-STEP.txt.
set -u
. "$LAB_LIB"
out=${LAB_RESULTS:-$(mktemp -d)}
mkdir -p "$out"
bin=$DRBD_REPO/dist/target/drbdctl/bin
py=/usr/bin/python3
cli=${YNL_KSRC:-}/tools/net/ynl/pyynl/cli.py
spec=$DRBD_REPO/genl-drbd2/drbd2.yaml
me=$(hostname)
conf=/tmp/drbd.conf
mode=auto

run() {	# run TOOL ARGS...: logs "=== TOOL ARGS", stdout, "--- err", stderr, "--- rc N"
	local tool=$1 log=$out/cmdlog-$mode.txt
	shift
	if [ "$mode" = legacy ]; then
		DRBDCTL_FAMILY=drbd "$bin/$tool" "$@" >"$out/o" 2>"$out/e" </dev/null
	else
		"$bin/$tool" "$@" >"$out/o" 2>"$out/e" </dev/null
	fi
	local rc=$?
	{ echo "=== $tool $*"; cat "$out/o"; echo "--- err"; cat "$out/e"; echo "--- rc $rc"; } >>"$log"
}

dump() {	# dump STEP: every drbd2 object, always through drbd2 (no override)
	local f=$out/dump-$mode-$1.txt op
	: >"$f"
	for op in resource-get device-get connection-get path-get peer-device-get; do
		echo "### $op" >>"$f"
		"$py" "$cli" --spec "$spec" --no-schema --output-json --dump "$op" >>"$f" 2>&1
		echo >>"$f"
	done
	echo "### drbdsetup show" >>"$f"
	"$bin/drbdsetup" --family=drbd2 show >>"$f" 2>&1 </dev/null
	echo "### drbdsetup status" >>"$f"
	"$bin/drbdsetup" --family=drbd2 status >>"$f" 2>&1 </dev/null
}

disks() {	# fresh zeroed backing files on the three loop devices
	local i
	for i in 0 1 2; do
		[ -n "${dev[$i]:-}" ] && losetup -d "${dev[$i]}"
		rm -f "/tmp/d$i.img"
		truncate -s 64M "/tmp/d$i.img"
		dev[$i]=$(losetup --find --show "/tmp/d$i.img") || lab_fail "losetup"
	done
}

if [ -n "${DRBD_KO:-}" ]; then
	lab_insmod "$DRBD_KO" || lab_fail "insmod $DRBD_KO"
fi
declare -a dev
disks
cat >"$conf" <<EOF
global { usage-count no; disable-ip-verification; }
resource r0 {
	on $me { node-id 1; device minor 0; disk ${dev[0]}; address 192.0.2.1:7789; meta-disk internal; }
	on ghost { node-id 2; device minor 0; disk /dev/ghost0; address 192.0.2.2:7789; meta-disk internal; }
}
resource r1 {
	volume 0 { device minor 1; meta-disk internal; }
	volume 1 { device minor 2; meta-disk internal; }
	on $me { node-id 1; address 192.0.2.1:7790; volume 0 { disk ${dev[1]}; } volume 1 { disk ${dev[2]}; } }
	on ghost { node-id 2; address 192.0.2.2:7790; volume 0 { disk /dev/ghost1; } volume 1 { disk /dev/ghost2; } }
}
EOF
cp "$conf" "$out/drbd.conf"
# this host's address (the in-tree driver binds it when it connects: WFConnection, not StandAlone)
ip link set lo up
ip addr add 192.0.2.1/32 dev lo || lab_fail "ip addr add"


modes=auto
[ -n "${DRBD_KO:-}" ] && modes="auto legacy"
for mode in $modes; do
	: >"$out/cmdlog-$mode.txt"
	[ "$mode" = auto ] || disks
	run drbdadm -c "$conf" -d up all
	run drbdadm -c "$conf" create-md all
	run drbdadm -c "$conf" up all
	[ -n "${DRBD_KO:-}" ] && dump up
	run drbdadm -c "$conf" primary --force all
	[ -n "${DRBD_KO:-}" ] && dump primary
	run drbdadm -c "$conf" status all
	cat /proc/drbd >"$out/proc-drbd-$mode.txt"
	run drbdadm -c "$conf" secondary all
	run drbdadm -c "$conf" status r0
	run drbdadm -c "$conf" detach r0
	run drbdadm -c "$conf" disconnect r1
	run drbdadm -c "$conf" status all
	run drbdadm -c "$conf" attach r0
	run drbdadm -c "$conf" connect r1
	run drbdadm -c "$conf" status all
	run drbdadm -c "$conf" down all
	run drbdadm -c "$conf" status all
done
# adjust over drbd2 (the 8.4 plans run adjust only with -d): after r0 lost its disk and r1 went
# down, adjust re-attaches r0 and brings r1 up; a second adjust has nothing to do
if [ -n "${DRBD_KO:-}" ]; then
	mode=adjust
	: >"$out/cmdlog-$mode.txt"
	disks
	run drbdadm -c "$conf" create-md all
	run drbdadm -c "$conf" up all
	run drbdadm -c "$conf" detach r0
	run drbdadm -c "$conf" down r1
	run drbdsetup show
	run drbdadm -c "$conf" -d adjust all
	run drbdadm -c "$conf" adjust all
	run drbdadm -c "$conf" status all
	run drbdadm -c "$conf" -d adjust all
	run drbdadm -c "$conf" down all
fi
for i in 0 1 2; do losetup -d "${dev[$i]}"; done
exit 0
