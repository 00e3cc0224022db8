# shellcheck shell=bash
# build-module: an out-of-tree module against one lab kernel's headers.

cmd_build_module() {
    local alias=${1:-} src=${2:-} out=${3:-} rel dir
    if [ -z "$alias" ] || [ -z "$src" ]; then
        die "usage: lab build-module KERNEL SRCDIR [OUTDIR]"
    fi
    [ -d "$src" ] || die "no such directory: $src"
    rel=$(resolve_kernel "$alias")
    src=$(cd "$src" && pwd)
    if [ -n "$out" ]; then
        # Kbuild writes its objects next to the sources: build in a copy
        mkdir -p "$out"
        out=$(cd "$out" && pwd)
        if [ "$out" != "$src" ]; then
            cp -a "$src/." "$out/"
        fi
        dir=$out
    else
        dir=$src
    fi
    say "building $dir against $rel"
    if is_foreign "$rel"; then
        sid_build "$rel" "$dir" >&2
    else
        headers_ready "$rel" || die "headers for $rel are missing (lab setup $alias)"
        make -C "/lib/modules/$rel/build" M="$dir" modules >&2
    fi
    # the products, one per line, for callers
    find "$dir" -maxdepth 1 -name '*.ko' | sort
}
