# shellcheck shell=bash
# run: boot one or two guests under QEMU TCG and collect what they report.
#
# The run directory OUT is the guests' writable 9p share ("work", /run/lab in the
# guest):  OUT/guest-run.sh, OUT/guest-lib.sh, OUT/shared/ (all guests),
# OUT/NODE/{env,script.sh,script.log,console.log,dmesg.txt,exit-code,results/}.

# kill_guest PID RUN-DIR: stop a QEMU this CLI started, politely first; the run
# directory on its command line guards against a PID that was reused meanwhile
kill_guest() {
    local pid=$1 dir=$2 i
    [ -r "/proc/$pid/cmdline" ] || return 0
    tr '\0' '\n' <"/proc/$pid/cmdline" | grep -qF -- "path=$dir," || return 0
    kill -TERM "$pid" 2>/dev/null || return 0
    for i in 1 2 3 4 5; do
        kill -0 "$pid" 2>/dev/null || return 0
        sleep 1
    done
    kill -KILL "$pid" 2>/dev/null || true
}

# pick_port: a TCP port on 127.0.0.1 that nothing listens on
pick_port() {
    local p i
    for i in $(seq 1 50); do
        p=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
        if [ -z "$(ss -Hltn "( sport = :$p )")" ]; then
            printf '%s\n' "$p"
            return 0
        fi
    done
    die "no free port found"
}

wait_listening() {
    local port=$1 pid=$2 i
    for i in $(seq 1 100); do
        [ -n "$(ss -Hltn "( sport = :$port )")" ] && return 0
        kill -0 "$pid" 2>/dev/null || return 1
        sleep 0.1
    done
    return 1
}

# write_env FILE NAME=VALUE...: a file the guest sources with bash
write_env() {
    local file=$1 kv
    shift
    : >"$file"
    for kv in "$@"; do
        printf 'export %s=%q\n' "${kv%%=*}" "${kv#*=}" >>"$file"
    done
}

