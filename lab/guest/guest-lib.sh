# shellcheck shell=bash
# Helpers for lab guest scripts: . "$LAB_LIB"
# The shared directory $LAB_SHARED is one 9p directory seen by all guests of a run.

# lab_wait_file PATH [TIMEOUT-SEC]: wait until PATH exists; fails on timeout or
# when the host has marked the run as aborted (a peer failed)
lab_wait_file() {
    local path=$1 timeout=${2:-300} waited=0
    while [ ! -e "$path" ]; do
        if [ -e "$LAB_SHARED/abort" ]; then
            echo "lab: run aborted while waiting for $path" >&2
            return 1
        fi
        if [ "$waited" -ge "$timeout" ]; then
            echo "lab: timed out after ${timeout}s waiting for $path" >&2
            return 1
        fi
        sleep 1
        waited=$((waited + 1))
    done
}

# lab_barrier NAME [TIMEOUT-SEC]: wait until every node of the run reached NAME
lab_barrier() {
    local name=$1 timeout=${2:-300} n
    : >"$LAB_SHARED/barrier.$name.$LAB_NODE"
    for n in $LAB_NODES; do
        lab_wait_file "$LAB_SHARED/barrier.$name.$n" "$timeout" || return 1
    done
}

# lab_insmod FILE.ko [PARAMS...]: load an out-of-tree module after its dependencies
lab_insmod() {
    local ko=$1 dep deps
    shift
    deps=$(modinfo -F depends "$ko") || return 1
    for dep in ${deps//,/ }; do
        modprobe "$dep" || return 1
    done
    insmod "$ko" "$@"
}

# lab_fail MESSAGE: report and exit the script with status 1
lab_fail() {
    echo "FAIL: $*" >&2
    exit 1
}
