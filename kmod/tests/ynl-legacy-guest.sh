#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The legacy drbd family driven by the kernel's pyynl CLI with nothing but
# the genl-v8 spec (genl-v8/drbd.yaml), run as root in a lab guest booted
# with the in-tree drbd.ko loaded (lab run --modules drbd): the same request
# sequence runs first against the in-tree DRBD 8.4 driver, then (after
# rmmod) against our drbd.ko, with a `--subscribe events` listener running
# during each; the two logs are compared and a unified diff is printed on
# a mismatch (issue 6, acceptance 3, second half).
#
# The sequence: new-resource with and without res-opts (and with NLM_F_EXCL
# on an existing one), new-minor (also duplicate, with NLM_F_EXCL, in
# another resource, out of range, without volume), get-status do (minor,
# minor + resource) and dump (all, one resource, a resource without
# volumes, an unknown one), the object dumps get-resources, get-devices,
# get-connections, get-peer-devices without and with a resource filter,
# get-timeout-type, resource-opts (values, set-defaults), error cases
# (unknown minor 127, unknown resource 158, resource in use 159, minor or
# volume exists 161, invalid request 162, missing name 126), del-minor,
# del-resource, down.
#
# How the CLI expresses the legacy parts:
# - The fixed header (struct drbd_genlmsghdr) is part of the JSON request:
#   pyynl takes the members of the op's fixed-header struct ("minor",
#   "flags") out of the --json object and encodes the rest as attributes.
#   An absent member is sent as 0, so every request names its minor
#   (4294967295 = ~0 for resource-scoped requests and dumps); "flags": 1 is
#   DRBD_GENL_F_SET_DEFAULTS.
# - Replies decode the fixed header with the same struct, so the reply's
#   ret_code (the union's other half) prints as "flags" (101 = NO_ERROR,
#   state-rv values as unsigned 32-bit numbers); the cfg-reply info text is
#   in "cfg-reply".
# - The resource filter of a dump is the cfg-context in the request (the
#   spec's dump request attributes); the fixed header of a dump names no
#   object (minor ~0).
# - NLM_F_EXCL: the CLI's --excl.
# - pyynl asks for an ACK on every request and sets NLA_F_NESTED on nests
#   but never DRBD's mandatory bit (0x4000 = NLA_F_NET_BYTEORDER to pyynl,
#   masked on decode): the requests are those of a tool that sends no
#   mandatory bits (kmod/tests/legacy-wire.py covers the bits).
# - --process-unknown: an attribute outside the spec is printed as
#   UnknownAttr(N) instead of aborting the decode (none is expected).
# - Not expressible: requests the spec does not describe (unknown fields,
#   strings without NUL, mandatory bits); see legacy-wire.py.
#
# Normalisation between the two runs: none. The CLI prints no sequence
# numbers or port ids; the replies and notifications of a diskless,
# unconnected configuration carry no timestamps, and their statistics
# (device-statistics, resource-statistics) are zero or fixed in both.
#
# Deliberate difference (named "endless-unknown-resource-dump", kept out of
# the compared logs): get-devices, get-connections and get-peer-devices
# dumps filtered by an unknown resource. The in-tree driver answers with an
# ERR_RES_NOT_KNOWN (158) entry whose cursor never advances, so the dump
# never ends (the CLI is stopped by `timeout`, rc 124, no output); ours sends
# that entry once and ends the dump. They are logged apart, in
# *.endless.txt.
#
# Environment:
#   DRBD_KO     our drbd.ko (required)
#   DRBD_REPO   the repository root (default: derived from this script's path)
#   YNL_KSRC    kernel tree with tools/net/ynl and Documentation/netlink
#               (default: the lab cache's linux-source-7.2)
#   LAB_RESULTS where the results go (default: mktemp)
#
# Each CLI call costs seconds in an emulated guest, so consecutive do
# requests go out in one call with --multi (one netlink send; the kernel
# handles the messages in order, the CLI prints the replies as a list in
# request order); dumps and requests with --excl get a call of their own.
#
# Results: intree.ynl.txt, ours.ynl.txt (one block per CLI call: its
# requests, stdout with each JSON line pretty-printed, stderr, exit code),
# intree.events.txt, ours.events.txt (the listener's notifications),
# intree.endless.txt, ours.endless.txt, validate.txt (the spec checked
# against the genetlink-legacy schema), compare.txt ("identical" or the
# unified diffs), times.txt, dmesg.txt.
# Exit status 0 when the script ran to the end (the caller,
# lab/src/test/.../KmodYnlLegacyGuestTest.java, judges the results);
# compare.txt says whether the logs matched.
set -uo pipefail

