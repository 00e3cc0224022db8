# shellcheck shell=bash
# The guests' initramfs: busybox, the few modules needed to reach the 9p shares and
# the virtual network, and lab/guest/init as /init. Everything else the guest loads
# with modprobe from the host's (or the cache's) module tree after the chroot.

# modules for the shares (9p over virtio-pci) and the guest link (virtio_net)
LAB_INITRAMFS_MODULES="virtio_pci 9pnet_virtio 9p virtio_net"

# make_initramfs KVER OUT: writes a gzip-compressed newc cpio to OUT
make_initramfs() {
    local kver=$1 out=$2 d m f b
    d=$(mktemp -d)
    on_exit "rm -rf '$d'"
    mkdir -p "$d/bin" "$d/sbin" "$d/dev" "$d/proc" "$d/sys" "$d/host" "$d/lib/modules"
    cp /bin/busybox "$d/bin/busybox"
    for m in $(/bin/busybox --list); do
        [ "$m" = busybox ] || ln -s busybox "$d/bin/$m"
    done
    for m in $LAB_INITRAMFS_MODULES; do
        show_depends "$kver" "$m" 2>/dev/null || true
    done | awk '!seen[$0]++' >"$d/modlist.src"
    : >"$d/modlist"
    while read -r f; do
        b=${f##*/}
        b=${b%.xz}
        b=${b%.zst}
        case "$f" in
            *.xz) xz -dc "$f" ;;
            *.zst) zstd -qdc "$f" ;;
            *) cat "$f" ;;
        esac >"$d/lib/modules/$b"
        printf '%s\n' "$b" >>"$d/modlist"
    done <"$d/modlist.src"
    rm "$d/modlist.src"
    install -m 0755 "$LAB_HOME/guest/init" "$d/init"
    # The kernel runs /sbin/modprobe (module auto-loading) in the initramfs root,
    # not in the chroot: hand it over to the host root's modprobe.
    rm -f "$d/sbin/modprobe"
    printf '#!/bin/sh\nexec /bin/chroot /host /sbin/modprobe "$@"\n' >"$d/sbin/modprobe"
    chmod 0755 "$d/sbin/modprobe"
    (cd "$d" && find . | cpio -o -H newc --quiet | gzip -1) >"$out"
}
