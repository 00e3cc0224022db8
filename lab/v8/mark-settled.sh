#!/bin/sh
# MARK for the replayed scenarios: like mark, but before the marker of a command
# it waits (at most 60 s) until every "events" listener started so far has joined
# its multicast group. lib.sh's bg_start gives a listener one second to start,
# which a JVM under emulation needs longer for; without the wait its start-up
# requests would land in the next command's segment of the capture.
# Environment: V8_MARK  the marker program (lab/v8/mark.c, built by replay.sh)
case $1 in
CMD*)
    i=0
    while [ $i -lt 240 ]; do
        pending=0
        for p in $(pgrep -f 'drbdsetup-84 events|setup\.Main events|/drbdsetup events'); do
            # the port id of a process's first (autobound) netlink socket is its pid
            awk -v p="$p" '$2 == 16 && $3 == p && $4 != "00000000" { f = 1 } END { exit !f }' \
                /proc/net/netlink || pending=1
        done
        [ $pending = 0 ] && break
        sleep 0.25
        i=$((i + 1))
    done
    ;;
esac
exec "$V8_MARK" "$@"