if [ -z "${DRBD_REPO:-}" ]; then
	DRBD_REPO=$(cd "$(dirname "$(readlink -f "$0")")/../.." && pwd)
fi
YNL_KSRC=${YNL_KSRC:-$DRBD_REPO/.cache/lab/linux-source-7.2}
out=${LAB_RESULTS:-$(mktemp -d)}
mkdir -p "$out"
py=/usr/bin/python3
cli=$YNL_KSRC/tools/net/ynl/pyynl/cli.py
schema=$YNL_KSRC/Documentation/netlink/genetlink-legacy.yaml
spec=$DRBD_REPO/genl-v8/drbd.yaml
tmp=$(mktemp -d)
# the guest's root is read-only: compile the CLI's modules once per boot
unset PYTHONDONTWRITEBYTECODE
export PYTHONPYCACHEPREFIX=$tmp/pycache
NONE=4294967295		# ~0: no minor

if [ -z "${DRBD_KO:-}" ] || [ ! -f "$DRBD_KO" ]; then
	echo "DRBD_KO not set or missing" >&2
	exit 2
fi

# every JSON line of stdin pretty-printed (key order kept), other lines as they are
cat >"$tmp/fmt.py" <<'EOF'
import json
import sys

for line in sys.stdin:
    try:
        print(json.dumps(json.loads(line), indent=1))
    except ValueError:
        sys.stdout.write(line)
EOF

ynl() {
	"$py" "$cli" --spec "$spec" --no-schema --process-unknown --output-json "$@"
}

N=0
LOG=/dev/null
# log HEADER: the last CLI call's outputs as one block of $LOG
log() {
	{
		echo "=== [$N] $1"
		echo "--- stdout"
		"$py" "$tmp/fmt.py" <"$tmp/o"
		echo "--- stderr"
		cat "$tmp/e"
		echo "--- rc=$rc"
	} >>"$LOG"
}

