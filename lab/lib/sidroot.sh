# shellcheck shell=bash
# The sid chroot that builds modules for the 7.2 kernel: its headers need gcc-16,
# which bookworm lacks. Made once with debootstrap in the lab cache.

sid_root() { printf '%s/sid\n' "$LAB_CACHE"; }

sid_ready() {
    [ -f "$(sid_root)/.lab-headers-$1" ]
}

# sid_mount DIR TYPE-ARGS...: mount inside the chroot and unmount on exit
sid_mount() {
    local target=$1
    shift
    mount "$@" "$target"
    on_exit "umount -l '$target'"
}

sid_chroot() {
    local root
    root=$(sid_root)
    chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LC_ALL=C \
        DEBIAN_FRONTEND=noninteractive "$@"
}

sid_bootstrap() {
    local root tmp
    root=$(sid_root)
    [ -d "$root" ] && return 0
    command -v debootstrap >/dev/null || die "debootstrap is not installed"
    tmp="$root.tmp"
    rm -rf "$tmp"
    say "sid: debootstrap into $tmp (a few minutes)"
    debootstrap --variant=minbase --include=gcc-16,make,libc6-dev,libelf-dev,bc,kmod,python3 \
        sid "$tmp" "$LAB_MIRROR" >"$LAB_CACHE/debootstrap.log" 2>&1 ||
        die "debootstrap failed, see $LAB_CACHE/debootstrap.log"
    mv "$tmp" "$root"
}

# sid_setup REL: the chroot with the compiler tools and REL's headers installed
sid_setup() {
    local rel=$1 root pkg
    root=$(sid_root)
    sid_ready "$rel" && {
        say "sid: build chroot for $rel is ready"
        return 0
    }
    sid_bootstrap
    sid_mount "$root/proc" -t proc proc
    sid_mount "$root/dev" --bind /dev
    mkdir -p "$root/tmp/lab-debs"
    for pkg in "linux-headers-$rel" "linux-headers-${rel%-amd64}-common" "linux-kbuild-${rel%-amd64}"; do
        cp "$(compgen -G "$LAB_CACHE/debs/${pkg}_*.deb" | head -n 1)" "$root/tmp/lab-debs/"
    done
    # the archive may serve Release files past their Valid-Until date: accept them
    printf 'Acquire::Check-Valid-Until "false";\n' >"$root/etc/apt/apt.conf.d/99lab"
    say "sid: installing gcc-16-for-host pahole linux-base and the $rel headers"
    sid_chroot apt-get -q update
    sid_chroot apt-get -q install -y --no-install-recommends gcc-16-for-host pahole linux-base
    # apt resolves the headers' own dependencies from sid
    sid_chroot sh -c 'apt-get -q install -y --no-install-recommends /tmp/lab-debs/*.deb'
    rm -rf "$root/tmp/lab-debs"
    sid_chroot apt-get -q clean
    touch "$root/.lab-headers-$rel"
    run_cleanups
}

# sid_build REL DIR: build the module in DIR against REL's headers inside the chroot
sid_build() {
    local rel=$1 dir=$2 root mnt
    root=$(sid_root)
    sid_ready "$rel" || die "the sid build chroot is not set up for $rel (lab setup 7.2)"
    # one build at a time: the chroot's /proc mount is shared
    exec 9>"$LAB_CACHE/sid.lock"
    flock 9
    mnt=/build/mod-$$
    mkdir -p "$root$mnt"
    on_exit "rmdir '$root$mnt'"
    sid_mount "$root/proc" -t proc proc
    sid_mount "$root$mnt" --bind "$dir"
    sid_chroot make -C "/usr/src/linux-headers-$rel" M="$mnt" modules
    run_cleanups
    exec 9>&-
}
