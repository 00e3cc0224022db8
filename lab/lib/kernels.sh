# shellcheck shell=bash
# Getting kernels: bookworm's 6.1 and 6.12 through the system's apt,
# sid's 7.2 through a private apt configuration into the lab cache.

# apt options of the private sid configuration (never touches the system's sources)
sid_apt_opts() {
    local a=$LAB_CACHE/apt
    printf '%s\n' \
        -o "Dir::Etc::sourcelist=$a/sources.list" -o "Dir::Etc::sourceparts=-" \
        -o "Dir::State::lists=$a/lists" -o "Dir::State::status=$a/status" \
        -o "Dir::Cache::archives=$a/archives" -o "Dir::Cache::pkgcache=$a/pkgcache.bin" \
        -o "Dir::Cache::srcpkgcache=$a/srcpkgcache.bin" -o "APT::Architecture=amd64" \
        -o "Debug::NoLocking=1" -o "APT::Sandbox::User=root"
}

sid_apt() {
    local -a opts
    mapfile -t opts < <(sid_apt_opts)
    "$@" "${opts[@]}"
}

sid_apt_update() {
    local a=$LAB_CACHE/apt
    mkdir -p "$a/lists/partial" "$a/archives/partial"
    : >"$a/status"
    printf 'deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] %s sid main\n' \
        "$LAB_MIRROR" >"$a/sources.list"
    say "updating the private sid package index"
    sid_apt apt-get -q update >/dev/null
}

