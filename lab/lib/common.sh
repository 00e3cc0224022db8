# shellcheck shell=bash
# Shared helpers of the lab CLI: paths, messages, kernel aliases.
# Sourced by lab/bin/lab; expects LAB_HOME (the lab/ directory) to be set.

LAB_REPO=$(cd "$LAB_HOME/.." && pwd)
LAB_CACHE=${DRBD_LAB_CACHE:-$LAB_REPO/.cache/lab}

# Kernel lines the lab knows, as ALIAS:GLOB of the Debian kernel release.
LAB_ALIASES="6.1:6.1.*-amd64 6.12:6.12.*+deb12-amd64 7.2:7.2.*+deb14-amd64"

say() { printf 'lab: %s\n' "$*" >&2; }
die() { printf 'lab: error: %s\n' "$*" >&2; exit 2; }

need_root() {
    [ "$(id -u)" = 0 ] || die "this needs root (apt, debootstrap, chroot, mount)"
}

# alias_glob ALIAS -> the release glob of a known alias
alias_glob() {
    local pair
    for pair in $LAB_ALIASES; do
        if [ "${pair%%:*}" = "$1" ]; then
            printf '%s\n' "${pair#*:}"
            return 0
        fi
    done
    return 1
}

# is_foreign KVER -> true for kernels that live in the lab cache (sid), not on the host
is_foreign() {
    case "$1" in
        7.*) return 0 ;;
        *) return 1 ;;
    esac
}

foreign_dir() { printf '%s/kernels/%s\n' "$LAB_CACHE" "$1"; }

# kernel_ready KVER -> true when the kernel image and its modules are usable
kernel_ready() {
    local kver=$1
    if is_foreign "$kver"; then
        [ -f "$(foreign_dir "$kver")/ready" ]
    else
        [ -f "/boot/vmlinuz-$kver" ] && [ -f "/lib/modules/$kver/modules.dep" ]
    fi
}

# installed_releases GLOB -> releases present on the host or in the cache, newest last
installed_releases() {
    local glob=$1 d rel
    {
        for d in /lib/modules/* "$LAB_CACHE"/kernels/*; do
            [ -d "$d" ] || continue
            rel=${d##*/}
            # shellcheck disable=SC2254  # GLOB is a pattern on purpose
            case "$rel" in $glob) kernel_ready "$rel" && printf '%s\n' "$rel" ;; esac
        done
    } | sort -uV
}

# resolve_kernel ALIAS-or-RELEASE -> the full release (e.g. 6.1.0-56-amd64)
resolve_kernel() {
    local want=$1 glob rel
    if glob=$(alias_glob "$want"); then
        rel=$(installed_releases "$glob" | tail -n 1)
        [ -n "$rel" ] || die "kernel $want is not set up; run: lab setup $want"
        printf '%s\n' "$rel"
    else
        kernel_ready "$want" || die "unknown or missing kernel: $want (aliases: 6.1 6.12 7.2)"
        printf '%s\n' "$want"
    fi
}

# kernel_vmlinuz KVER, kernel_modbase KVER ("/" for host kernels)
kernel_vmlinuz() {
    if is_foreign "$1"; then
        printf '%s/vmlinuz\n' "$(foreign_dir "$1")"
    else
        printf '/boot/vmlinuz-%s\n' "$1"
    fi
}

kernel_modbase() {
    if is_foreign "$1"; then
        printf '%s/modroot\n' "$(foreign_dir "$1")"
    else
        printf '/\n'
    fi
}

# show_depends KVER MODULE -> module files to insmod, in order (builtin ones omitted)
show_depends() {
    local kver=$1 mod=$2
    modprobe -d "$(kernel_modbase "$kver")" -S "$kver" --show-depends "$mod" |
        awk '$1 == "insmod" { print $2 }'
}

# A stack of cleanup commands run in reverse order when the CLI exits, also on
# failure or interruption: unmounts and the QEMU processes this CLI started.
LAB_CLEANUPS=()
on_exit() { LAB_CLEANUPS+=("$*"); }
run_cleanups() {
    local i
    for ((i = ${#LAB_CLEANUPS[@]} - 1; i >= 0; i--)); do
        eval "${LAB_CLEANUPS[i]}" || true
    done
    LAB_CLEANUPS=()
}
trap run_cleanups EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
