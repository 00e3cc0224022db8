#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Fetches the pinned kernel source (Debian sid's linux-source-7.2) through a
# private apt configuration and unpacks only what the code generator and the
# pyynl CLI need: tools/net/ynl and Documentation/netlink (the schemas), plus
# this kernel's checkpatch (scripts/checkpatch.sh prefers it when present).
# Everything lands in the ignored cache <repo>/.cache/lab; the system's apt
# sources are never touched.
#
# Usage: kmod/gen/fetch-ynl.sh        prints the unpacked tree's path
# Environment: DRBD_LAB_CACHE (default <repo>/.cache/lab),
#              DRBD_LAB_MIRROR (default http://deb.debian.org/debian)
set -euo pipefail

here=$(cd "$(dirname "$(readlink -f "$0")")" && pwd)
root=$(cd "$here/../.." && pwd)
# shellcheck disable=SC1091 # sourced from this directory
. "$here/ynl-version"

cache=${DRBD_LAB_CACHE:-$root/.cache/lab}
mirror=${DRBD_LAB_MIRROR:-http://deb.debian.org/debian}
tree=$cache/$YNL_SRC_PKG
apt=$cache/kmod-apt

if [ -f "$tree/.ready" ] && [ "$(cat "$tree/.ready")" = "$YNL_SRC_VERSION" ]; then
	echo "$tree"
	exit 0
fi

mkdir -p "$apt/lists/partial" "$apt/archives/partial" "$apt/debs"
[ -f "$apt/status" ] || : >"$apt/status"
printf 'deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] %s sid main\n' \
	"$mirror" >"$apt/sources.list"
opts=(-o "Dir::Etc::sourcelist=$apt/sources.list" -o "Dir::Etc::sourceparts=-"
      -o "Dir::State::lists=$apt/lists" -o "Dir::State::status=$apt/status"
      -o "Dir::Cache::archives=$apt/archives" -o "Dir::Cache::pkgcache=$apt/pkgcache.bin"
      -o "Dir::Cache::srcpkgcache=$apt/srcpkgcache.bin" -o "APT::Architecture=amd64"
      -o "Debug::NoLocking=1")

deb=$(ls "$apt/debs/${YNL_SRC_PKG}_${YNL_SRC_VERSION}_all.deb" 2>/dev/null || true)
if [ -z "$deb" ]; then
	apt-get -q "${opts[@]}" update >&2
	(cd "$apt/debs" && apt-get -q "${opts[@]}" download \
		"$YNL_SRC_PKG=$YNL_SRC_VERSION" 2>&1 | grep -v '^W: Download is performed unsandboxed' >&2) || true
	deb=$apt/debs/${YNL_SRC_PKG}_${YNL_SRC_VERSION}_all.deb
	[ -f "$deb" ] || { echo "fetch-ynl: could not download $YNL_SRC_PKG=$YNL_SRC_VERSION" >&2; exit 1; }
fi

rm -rf "$tree.tmp"
mkdir -p "$tree.tmp"
dpkg-deb --fsys-tarfile "$deb" |
	tar -xO "./usr/src/$YNL_SRC_PKG.tar.xz" |
	tar -xJ -C "$tree.tmp" --strip-components=1 \
		"$YNL_SRC_PKG/tools/net/ynl" "$YNL_SRC_PKG/Documentation/netlink" \
		"$YNL_SRC_PKG/scripts/checkpatch.pl" "$YNL_SRC_PKG/scripts/spelling.txt" \
		"$YNL_SRC_PKG/scripts/const_structs.checkpatch"
echo "$YNL_SRC_VERSION" >"$tree.tmp/.ready"
rm -rf "$tree"
mv "$tree.tmp" "$tree"
echo "$tree"