# write_exports: the guest mounts tmpfs over /tmp and /run, which hides host
# directories there. The repository (class paths, built modules), the cache and
# LAB_EXPORT_DIRS (colon-separated) are shared again, read-only, at the same path
# when they live below /tmp or /run. Sets RUN_EXPORT_ARGS; writes OUT/exports.
write_exports() {
    local dir i=0 extra=${LAB_EXPORT_DIRS:-}
    local -a extra_dirs=()
    local -a dirs=("$LAB_REPO" "$LAB_CACHE")
    [ -z "$extra" ] || IFS=: read -r -a extra_dirs <<<"$extra"
    dirs+=(${extra_dirs[@]+"${extra_dirs[@]}"})
    RUN_EXPORT_ARGS=()
    : >"$RUN_OUT/exports"
    for dir in "${dirs[@]}"; do
        [ -d "$dir" ] || continue
        dir=$(cd "$dir" && pwd -P)
        case "$dir" in
            /tmp/* | /run/*) ;;
            *) continue ;;
        esac
        case "$dir" in *,*) die "cannot share a directory whose path has a comma: $dir" ;; esac
        # a directory inside one already shared is visible through it
        if awk -v d="$dir" 'index(d "/", $2 "/") == 1 { found = 1 } END { exit !found }' \
            "$RUN_OUT/exports"; then
            continue
        fi
        i=$((i + 1))
        printf 'export%d %s\n' "$i" "$dir" >>"$RUN_OUT/exports"
        RUN_EXPORT_ARGS+=(-virtfs "local,path=$dir,mount_tag=export$i,security_model=none,readonly=on,multidevs=remap")
    done
}

# start_guest NODE QEMU-NET-ARGS...: starts QEMU in the background, sets GUEST_PID
start_guest() {
    local node=$1
    shift
    qemu-system-x86_64 -accel tcg -cpu max -m "$RUN_MEM" -smp "$RUN_SMP" \
        -nodefaults -no-reboot -display none -monitor none \
        -serial "file:$RUN_OUT/$node/console.log" \
        -kernel "$(kernel_vmlinuz "$RUN_REL")" -initrd "$RUN_OUT/initramfs.gz" \
        -append "console=ttyS0 quiet panic=-1 lab.node=$node" \
        -virtfs local,path=/,mount_tag=hostroot,security_model=none,readonly=on,multidevs=remap \
        -virtfs "local,path=$RUN_OUT,mount_tag=work,security_model=none" \
        ${RUN_EXPORT_ARGS[@]+"${RUN_EXPORT_ARGS[@]}"} \
        "$@" </dev/null >"$RUN_OUT/$node/qemu.log" 2>&1 &
    GUEST_PID=$!
    on_exit "kill_guest $GUEST_PID '$RUN_OUT'"
    printf '%s\n' "$GUEST_PID" >"$RUN_OUT/$node/qemu.pid"
}

cmd_run() {
    local kernel="" modules="" timeout=300 out="" mem="" smp=""
    local -a scripts=() envs=()
    while [ $# -gt 0 ]; do
        case "$1" in
            --kernel) kernel=$2; shift 2 ;;
            --script) scripts[0]=$2; shift 2 ;;
            --peer-script) scripts[1]=$2; shift 2 ;;
            --modules) modules=$2; shift 2 ;;
            --env) envs+=("$2"); shift 2 ;;
            --timeout) timeout=$2; shift 2 ;;
            --out) out=$2; shift 2 ;;
            --mem) mem=$2; shift 2 ;;
            --smp) smp=$2; shift 2 ;;
            *) die "run: unknown option $1 (see lab --help)" ;;
        esac
    done
    [ -n "$kernel" ] || die "run: --kernel is required"
    [ -n "${scripts[0]:-}" ] || die "run: --script is required"
    run_guests "$kernel" "$modules" "$timeout" "$out" "$mem" "$smp" "${#envs[@]}" \
        "${envs[@]}" "${scripts[@]}"
}

# boot_failed NODE...: true when a guest stopped without reaching its script, which
# is how kernels die early under TCG now and then (a panic in an initcall)
boot_failed() {
    local node
    for node in "$@"; do
        [ -e "$RUN_OUT/$node/booted" ] && continue
        grep -q 'Kernel panic' "$RUN_OUT/$node/console.log" 2>/dev/null && return 0
    done
    return 1
}

# boot_and_wait N TIMEOUT NODE...: starts the guests and waits until all have
# stopped or TIMEOUT passed; sets RUN_TIMED_OUT
boot_and_wait() {
    local n=$1 timeout=$2
    shift 2
    local -a nodes=("$@") pids=()
    local i port pid deadline alive aborted=0
    RUN_TIMED_OUT=0
    say "booting ${nodes[*]} on $RUN_REL (timeout ${timeout}s, run dir $RUN_OUT)"
    if [ "$n" -eq 1 ]; then
        start_guest node1
        pids+=("$GUEST_PID")
    else
        port=$(pick_port)
        start_guest node1 -netdev "socket,id=n0,listen=127.0.0.1:$port" \
            -device virtio-net-pci,netdev=n0,mac=52:54:00:00:02:01
        pids+=("$GUEST_PID")
        wait_listening "$port" "$GUEST_PID" || say "node1 does not listen on 127.0.0.1:$port"
        start_guest node2 -netdev "socket,id=n0,connect=127.0.0.1:$port" \
            -device virtio-net-pci,netdev=n0,mac=52:54:00:00:02:02
        pids+=("$GUEST_PID")
    fi

    deadline=$((SECONDS + timeout))
    while :; do
        alive=0
        for ((i = 0; i < n; i++)); do
            if kill -0 "${pids[i]}" 2>/dev/null; then
                alive=$((alive + 1))
            elif [ "$aborted" = 0 ] && [ "$(cat "$RUN_OUT/${nodes[i]}/exit-code" 2>/dev/null)" != 0 ]; then
                # a failed guest: let the others stop waiting for it
                : >"$RUN_OUT/shared/abort"
                aborted=1
            fi
        done
        [ "$alive" -gt 0 ] || break
        if [ "$SECONDS" -ge "$deadline" ]; then
            say "timeout after ${timeout}s: powering the guests off"
            RUN_TIMED_OUT=1
            for pid in "${pids[@]}"; do kill_guest "$pid" "$RUN_OUT"; done
            break
        fi
        sleep 1
    done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}

# run_guests KERNEL MODULES TIMEOUT OUT MEM SMP NENV ENV... SCRIPT [PEER-SCRIPT]
run_guests() {
    local kernel=$1 modules=$2 timeout=$3 out=$4 mem=$5 smp=$6 nenv=$7
    shift 7
    local -a envs=("${@:1:nenv}")
    shift "$nenv"
    local -a scripts=("$@") nodes=()
    local n i node rc status=0
    n=${#scripts[@]}
    command -v qemu-system-x86_64 >/dev/null || die "qemu-system-x86_64 is not installed"
    RUN_REL=$(resolve_kernel "$kernel")
    RUN_MEM=${mem:-1024}
    if [ -z "$smp" ]; then
        if [ "$n" -gt 1 ]; then smp=1; else smp=2; fi
    fi
    RUN_SMP=$smp
    [ -n "$out" ] || out=$(mktemp -d "${TMPDIR:-/tmp}/lab-run.XXXXXX")
    mkdir -p "$out"
    RUN_OUT=$(cd "$out" && pwd)
    case "$RUN_OUT" in *,*) die "the run directory must not contain a comma: $RUN_OUT" ;; esac

    for ((i = 0; i < n; i++)); do nodes+=("node$((i + 1))"); done
    rm -rf "$RUN_OUT/shared"
    mkdir -p "$RUN_OUT/shared"
    install -m 0644 "$LAB_HOME/guest/guest-run.sh" "$LAB_HOME/guest/guest-lib.sh" "$RUN_OUT/"
    for ((i = 0; i < n; i++)); do
        node=${nodes[i]}
        [ -f "${scripts[i]}" ] || die "no such script: ${scripts[i]}"
        rm -rf "${RUN_OUT:?}/$node"
        mkdir -p "$RUN_OUT/$node/results"
        install -m 0755 "${scripts[i]}" "$RUN_OUT/$node/script.sh"
        write_env "$RUN_OUT/$node/env" "LAB_NODE=$node" "LAB_NODES=${nodes[*]}" \
            "LAB_IP=192.0.2.$((i + 1))" "LAB_PEER_IP=192.0.2.$((n - i))" \
            "LAB_KVER=$kernel" "LAB_RELEASE=$RUN_REL" "LAB_MODULES=$modules" \
            "LAB_MODROOT=$(is_foreign "$RUN_REL" && kernel_modbase "$RUN_REL")" \
            ${envs[@]+"${envs[@]}"}
    done
    make_initramfs "$RUN_REL" "$RUN_OUT/initramfs.gz"
    write_exports

    local attempt
    for attempt in 1 2 3; do
        boot_and_wait "$n" "$timeout" "${nodes[@]}"
        boot_failed "${nodes[@]}" || break
        [ "$attempt" -lt 3 ] || break
        say "a guest died before it reached its script (see its console.log); booting all again"
        for node in "${nodes[@]}"; do
            cp "$RUN_OUT/$node/console.log" "$RUN_OUT/$node/console.boot$attempt.log" 2>/dev/null || true
            rm -rf "${RUN_OUT:?}/$node/results" "$RUN_OUT/$node/exit-code" "$RUN_OUT/$node/booted"
            mkdir -p "$RUN_OUT/$node/results"
        done
        rm -rf "$RUN_OUT/shared"
        mkdir -p "$RUN_OUT/shared"
    done

    : >"$RUN_OUT/summary.txt"
    for ((i = 0; i < n; i++)); do
        node=${nodes[i]}
        rc=$(cat "$RUN_OUT/$node/exit-code" 2>/dev/null || true)
        if [ -z "$rc" ]; then
            say "$node wrote no exit status; the end of its console log:"
            tail -n 40 "$RUN_OUT/$node/console.log" >&2 || true
            rc=none
            status=1
        elif [ "$rc" != 0 ]; then
            status=1
        fi
        printf '%s exit=%s console=%s results=%s\n' "$node" "$rc" \
            "$RUN_OUT/$node/console.log" "$RUN_OUT/$node/results" | tee -a "$RUN_OUT/summary.txt"
    done
    [ "$RUN_TIMED_OUT" = 0 ] || status=124
    return "$status"
}
