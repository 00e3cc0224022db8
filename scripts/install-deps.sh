#!/bin/bash
# Installs the host packages the build, the tests and the kernel lab need.
# Idempotent: packages already present are left alone, and apt's lists are
# refreshed only when something has to be installed.
set -euo pipefail

packages=(
  # build
  openjdk-17-jdk-headless maven
  # reference implementation (drbdadm, drbdsetup, drbdmeta and the 8.4 tools)
  drbd-utils
  # kernel lab: emulator, the bookworm kernel with its in-tree drbd.ko, headers
  qemu-system-x86 linux-image-amd64 linux-headers-amd64 busybox-static cpio kmod
  iproute2 xz-utils zstd debootstrap dwarves make gcc bc libelf-dev
  # lab v8 acceptance: netlink captures on nlmon in the guests
  tcpdump
  # kernel sources: protocol facts and checkpatch.pl
  linux-source-6.1
  # YNL specs: schema validation and the kernel's generator
  python3-yaml python3-jsonschema
  # man pages are rendered in tests
  man-db groff-base
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "install-deps: missing packages (${missing[*]}); run as root to install them" >&2
  exit 1
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get -o DPkg::Lock::Timeout=900 update -q
apt-get -o DPkg::Lock::Timeout=900 install -y -q --no-install-recommends "${missing[@]}"
