# shellcheck shell=bash
# demo: the project's main job on the lab. Two guests, the in-tree DRBD 8.4 and
# drbdadm-84 replicate 16 MiB; the peer's backing device must hold the same md5.

cmd_demo() {
    local kernel=6.1 out="" timeout=900 status=0 written backing
    while [ $# -gt 0 ]; do
        case "$1" in
            --kernel) kernel=$2; shift 2 ;;
            --out) out=$2; shift 2 ;;
            --timeout) timeout=$2; shift 2 ;;
            *) die "demo: unknown option $1" ;;
        esac
    done
    [ -n "$out" ] || out=$(mktemp -d "${TMPDIR:-/tmp}/lab-demo.XXXXXX")
    mkdir -p "$out"
    cp "$LAB_HOME/scenarios/replicate.conf" "$out/drbd.conf"
    say "demo: two guests on $kernel linked over a QEMU socket on 127.0.0.1 (192.0.2.1, 192.0.2.2)"
    say "demo: create-md and drbdadm-84 up r0 on both (64 MiB loop disks, protocol C), primary --force on node1"
    say "demo: after the initial sync node1 writes 16 MiB of random data with dd oflag=direct;"
    say "demo: node2 takes r0 down and reads the md5 of its backing device"
    local -a envs=("DRBD_CONF=/run/lab/drbd.conf")
    local drbdmeta=$LAB_REPO/dist/target/drbdctl/bin/drbdmeta
    if [ -x "$drbdmeta" ]; then
        say "demo: the meta data is written by the project's drbdmeta ($drbdmeta)"
        envs+=("DRBDMETA_BIN=$drbdmeta")
    else
        say "demo: the project's drbdmeta is not built (mvn package): Debian's drbdmeta writes the meta data"
    fi
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