LAB_MIRROR=${DRBD_LAB_MIRROR:-http://deb.debian.org/debian}

# newest_pkg_version APT-CACHE-CMD... -- REGEX: prints the newest release matched by
# the regex's first group among package names
newest_release() {
    local regex=$1
    shift
    "$@" pkgnames 2>/dev/null | sed -n "s/$regex/\\1/p" | sort -uV | tail -n 1
}

headers_ready() {
    [ -f "/lib/modules/$1/build/Makefile" ]
}

setup_6_1() {
    local rel
    rel=$(installed_releases "$(alias_glob 6.1)" | tail -n 1)
    if [ -n "$rel" ] && headers_ready "$rel"; then
        say "6.1: $rel is installed"
        return 0
    fi
    say "6.1: installing linux-image-amd64 and linux-headers-amd64"
    DEBIAN_FRONTEND=noninteractive apt-get -q install -y linux-image-amd64 linux-headers-amd64
}

# newest_6_12: the newest release of bookworm's 6.12 line with both image and headers
newest_6_12() {
    comm -12 \
        <(apt-cache pkgnames linux-image-6.12. | sed -n 's/^linux-image-\(6\.12\..*+deb12-amd64\)$/\1/p' | sort -u) \
        <(apt-cache pkgnames linux-headers-6.12. | sed -n 's/^linux-headers-\(6\.12\..*+deb12-amd64\)$/\1/p' | sort -u) |
        sort -V | tail -n 1
}

setup_6_12() {
    local rel
    rel=$(installed_releases "$(alias_glob 6.12)" | tail -n 1)
    if [ -n "$rel" ] && headers_ready "$rel"; then
        say "6.12: $rel is installed"
        return 0
    fi
    rel=$(newest_6_12)
    if [ -z "$rel" ]; then
        say "6.12: not in apt's lists yet: apt-get update"
        apt-get -q -o DPkg::Lock::Timeout=900 update >/dev/null
        rel=$(newest_6_12)
    fi
    [ -n "$rel" ] || die "6.12: no linux-image-6.12.*+deb12-amd64 known to apt (bookworm-security in the sources?)"
    say "6.12: installing linux-image-$rel and linux-headers-$rel"
    DEBIAN_FRONTEND=noninteractive apt-get -q install -y "linux-image-$rel" "linux-headers-$rel"
}

# setup_7_2: fetch sid's 7.2 image, modules, headers and kbuild into the cache and
# stage a decompressed module tree for the guests
setup_7_2() {
    local rel
    rel=$(installed_releases "$(alias_glob 7.2)" | tail -n 1)
    if [ -z "$rel" ]; then
        sid_apt_update
        rel=$(newest_release '^linux-binary-\(7\.2\..*+deb14-amd64\)$' sid_apt apt-cache)
        [ -n "$rel" ] || die "7.2: no linux-binary-7.2.*+deb14-amd64 in sid"
        fetch_foreign "$rel"
    else
        say "7.2: $rel is staged in the cache"
    fi
    sid_setup "$rel"
}

foreign_debs() {
    local rel=$1 common=${1%-amd64}
    printf '%s\n' "linux-binary-$rel" "linux-modules-$rel" "linux-headers-$rel" \
        "linux-headers-$common-common" "linux-kbuild-$common"
}

fetch_foreign() {
    local rel=$1 dir debs pkg tmp
    dir=$(foreign_dir "$rel")
    debs=$LAB_CACHE/debs
    mkdir -p "$debs"
    for pkg in $(foreign_debs "$rel"); do
        if ! compgen -G "$debs/${pkg}_*.deb" >/dev/null; then
            say "7.2: downloading $pkg"
            (cd "$debs" && sid_apt apt-get -q download "$pkg") >&2 || die "download of $pkg failed"
        fi
    done
    say "7.2: unpacking $rel into $dir"
    tmp="$dir.tmp"
    rm -rf "$tmp"
    mkdir -p "$tmp/x" "$tmp/modroot/lib/modules"
    dpkg-deb -x "$(compgen -G "$debs/linux-binary-${rel}_*.deb" | head -n 1)" "$tmp/x"
    dpkg-deb -x "$(compgen -G "$debs/linux-modules-${rel}_*.deb" | head -n 1)" "$tmp/x"
    mv "$tmp/x/usr/lib/modules/$rel" "$tmp/modroot/lib/modules/$rel"
    if [ -f "$tmp/modroot/lib/modules/$rel/vmlinuz" ]; then
        mv "$tmp/modroot/lib/modules/$rel/vmlinuz" "$tmp/vmlinuz"
    else
        mv "$(compgen -G "$tmp/x/boot/vmlinuz-*" | head -n 1)" "$tmp/vmlinuz"
    fi
    rm -rf "$tmp/x"
    say "7.2: decompressing modules (busybox insmod and the guests want plain .ko)"
    find "$tmp/modroot" -name '*.ko.xz' -print0 | xargs -0 -r -n 100 -P "$(nproc)" xz -d
    find "$tmp/modroot" -name '*.ko.zst' -print0 | xargs -0 -r -n 100 -P "$(nproc)" zstd -q -d --rm
    # the packages carry no modules.order/modules.builtin: depmod only warns about them
    touch "$tmp/modroot/lib/modules/$rel/modules.order" "$tmp/modroot/lib/modules/$rel/modules.builtin"
    depmod -b "$tmp/modroot" "$rel" 2>&1 | grep -v 'modules.builtin.modinfo' >&2 || true
    touch "$tmp/ready"
    rm -rf "$dir"
    mv "$tmp" "$dir"
}

# The parts of sid's linux-source-7.2 the project reads: the YNL generator and
# CLI with the kernel's specs and schemas, checkpatch, the in-tree drbd (protocol
# facts, the 7.2 netlink code the legacy spec is checked against) and the
# families the drbd2 family imitates.
SOURCE_PARTS="tools/net/ynl Documentation/netlink scripts/checkpatch.pl scripts/spelling.txt
scripts/const_structs.checkpatch drivers/block/drbd drivers/dpll net/handshake
include/uapi/linux include/linux include/net"

source_dir() { printf '%s/linux-source-7.2\n' "$LAB_CACHE"; }

# setup_source: sid's linux-source-7.2 (the parts in SOURCE_PARTS) into the cache.
# The version is the one kmod/gen/ynl-version pins (the generator of kmod's
# committed files); when sid no longer carries it, the newest 7.2 source is taken
# with a warning, and kmod/gen/regen.sh --check tells whether the output moved.
setup_source() {
    local dir debs deb top tmp part want pkg=linux-source-7.2 pin=$LAB_REPO/kmod/gen/ynl-version
    dir=$(source_dir)
    want=""
    if [ -f "$pin" ]; then want=$(sed -n 's/^YNL_SRC_VERSION=//p' "$pin"); fi
    if [ -f "$dir/.ready" ] && { [ -z "$want" ] || [ "$(cat "$dir/.ready")" = "$want" ]; }; then
        local complete=1
        for part in $SOURCE_PARTS; do [ -e "$dir/$part" ] || complete=0; done
        if [ "$complete" = 1 ]; then
            say "source: $dir is unpacked ($(cat "$dir/.ready"))"
            return 0
        fi
    fi
    debs=$LAB_CACHE/debs
    mkdir -p "$debs"
    deb=$(compgen -G "$debs/${pkg}_${want:-*}_all.deb" | sort -V | tail -n 1 || true)
    if [ -z "$deb" ]; then
        [ -f "$LAB_CACHE/apt/sources.list" ] || sid_apt_update
        say "source: downloading $pkg${want:+=$want}"
        if ! (cd "$debs" && sid_apt apt-get -q download "$pkg${want:+=$want}") >&2; then
            sid_apt_update
            if ! (cd "$debs" && sid_apt apt-get -q download "$pkg${want:+=$want}") >&2; then
                [ -n "$want" ] || die "download of $pkg failed"
                say "source: WARNING: sid no longer has $pkg=$want (kmod/gen/ynl-version); taking the newest"
                (cd "$debs" && sid_apt apt-get -q download "$pkg") >&2 || die "download of $pkg failed"
            fi
        fi
        deb=$(compgen -G "$debs/${pkg}_${want:-*}_all.deb" | sort -V | tail -n 1 || true)
        [ -n "$deb" ] || deb=$(compgen -G "$debs/${pkg}_*_all.deb" | sort -V | tail -n 1)
    fi
    tmp="$dir.tmp"
    rm -rf "$tmp"
    mkdir -p "$tmp"
    say "source: unpacking the parts the project reads from $(basename "$deb")"
    dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$tmp" --wildcards './usr/src/linux-source-*.tar.*'
    top=$(compgen -G "$tmp/usr/src/linux-source-*.tar.*" | head -n 1)
    local -a members=()
    for part in $SOURCE_PARTS; do members+=("$pkg/$part"); done
    tar -xf "$top" -C "$tmp" --strip-components=1 "${members[@]}"
    rm -rf "${tmp:?}/usr"
    basename "$deb" | sed 's/^[^_]*_\([^_]*\)_.*/\1/' >"$tmp/.ready"
    rm -rf "$dir"
    mv "$tmp" "$dir"
}

cmd_setup() {
    local k
    need_root
    [ $# -gt 0 ] || set -- 6.1 6.12 7.2 source
    for k in "$@"; do
        case "$k" in
            6.1) setup_6_1 ;;
            6.12) setup_6_12 ;;
            7.2) setup_7_2 ;;
            source) setup_source ;;
            *) die "setup: unknown kernel alias $k (6.1, 6.12, 7.2, source)" ;;
        esac
    done
    cmd_kernels
}

