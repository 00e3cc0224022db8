#!/bin/bash
# Guest side of the v8 acceptance harness (issue 5): replays the capture
# scenarios of shared/reference/v8-traces, unchanged, once per "side" in this one
# boot, with the scenarios' own knobs (DRBDSETUP, DRBDADM, DRBDMETA, MARK, LOG,
# IMGDIR), capturing all netlink traffic on nlmon0 as the goldens were captured.
# Needs the modules drbd, loop and nlmon.
#
# Environment:
#   V8_SCENARIO_DIR  the scenario scripts (lib.sh, NAME.sh, drbdadm84.conf)
#   V8_HOME          lab/v8 (mark.c is built from there; mark-settled.sh wraps it)
#   V8_SCENARIOS     default: lifecycle84 errors84 errors84b drbdadm84
#   V8_SIDES         default: "ref ours"; ref = Debian's 8.4 tools
#   V8_OURS_DRBDSETUP, V8_OURS_DRBDADM, V8_OURS_DRBDMETA
#                    the tools of side "ours" (default: the reference's)
#   V8_EVENTS_SBS    1 (default): during every scenario of side "ours", run
#                    "events all" of the reference and of ours side by side
#   V8_SCENARIO_TIMEOUT  seconds one scenario run may take (default 1200)
# Results ($LAB_RESULTS/SIDE/NAME.*): pcap, cmdlog.txt, events.bg.stdout.txt (the
# scenario's own background events), script.out.txt, proc_drbd_after.txt,
# sbs-ref.events.txt and sbs-ours.events.txt (side "ours" only), seconds.
set -uo pipefail
: "${V8_SCENARIO_DIR:?}" "${V8_HOME:?}"
# our drbdsetup would first ask nlctrl for drbd2 (absent from the in-tree driver): pin the
# legacy family so that its requests stay drbdsetup-84's (the reference ignores the variable)
export DRBDCTL_FAMILY=drbd
scenarios=${V8_SCENARIOS:-lifecycle84 errors84 errors84b drbdadm84}
sides=${V8_SIDES:-ref ours}
ref_setup=/lib/drbd/drbdsetup-84 ref_adm=/lib/drbd/drbdadm-84 ref_meta=drbdmeta
ours_setup=${V8_OURS_DRBDSETUP:-$ref_setup}
ours_adm=${V8_OURS_DRBDADM:-$ref_adm}
ours_meta=${V8_OURS_DRBDMETA:-$ref_meta}
work=/tmp/v8
mkdir -p "$work/bin" /run/lock /var/lib/drbd

fail() { echo "replay: $*" >&2; exit 1; }

# the goldens were taken on a host named v8guest (drbdadm84.conf names it)
hostname v8guest
gcc -O1 -o "$work/bin/mark" "$V8_HOME/mark.c" || fail "cannot build mark.c"
ip link add nlmon0 type nlmon 2>/dev/null
ip link set nlmon0 up || fail "no nlmon0"
head -1 /proc/drbd
# the tools of each side, for the comparer's "tool-paths" normalisation
printf 'ref drbdsetup %s\nref drbdadm %s\nref drbdmeta %s\nours drbdsetup %s\nours drbdadm %s\nours drbdmeta %s\n' \
    "$ref_setup" "$ref_adm" "$ref_meta" "$ours_setup" "$ours_adm" "$ours_meta" >"$LAB_RESULTS/tools.txt"
uname -r >"$LAB_RESULTS/kernel.txt"

# number of generic netlink sockets that joined a multicast group
genl_listeners() { awk '$2 == 16 && $4 != "00000000"' /proc/net/netlink | wc -l; }

# sbs_start: "events all" of the reference and of ours, each in its own session
sbs_start() {
    local out=$1 base i
    base=$(genl_listeners)
    setsid "$ref_setup" events all >"$out.sbs-ref.events.txt" 2>"$out.sbs-ref.stderr.txt" &
    sbs_ref=$!
    setsid "$ours_setup" events all >"$out.sbs-ours.events.txt" 2>"$out.sbs-ours.stderr.txt" &
    sbs_ours=$!
    # both subscribed (a JVM needs seconds under emulation), then their dumps end
    for i in $(seq 1 120); do
        [ "$(genl_listeners)" -ge $((base + 2)) ] && break
        sleep 0.5
    done
    [ "$(genl_listeners)" -ge $((base + 2)) ] || echo "replay: events listeners not both subscribed" >&2
    sleep 1
}
sbs_stop() {
    sleep 2
    kill -TERM -- "-$sbs_ref" "-$sbs_ours" 2>/dev/null
    wait "$sbs_ref" "$sbs_ours" 2>/dev/null
}

# cleanup: whatever a scenario left behind, torn down with the reference
cleanup() {
    local r
    for r in $(timeout 20 "$ref_setup" show all 2>/dev/null | sed -n 's/^resource \([^ ]*\) {/\1/p'); do
        timeout 20 "$ref_setup" down "$r"
    done
    losetup -D
}

for s in $scenarios; do
    [ -f "$V8_SCENARIO_DIR/$s.sh" ] || fail "no scenario $s in $V8_SCENARIO_DIR"
    for side in $sides; do
        case $side in
            ref) setup=$ref_setup adm=$ref_adm meta=$ref_meta ;;
            ours) setup=$ours_setup adm=$ours_adm meta=$ours_meta ;;
            *) fail "unknown side $side" ;;
        esac
        echo "=== $s with $side: DRBDSETUP=$setup DRBDADM=$adm DRBDMETA=$meta"
        mkdir -p "$work/out/$side"
        out=$work/out/$side/$s
        rm -f "$out".*
        tcpdump -i nlmon0 -s 0 -U -Z root -w "$out.pcap" 2>"$out.tcpdump.log" &
        tp=$!
        for i in $(seq 1 40); do grep -q listening "$out.tcpdump.log" && break; sleep 0.25; done
        [ "$side" = ours ] && [ "${V8_EVENTS_SBS:-1}" = 1 ] && sbs_start "$out"
        start=$(date +%s.%N)
        DRBDSETUP=$setup DRBDADM=$adm DRBDMETA=$meta MARK=$V8_HOME/mark-settled.sh V8_MARK=$work/bin/mark \
            LOG=$out.cmdlog.txt IMGDIR=/tmp/v8img-$s \
            timeout -k 10 "${V8_SCENARIO_TIMEOUT:-1200}" sh "$V8_SCENARIO_DIR/$s.sh" >"$out.script.out.txt" 2>&1
        rc=$?
        [ "$rc" = 0 ] || echo "replay: $s with $side: the scenario script exited $rc" | tee -a "$LAB_RESULTS/problems.txt" >&2
        end=$(date +%s.%N)
        echo "$end - $start" | bc >"$out.seconds"
        [ "$side" = ours ] && [ "${V8_EVENTS_SBS:-1}" = 1 ] && sbs_stop
        sleep 1
        kill -INT "$tp"
        wait "$tp"
        cleanup
        cat /proc/drbd >"$out.proc_drbd_after.txt"
        rm -rf "/tmp/v8img-$s"
        echo "=== $s with $side took $(cat "$out.seconds") s"
        mkdir -p "$LAB_RESULTS/$side"
        cp "$out".* "$LAB_RESULTS/$side/"
    done
done
echo "replay: done"
