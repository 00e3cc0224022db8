#!/bin/bash
# Runs the kernel's checkpatch.pl over the project's kernel C sources (kmod/ and
# the lab's test modules), or over the files given as arguments. checkpatch comes
# from Debian's linux-source package and is unpacked once into the ignored cache.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
labcache=${DRBD_LAB_CACHE:-$root/.cache/lab}
cache=$labcache/checkpatch
tarball=$(ls /usr/src/linux-source-*.tar.xz 2>/dev/null | sort -V | tail -n1 || true)

# the newest checkpatch at hand: 7.2's from the lab's source cache, else the
# installed linux-source package's
if [ -x "$labcache/linux-source-7.2/scripts/checkpatch.pl" ]; then
  cache=$labcache/linux-source-7.2
elif [ ! -x "$cache/scripts/checkpatch.pl" ]; then
  if [ -z "$tarball" ]; then
    echo "checkpatch: no /usr/src/linux-source-*.tar.xz (install linux-source-6.1)" >&2
    exit 1
  fi
  top=$(basename "$tarball" .tar.xz)
  mkdir -p "$cache"
  tar -xJf "$tarball" -C "$cache" --strip-components=1 \
    "$top/scripts/checkpatch.pl" "$top/scripts/spelling.txt" \
    "$top/scripts/const_structs.checkpatch"
fi

if [ $# -gt 0 ]; then
  files=("$@")
else
  mapfile -t files < <(cd "$root" && git ls-files -- 'kmod/*.[ch]' 'lab/**/*.[ch]' |
                       grep -v -e '-gen\.[ch]$' -e '_gen\.[ch]$' | sed "s|^|$root/|")
fi
if [ ${#files[@]} -eq 0 ]; then
  echo "checkpatch: no kernel sources to check"
  exit 0
fi

status=0
for f in "${files[@]}"; do
  if ! "$cache/scripts/checkpatch.pl" --no-tree --quiet --show-types --file "$f"; then
    status=1
  fi
done
[ "$status" -eq 0 ] && echo "checkpatch: ${#files[@]} files clean"
exit "$status"