cmd_kernels() {
    local pair alias rel hdr
    for pair in $LAB_ALIASES; do
        alias=${pair%%:*}
        rel=$(installed_releases "${pair#*:}" | tail -n 1)
        if [ -z "$rel" ]; then
            printf '%-5s %-28s %s\n' "$alias" "-" "missing (lab setup $alias)"
            continue
        fi
        if is_foreign "$rel"; then
            if sid_ready "$rel"; then hdr="headers in sid chroot"; else hdr="headers missing"; fi
        elif headers_ready "$rel"; then
            hdr="headers native"
        else
            hdr="headers missing"
        fi
        printf '%-5s %-28s %s\n' "$alias" "$rel" "ready, $hdr"
    done
}

# cmd_check ALIAS...: exit 0 when each kernel can boot and build modules
cmd_check() {
    local k rel
    command -v qemu-system-x86_64 >/dev/null || die "qemu-system-x86_64 is not installed"
    [ -x /bin/busybox ] || die "busybox-static is not installed"
    for k in "$@"; do
        rel=$(resolve_kernel "$k")
        if is_foreign "$rel"; then
            sid_ready "$rel" || die "the sid build chroot for $rel is not ready (lab setup $k)"
        else
            headers_ready "$rel" || die "headers for $rel are missing (lab setup $k)"
        fi
        printf '%s %s\n' "$k" "$rel"
    done
}
