#!/bin/bash
# Runs in a lab guest as root, chrooted into the host root (read-only): makes the
# node writable where tools need it, names it, sets up its link and modules, runs
# the node's script and writes the script's exit status into the work share.
set -uo pipefail
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin

node=$1
dir=/run/lab/$node

finish() {
    dmesg >"$dir/dmesg.txt" 2>&1
    printf '%s\n' "$1" >"$dir/exit-code.tmp" && mv "$dir/exit-code.tmp" "$dir/exit-code"
    sync
    exit 0
}

# shellcheck source=/dev/null
. "$dir/env"
# the host boots the guests again when one dies before this point (an emulation flake)
: >"$dir/booted"

mkdir -p /run/lock /dev/shm /dev/pts
mount -t tmpfs -o mode=1777 tmpfs /dev/shm
mount -t devpts devpts /dev/pts
if [ -d /var/lib/drbd ]; then
    mount -t tmpfs tmpfs /var/lib/drbd
fi
hostname "$LAB_NODE"
ip link set lo up
if [ -e /sys/class/net/eth0 ]; then
    ip addr add "$LAB_IP/24" dev eth0
    ip link set eth0 up
fi
# a kernel that is not installed on the host brings its module tree from the cache
if [ -n "${LAB_MODROOT:-}" ]; then
    mount --bind "$LAB_MODROOT/lib/modules" /lib/modules
fi
for m in ${LAB_MODULES//,/ }; do
    if ! modprobe "$m"; then
        echo "lab: modprobe $m failed"
        finish 125
    fi
done

export LAB_RESULTS=$dir/results LAB_SHARED=/run/lab/shared LAB_LIB=/run/lab/guest-lib.sh
mkdir -p "$LAB_RESULTS"
echo "lab: $LAB_NODE ($LAB_RELEASE) running its script"
cd /tmp || finish 126
bash "$dir/script.sh" 2>&1 | tee "$dir/script.log"
rc=${PIPESTATUS[0]}
echo "lab: $LAB_NODE script exit status $rc"
finish "$rc"
