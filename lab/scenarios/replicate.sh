#!/bin/bash
# Two-node replication with the in-tree DRBD 8.4 and Debian's drbdadm-84, run on
# both guests of a lab run (lab demo, and the JUnit two-node test).
# node1 forces itself primary, waits for the initial sync, writes 16 MiB of random
# data to /dev/drbd0 with O_DIRECT; node2 then reads its own backing device and
# compares md5 sums. Needs the modules drbd and loop, and DRBD_CONF: a drbd.conf
# whose resource r0 uses /dev/loop0 as disk on both nodes.
# The meta data comes from Debian's drbdmeta (through drbdadm-84 create-md) unless
# the project's drbdmeta is named: DRBDMETA_BIN (its launcher) or DRBDMETA_JAVA_MAIN
# (its main class, started with LAB_JAVA, LAB_JAVA_OPTS and LAB_CP).
# DRBDADM_BIN replaces drbdadm-84 in every drbdadm call (create-md, up, primary,
# dstate, down), e.g. with the project's launcher (one JVM per call).
set -euo pipefail
# shellcheck source=/dev/null
. "$LAB_LIB"

conf=${DRBD_CONF:?DRBD_CONF must name the drbd.conf}
data_mib=16
# drbdadm-84 warns on every call that drbd-utils 9 talks to an 8.4 module
export DRBD_DONT_WARN_ON_VERSION_MISMATCH=1
adm() { "${DRBDADM_BIN:-/lib/drbd/drbdadm-84}" -c "$conf" "$@"; }

wait_uptodate() {
    local start=$SECONDS state last=-15
    while :; do
        state=$(adm dstate r0)
        [ "$state" = UpToDate/UpToDate ] && break
        [ $((SECONDS - start)) -lt 900 ] || lab_fail "no UpToDate/UpToDate after 900 s: $state"
        if [ $((SECONDS - last)) -ge 15 ]; then
            sed -n '/^ 0:/,$p' /proc/drbd
            last=$SECONDS
        fi
        sleep 1
    done
    echo "$LAB_NODE: UpToDate/UpToDate after $((SECONDS - start)) s"
}

truncate -s 64M /tmp/backing.img
backing=$(losetup --find --show /tmp/backing.img)
[ "$backing" = /dev/loop0 ] || lab_fail "backing device is $backing, not /dev/loop0"

drbdmeta_cmd=()
if [ -n "${DRBDMETA_BIN:-}" ]; then
    drbdmeta_cmd=("$DRBDMETA_BIN")
elif [ -n "${DRBDMETA_JAVA_MAIN:-}" ]; then
    read -r -a java_opts <<<"${LAB_JAVA_OPTS:-}"
    drbdmeta_cmd=("${LAB_JAVA:?}" "${java_opts[@]}" -cp "${LAB_CP:?}" "$DRBDMETA_JAVA_MAIN")
fi
if [ ${#drbdmeta_cmd[@]} -gt 0 ]; then
    echo "$LAB_NODE: create-md with the project's drbdmeta, then up"
    "${drbdmeta_cmd[@]}" --force 0 v08 "$backing" internal create-md
    echo "project-drbdmeta" >"$LAB_RESULTS/create-md-by"
else
    echo "$LAB_NODE: create-md and up with ${DRBDADM_BIN:-drbdadm-84}"
    adm create-md --force r0
    if [ -n "${DRBDADM_BIN:-}" ]; then
        echo "DRBDADM_BIN" >"$LAB_RESULTS/create-md-by"
    else
        echo "drbdadm-84" >"$LAB_RESULTS/create-md-by"
    fi
fi
adm up r0
lab_barrier up

if [ "$LAB_NODE" = node1 ]; then
    adm primary --force r0
    wait_uptodate
    dd if=/dev/urandom of=/tmp/data bs=1M count="$data_mib" status=none
    md5sum </tmp/data | cut -d' ' -f1 >"$LAB_RESULTS/md5-written"
    start=$(date +%s.%N)
    dd if=/tmp/data of=/dev/drbd0 bs=1M count="$data_mib" oflag=direct status=none
    end=$(date +%s.%N)
    echo "$LAB_NODE: wrote ${data_mib} MiB to /dev/drbd0 (protocol C) in $(echo "$end - $start" | bc) s"
    cp "$LAB_RESULTS/md5-written" "$LAB_SHARED/md5-written"
    lab_barrier written
    lab_barrier checked
    adm down r0
else
    wait_uptodate
    lab_barrier written
    adm down r0
    dd if="$backing" bs=1M count="$data_mib" iflag=direct status=none |
        md5sum | cut -d' ' -f1 >"$LAB_RESULTS/md5-backing"
    lab_barrier checked
    written=$(cat "$LAB_SHARED/md5-written")
    backing_md5=$(cat "$LAB_RESULTS/md5-backing")
    echo "$LAB_NODE: md5 written on node1 $written, on node2's backing device $backing_md5"
    [ "$written" = "$backing_md5" ] || lab_fail "the peer's backing device differs"
fi
losetup -d "$backing"
echo "$LAB_NODE: done"
