#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Regenerates the generated kernel files of both netlink families with the
# kernel's own ynl_gen_c.py (pinned in kmod/gen/ynl-version):
#
# drbd2 (genl-drbd2/drbd2.yaml, genetlink-c):
#   kmod/include/uapi/linux/drbd2.h         --mode uapi   --header
#   kmod/drbd2_nl_gen.h                     --mode kernel --header
#   kmod/drbd2_nl_gen.c                     --mode kernel --source
#   kmod/tests/fuzz/drbd2-tables.h          the fuzzer's sets and ops
#                                           (kmod/tests/fuzz/gen-tables.py)
# drbd, the legacy 8.4 family (genl-v8/drbd.yaml, genetlink-legacy, global
# policy, small ops):
#   kmod/include/uapi/linux/drbd_legacy.h   --mode uapi   --header
#   kmod/drbd_nl_legacy_gen.h               --mode kernel --header
#   kmod/drbd_nl_legacy_gen.c               --mode kernel --source
#
# The legacy spec's definitions name the in-tree headers (linux/drbd.h, ...)
# that drbd.ko must not use; gen/kernel-spec.py feeds the generator a view of
# the spec without those "header:" keys and with its own uAPI header name, so
# the enums and consts are generated too (see there).
#
# Usage: kmod/gen/regen.sh           rewrite the files (only when they change)
#        kmod/gen/regen.sh --check   regenerate into a temporary directory and
#                                    diff; exit 1 if a committed file drifted
#
# The generator wants the spec below a directory that holds the schema
# (<root>/<protocol>.yaml, spec at <root>/<dir>/<spec>.yaml) and a file named
# MAINTAINERS somewhere above the spec (it walks up until it finds one). Both
# are provided in a scratch layout that mirrors the repository, so the banner
# records the spec as e.g. "genl-drbd2/drbd2.yaml" and the repository root
# needs neither schema copies nor a MAINTAINERS marker.
#
# Environment: YNL_KSRC  a kernel tree with tools/net/ynl and
#                        Documentation/netlink (default: fetched by
#                        kmod/gen/fetch-ynl.sh into the ignored cache)
set -euo pipefail

here=$(cd "$(dirname "$(readlink -f "$0")")" && pwd)
root=$(cd "$here/../.." && pwd)

check=0
case "${1:-}" in
--check) check=1 ;;
"") ;;
*) echo "usage: $0 [--check]" >&2; exit 2 ;;
esac

ksrc=${YNL_KSRC:-$("$here/fetch-ynl.sh")}
gen=$ksrc/tools/net/ynl/pyynl/ynl_gen_c.py
[ -f "$gen" ] || { echo "regen: no $gen" >&2; exit 1; }

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/layout" "$scratch/out/include/uapi/linux"
: >"$scratch/layout/MAINTAINERS"

# spec (relative to the repository)|uapi header override or "-"|outputs
# (relative to kmod/) with their generator arguments
families=(
	"genl-drbd2/drbd2.yaml|-"
	"genl-v8/drbd.yaml|linux/drbd_legacy.h"
)
declare -A outputs=(
	[genl-drbd2/drbd2.yaml]="include/uapi/linux/drbd2.h:--mode uapi --header;drbd2_nl_gen.h:--mode kernel --header;drbd2_nl_gen.c:--mode kernel --source"
	[genl-v8/drbd.yaml]="include/uapi/linux/drbd_legacy.h:--mode uapi --header;drbd_nl_legacy_gen.h:--mode kernel --header;drbd_nl_legacy_gen.c:--mode kernel --source"
)

files=()
for f in "${families[@]}"; do
	spec_rel=${f%%|*}
	uapi=${f#*|}
	protocol=$(sed -n 's/^protocol:[[:space:]]*\([a-z-]*\).*/\1/p' "$root/$spec_rel")
	schema=$ksrc/Documentation/netlink/$protocol.yaml
	[ -f "$schema" ] || { echo "regen: no schema $schema" >&2; exit 1; }
	mkdir -p "$scratch/layout/${spec_rel%/*}"
	cp "$schema" "$scratch/layout/$protocol.yaml"
	if [ "$uapi" = - ]; then
		cp "$root/$spec_rel" "$scratch/layout/$spec_rel"
	else
		python3 "$here/kernel-spec.py" "$root/$spec_rel" "$uapi" \
			"$scratch/layout/$spec_rel"
	fi
	IFS=';' read -r -a outs <<<"${outputs[$spec_rel]}"
	for o in "${outs[@]}"; do
		file=${o%%:*}
		# shellcheck disable=SC2086 # word splitting of the argument list is wanted
		(cd "$scratch/layout" &&
		 timeout 60 python3 "$gen" ${o#*:} --spec "$scratch/layout/$spec_rel" \
			-o "$scratch/out/$file")
		files+=("$file|$spec_rel")
	done
done

# the fuzzer's drbd2 tables (tests/fuzz/genl-fuzz.c includes them)
mkdir -p "$scratch/out/tests/fuzz"
python3 "$root/kmod/tests/fuzz/gen-tables.py" "$root/genl-drbd2/drbd2.yaml" \
	"$scratch/out/tests/fuzz/drbd2-tables.h"
files+=("tests/fuzz/drbd2-tables.h|genl-drbd2/drbd2.yaml")

status=0
for fs in "${files[@]}"; do
	file=${fs%%|*}
	spec_rel=${fs#*|}
	if [ "$check" = 1 ]; then
		if ! diff -u "$root/kmod/$file" "$scratch/out/$file"; then
			echo "regen: kmod/$file does not match $spec_rel (run kmod/gen/regen.sh)" >&2
			status=1
		fi
	elif ! cmp -s "$scratch/out/$file" "$root/kmod/$file"; then
		mkdir -p "$(dirname "$root/kmod/$file")"
		cp "$scratch/out/$file" "$root/kmod/$file"
		echo "regen: wrote kmod/$file"
	fi
done
if [ "$check" = 1 ] && [ "$status" = 0 ]; then
	echo "regen: generated files match genl-drbd2/drbd2.yaml and genl-v8/drbd.yaml"
fi
exit "$status"
