#!/bin/bash
# Runs every test of the project: installs what the host lacks (Debian packages,
# the lab's kernels and build chroot, Maven dependencies), builds the reactor,
# runs the host tests and the QEMU lab tests, and prints a summary.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")"

scripts/install-deps.sh
lab/bin/lab setup
scripts/checkpatch.sh
kmod/gen/regen.sh --check   # the committed generated files match drbd2.yaml

# Lab tests must run: with LAB_REQUIRED set, a lab that cannot start fails them.
export LAB_REQUIRED=1
status=0
mvn -B -ntp -Plab -DLAB_REQUIRED=1 install || status=$?
scripts/test-summary.py --require-module lab || status=$((status ? status : 1))
exit "$status"
