# shellcheck shell=bash
# demo: the project's main job on the lab. Two guests, the in-tree DRBD 8.4 and
# drbdadm-84 replicate 16 MiB; the peer's backing device must hold the same md5.

cmd_demo() {
    local kernel=6.1 out="" timeout=900 status=0 written backing reference=0
    while [ $# -gt 0 ]; do
        case "$1" in
            --kernel) kernel=$2; shift 2 ;;
            --out) out=$2; shift 2 ;;
            --timeout) timeout=$2; shift 2 ;;
            --reference) reference=1; shift ;;
            *) die "demo: unknown option $1" ;;
        esac
    done
    [ -n "$out" ] || out=$(mktemp -d "${TMPDIR:-/tmp}/lab-demo.XXXXXX")
    mkdir -p "$out"
    cp "$LAB_HOME/scenarios/replicate.conf" "$out/drbd.conf"
    local -a envs=("DRBD_CONF=/run/lab/drbd.conf")
    local drbdadm=$LAB_REPO/dist/target/drbdctl/bin/drbdadm tool=drbdadm-84
    if [ "$reference" = 0 ]; then
        [ -x "$drbdadm" ] || die "demo: the project's drbdadm is not built (mvn package), or use --reference"
        envs+=("DRBDADM_BIN=$drbdadm")
        tool="the project's drbdadm ($drbdadm; create-md, up, primary, dstate, down: one JVM per call, steps in-process)"
    fi
    say "demo: two guests on $kernel linked over a QEMU socket on 127.0.0.1 (192.0.2.1, 192.0.2.2), in-tree DRBD 8.4"
    say "demo: $tool"
    say "demo: create-md and up r0 on both (64 MiB loop disks, protocol C), primary --force on node1"
    say "demo: after the initial sync node1 writes 16 MiB of random data with dd oflag=direct;"
    say "demo: node2 takes r0 down and reads the md5 of its backing device"
    run_guests "$kernel" drbd,loop "$timeout" "$out" "" "" "${#envs[@]}" "${envs[@]}" \
        "$LAB_HOME/scenarios/replicate.sh" "$LAB_HOME/scenarios/replicate.sh" || status=$?
    out=$RUN_OUT
    written=$(cat "$out/node1/results/md5-written" 2>/dev/null || echo missing)
    backing=$(cat "$out/node2/results/md5-backing" 2>/dev/null || echo missing)
    printf 'md5 of the data written on node1:        %s\n' "$written"
    printf "md5 of node2's backing device (16 MiB): %s\n" "$backing"
    if [ "$status" = 0 ] && [ "$written" = "$backing" ]; then
        echo "demo: OK, the peer holds the same data"
        return 0
    fi
    echo "demo: FAILED (status $status), logs in $out"
    return 1
}