# Do requests are collected (ydo OP JSON) and sent by one CLI call with
# --multi (one netlink send, the replies in request order) when a request
# of another kind follows: each CLI call costs seconds in an emulated guest.
batch=()
batch_text=
ydo() {
	batch+=(--multi "$1" "$2")
	batch_text+=$'\n'"+ $1 $2"
}
flush() {
	[ ${#batch[@]} -eq 0 ] && return
	N=$((N + 1))
	ynl "${batch[@]}" >"$tmp/o" 2>"$tmp/e"
	rc=$?
	log "--multi ($((${#batch[@]} / 3)) requests)$batch_text"
	batch=()
	batch_text=
}
# ydo1 OP JSON CLI-OPTION...: a do request on its own (with --excl etc.)
ydo1() {
	flush
	local op=$1 json=$2
	shift 2
	N=$((N + 1))
	ynl --do "$op" --json "$json" "$@" >"$tmp/o" 2>"$tmp/e"
	rc=$?
	log "--do $op $json $*"
}
# ydump OP JSON: a dump request
ydump() {
	flush
	N=$((N + 1))
	ynl --dump "$1" --json "$2" >"$tmp/o" 2>"$tmp/e"
	rc=$?
	log "--dump $1 $2"
}

# endless DUMP-OP: a dump filtered by an unknown resource, stopped after 8 s
endless() {
	timeout 8 "$py" "$cli" --spec "$spec" --no-schema --process-unknown --output-json \
		--dump "$1" --json "{\"minor\": $NONE, \"cfg-context\": {\"ctx-resource-name\": \"nores\"}}" \
		>"$tmp/o" 2>"$tmp/e"
	rc=$?
	{
		echo "=== --dump $1 nores"
		echo "--- stdout"
		"$py" "$tmp/fmt.py" <"$tmp/o"
		echo "--- stderr"
		cat "$tmp/e"
		echo "--- rc=$rc"
	} >>"$ENDLESS"
}

ctx() {	# ctx NAME [VOLUME]: a cfg-context
	if [ $# -gt 1 ]; then
		echo "{\"ctx-resource-name\": \"$1\", \"ctx-volume\": $2}"
	else
		echo "{\"ctx-resource-name\": \"$1\"}"
	fi
}
res() {	# res NAME [MORE-JSON]: a resource-scoped request
	echo "{\"minor\": $NONE, \"cfg-context\": $(ctx "$1")${2:+, $2}}"
}
minor() {	# minor N [NAME VOLUME]: a minor-scoped request
	if [ $# -gt 2 ]; then
		echo "{\"minor\": $1, \"cfg-context\": $(ctx "$2" "$3")}"
	elif [ $# -gt 1 ]; then
		echo "{\"minor\": $1, \"cfg-context\": $(ctx "$2")}"
	else
		echo "{\"minor\": $1}"
	fi
}
ALL="{\"minor\": $NONE}"

# the sequence both drivers run
sequence() {
	ydo new-resource "$(res r0 '"resource-opts": {"cpu-mask": "1", "on-no-data": "suspend-io"}')"
	ydo new-resource "$(res r1)"
	ydo new-resource "$(res r2 '"resource-opts": {"on-no-data": "io-error"}')"
	ydo new-minor "$(minor 0 r0 0)"
	ydo new-minor "$(minor 1 r1 0)"
	ydo new-minor "$(minor 2 r0 1)"
	# get-status
	ydo get-status "$(minor 0)"
	ydo get-status "$(minor 2)"
	ydo get-status "$(minor 1 r1)"
	ydump get-status "$ALL"
	ydump get-status "$(res r0)"
	ydump get-status "$(res r1)"
	ydump get-status "$(res r2)"
	ydump get-status "$(res nores)"
	# the object dumps, without and with a resource filter
	ydump get-resources "$ALL"
	ydump get-resources "$(res r1)"
	ydump get-devices "$ALL"
	ydump get-devices "$(res r0)"
	ydump get-devices "$(res r2)"
	ydump get-connections "$ALL"
	ydump get-connections "$(res r0)"
	ydump get-peer-devices "$ALL"
	ydump get-peer-devices "$(res r0)"
	ydo get-timeout-type "$(minor 0)"
	ydo get-timeout-type "$(minor 2)"
	# resource-opts
	ydo resource-opts "$(res r0 '"resource-opts": {"cpu-mask": "3"}')"
	ydump get-resources "$ALL"
	ydo resource-opts "$(res r1 '"resource-opts": {"on-no-data": "suspend-io"}')"
	ydo get-status "$(minor 1)"
	ydo resource-opts "$(res r0 '"flags": 1')"
	ydump get-status "$(res r0)"
	ydo resource-opts "$(res r1 '"flags": 1, "resource-opts": {"cpu-mask": "2"}')"
	ydump get-resources "$ALL"
	# errors
	ydo get-status "$(minor 42)"
	ydo get-status "$ALL"
	ydo get-status "$(minor 0 r1)"
	ydo get-timeout-type "$(minor 42)"
	ydo del-minor "$(minor 42)"
	ydo new-minor "$(minor 3 nores 0)"
	ydo resource-opts "$(res nores '"resource-opts": {"cpu-mask": "1"}')"
	ydo del-resource "$(res nores)"
	ydo down "$(res nores)"
	ydo new-resource "$(res "")"
	ydo new-resource "$ALL"
	ydo new-resource "$(res r0)"
	ydo1 new-resource "$(res r0)" --excl
	ydo new-resource "$(res r0 '"resource-opts": {"cpu-mask": "7"}')"
	ydo new-minor "$(minor 0 r0 0)"
	ydo1 new-minor "$(minor 0 r0 0)" --excl
	ydo new-minor "$(minor 4 r0 0)"
	ydo new-minor "$(minor 0 r0 3)"
	ydo new-minor "$(minor 1 r0 5)"
	ydo new-minor "$(minor 9 r0)"
	ydo new-minor "$(minor 1048576 r0 7)"
	ydo del-resource "$(res r0)"
	ydump get-resources "$ALL"
	# teardown
	ydo del-minor "$(minor 2)"
	ydo del-minor "$(minor 2)"
	ydump get-devices "$ALL"
	ydo down "$(res r1)"
	ydo down "$(res r1)"
	ydo del-minor "$(minor 0)"
	ydo del-resource "$(res r0)"
	ydo del-resource "$(res r2)"
	ydo del-resource "$(res r2)"
	ydump get-status "$ALL"
	ydump get-resources "$ALL"
	ydump get-devices "$ALL"
	flush
}

# the listener: events_start FILE / events_stop
events_start() {
	PYTHONUNBUFFERED=1 ynl --subscribe events --duration 1800 >"$tmp/events" 2>&1 &
	evpid=$!
	evfile=$1
	# subscribed right after its netlink socket exists
	local n=0 fd
	while [ $n -lt 120 ]; do
		for fd in /proc/"$evpid"/fd/*; do
			case $(readlink "$fd") in socket:*) n=999 ;; esac
		done
		n=$((n + 1))
		[ $n -lt 999 ] && sleep 0.5
	done
	sleep 3
}
events_stop() {
	sleep 3
	kill "$evpid" 2>/dev/null
	wait "$evpid" 2>/dev/null
	"$py" "$tmp/fmt.py" <"$tmp/events" >"$evfile"
}

# run_driver NAME: the sequence and the endless dumps against the loaded driver
run_driver() {
	N=0
	LOG=$out/$1.ynl.txt
	ENDLESS=$out/$1.endless.txt
	: >"$LOG"
	: >"$ENDLESS"
	events_start "$out/$1.events.txt"
	sequence
	events_stop
	# after the listener: the in-tree driver's endless dumps would only add noise
	ydo new-resource "$(res e0)"
	flush
	endless get-devices
	endless get-connections
	endless get-peer-devices
	ydo down "$(res e0)"
	flush
}

"$py" "$cli" --validate --spec "$spec" --schema "$schema" >"$out/validate.txt" 2>&1
echo "rc=$?" >>"$out/validate.txt"

t0=$(date +%s)
# --- in-tree driver ----------------------------------------------------------
if grep -q '^drbd ' /proc/modules; then
	run_driver intree
	rmmod drbd || echo "rmmod of the in-tree drbd failed" >&2
else
	echo "in-tree drbd not loaded (lab run --modules drbd)" >"$out/intree.ynl.txt"
fi
t1=$(date +%s)

# --- our drbd.ko -------------------------------------------------------------
dmesg -C 2>/dev/null || true
if insmod "$DRBD_KO"; then
	run_driver ours
	rmmod drbd || echo "rmmod of our drbd.ko failed" >&2
else
	echo "insmod $DRBD_KO failed" >"$out/ours.ynl.txt"
fi
dmesg >"$out/dmesg.txt" 2>&1
t2=$(date +%s)

# --- comparison --------------------------------------------------------------
{
	same=1
	for f in ynl events; do
		if ! diff -u --label "intree.$f.txt" --label "ours.$f.txt" \
			"$out/intree.$f.txt" "$out/ours.$f.txt"; then
			same=0
		fi
	done
	[ $same = 1 ] && echo identical
} >"$out/compare.txt" 2>&1
cat "$out/compare.txt"
echo "in-tree $((t1 - t0)) s, ours $((t2 - t1)) s" >"$out/times.txt"
rm -rf "$tmp"
exit 0
