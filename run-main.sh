#!/bin/bash
# The project's main job: builds the tools, then boots two QEMU guests joined by
# a private link, brings DRBD up on both with the project's drbdadm and replicates
# data between them, checking that the peer's disk holds the same bytes (see
# lab/bin/lab demo).
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")"

scripts/install-deps.sh
lab/bin/lab setup
mvn -B -ntp -q install -DskipTests
exec lab/bin/lab demo
