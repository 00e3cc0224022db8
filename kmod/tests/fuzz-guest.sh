#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Fuzzes both genl families of drbd.ko (drbd2 and the legacy drbd) with
# kmod/tests/fuzz/genl-fuzz.c, as root and as an unprivileged user, in a lab
# guest (or any disposable machine with no other DRBD loaded).
#
# Checks: the ops nlctrl reports as GENL_ADMIN_PERM are the generated tables'
# (and, for the legacy family, the in-tree 8.4 driver's: every doit op but
# get-status); both runs end without anomalies (a request without answer, an
# endless dump); as the unprivileged user every message that reaches an admin
# op fails with EPERM and the objects are unchanged; the objects can be
# deleted afterwards; rmmod succeeds; dmesg has no oops, WARN or BUG.
#
# Environment:
#   DRBD_KO      the drbd.ko to load (required)
#   DRBD_REPO    the repository root (default: derived from this script's path)
#   DRBD_KMOD    the kmod tree DRBD_KO was built from: its generated op tables
#                and uAPI headers are used (default: $DRBD_REPO/kmod)
#   FUZZ_BIN     a built genl-fuzz (default: built here with gcc)
#   FUZZ_COUNT   messages per family and user (default 100000)
#   FUZZ_SEED    PRNG seed (default: random; printed, both runs use it)
#   FUZZ_USER    uid:gid of the unprivileged run (default 65534:65534)
#   FUZZ_PARALLEL_COUNT  messages per family of each of the three concurrent
#                runs (two as root, one unprivileged; default FUZZ_COUNT / 5)
#   FUZZ_MANY    resources (with a device each) for the multi-part dumps that
#                run while everything is deleted and made again (default 150)
#   LAB_RESULTS  where to write fuzz.tap and the logs (default: mktemp)
#
# Lab use (from the repository root):
#   lab/bin/lab build-module 6.1 kmod .cache/lab/kmod-build/6.1
#   make -C kmod fuzz               # the fuzzer into .cache/lab/fuzz/genl-fuzz
#   lab/bin/lab run --kernel 6.1 --timeout 1200 --script kmod/tests/fuzz-guest.sh \
#       --env DRBD_REPO="$PWD" --env DRBD_KO="$PWD/.cache/lab/kmod-build/6.1/drbd.ko" \
#       --env FUZZ_BIN="$PWD/.cache/lab/fuzz/genl-fuzz"
#
# Exit status 0 when every check passed; fuzz.tap lists them.
set -uo pipefail

if [ -z "${DRBD_REPO:-}" ]; then
	DRBD_REPO=$(cd "$(dirname "$(readlink -f "$0")")/../.." && pwd)
fi
kmod=${DRBD_KMOD:-$DRBD_REPO/kmod}
out=${LAB_RESULTS:-$(mktemp -d)}
mkdir -p "$out"
tap=$out/fuzz.tap
: >"$tap"
: >"$out/times.txt"
count=${FUZZ_COUNT:-100000}
seed=${FUZZ_SEED:-$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')}
case $seed in 0x*) ;; *) seed=0x$seed ;; esac
user=${FUZZ_USER:-65534:65534}

n=0
failed=0
ok() {
	n=$((n + 1))
	echo "ok $n - $*" | tee -a "$tap"
}
not_ok() {
	n=$((n + 1))
	failed=$((failed + 1))
	echo "not ok $n - $*" | tee -a "$tap"
}
check() {	# check DESCRIPTION COMMAND...: passes if COMMAND succeeds
	local what=$1
	shift
	if "$@" >>"$out/checks.log" 2>&1; then ok "$what"; else not_ok "$what"; fi
}
timed() {	# timed NAME COMMAND...: runs COMMAND, appends its duration to times.txt
	local name=$1 t0 rc
	shift
	t0=$(date +%s.%N)
	"$@"
	rc=$?
	awk -v a="$t0" -v b="$(date +%s.%N)" -v n="$name" 'BEGIN { printf "%s %.1f s\n", n, b - a }' >>"$out/times.txt"
	return $rc
}

pat='BUG|WARNING|Oops|general protection|KASAN|refcount|list_del corruption|cut here'

# after each phase: an oops leaves the control-path mutex held and every later
# request hanging (uninterruptibly), so the test ends at the first one
oops_check() {	# oops_check PHASE
	dmesg >"$out/dmesg.txt" 2>&1
	grep -qE "$pat" "$out/dmesg.txt" || return 0
	not_ok "no oops, WARN or BUG in dmesg after $1"
	grep -E "$pat" "$out/dmesg.txt" | head -20
	echo "1..$n" >>"$tap"
	echo "seed $seed: stopped after $1, see dmesg.txt"
	exit 1
}

fuzz=${FUZZ_BIN:-}
if [ -z "$fuzz" ]; then
	fuzz=$out/genl-fuzz
	check "build genl-fuzz" gcc -O2 -Wall -I "$kmod/include/uapi" \
		-o "$fuzz" "$DRBD_REPO/kmod/tests/fuzz/genl-fuzz.c"
fi
echo "seed $seed count $count user $user kernel $(uname -r)" | tee "$out/params.txt"

dmesg -C 2>/dev/null || true
if [ -n "${LAB_LIB:-}" ]; then
	. "$LAB_LIB"
	check "insmod drbd.ko" lab_insmod "$DRBD_KO"
else
	check "insmod drbd.ko" insmod "$DRBD_KO"
fi

# the admin ops: nlctrl's view against the generated op tables
"$fuzz" -O >"$out/ops.txt" 2>&1
gen_admin() {	# gen_admin FILE PREFIX: commands flagged GENL_ADMIN_PERM in FILE
	awk -v p="$2" '/\.cmd[ \t]*=/ { c = $NF; sub(",", "", c); sub(p, "", c) }
		/GENL_ADMIN_PERM/ { print c }' "$1" | sort -u | paste -sd,
}
gen_doit() {	# gen_doit FILE PREFIX: commands with a doit handler in FILE
	awk -v p="$2" '/\.cmd[ \t]*=/ { c = $NF; sub(",", "", c); sub(p, "", c) }
		/\.doit[ \t]*=/ { print c }' "$1" | sort -u | paste -sd,
}
nl_admin() {	# nl_admin FAMILY: commands nlctrl reports with GENL_ADMIN_PERM
	sed -n "s/^admin $1: *//p" "$out/ops.txt" | tr , '\n' | sort -u | paste -sd,
}
d2_gen=$(gen_admin "$kmod/drbd2_nl_gen.c" DRBD2_CMD_)
v8_gen=$(gen_admin "$kmod/drbd_nl_legacy_gen.c" DRBD_ADM_)
v8_intree=$(gen_doit "$kmod/drbd_nl_legacy_gen.c" DRBD_ADM_ |
	tr , '\n' | grep -vx GET_STATUS | paste -sd,)
{
	echo "drbd2 generated: $d2_gen"
	echo "drbd2 nlctrl:    $(nl_admin drbd2)"
	echo "drbd generated:  $v8_gen"
	echo "drbd nlctrl:     $(nl_admin drbd)"
	echo "drbd in-tree:    $v8_intree"
} | tee "$out/admin-ops.txt"
check "drbd2: admin ops reported by nlctrl are the generated table's" \
	test -n "$d2_gen" -a "$d2_gen" = "$(nl_admin drbd2)"
check "drbd: admin ops reported by nlctrl are the generated table's" \
	test -n "$v8_gen" -a "$v8_gen" = "$(nl_admin drbd)"
check "drbd: admin ops are the in-tree 8.4 driver's (every doit but get-status)" \
	test "$v8_gen" = "$v8_intree"

# root, with a listener on both families' multicast groups
"$fuzz" -E 0 >"$out/events.txt" 2>&1 &
listener=$!
timed fuzz-root "$fuzz" -s "$seed" -n "$count" >"$out/root.txt" 2>&1
rc=$?
oops_check "the root run"
check "root: $count messages per family without anomalies (exit $rc)" test "$rc" -eq 0
for fam in drbd2 drbd; do
	sent=$(awk -v f=$fam '$1 == "result" && $2 == f { print $4 }' "$out/root.txt")
	check "root: $fam got ${sent:-0} messages" test "${sent:-0}" -eq "$count"
	okc=$(awk -v f=$fam '$1 == "errno" && $2 == f && $3 == "OK" { print $4 }' "$out/root.txt")
	check "root: $fam: ${okc:-0} requests succeeded (handlers reached)" test "${okc:-0}" -gt 0
done

# two root runs and an unprivileged one at the same time (other seeds)
pcount=${FUZZ_PARALLEL_COUNT:-$((count / 5))}
if [ "$pcount" -gt 0 ]; then
	t0=$(date +%s.%N)
	"$fuzz" -s "$((seed ^ 1))" -n "$pcount" >"$out/parallel1.txt" 2>&1 &
	p1=$!
	"$fuzz" -s "$((seed ^ 2))" -n "$pcount" >"$out/parallel2.txt" 2>&1 &
	p2=$!
	setpriv --reuid="${user%%:*}" --regid="${user##*:}" --clear-groups \
		"$fuzz" -e -s "$((seed ^ 3))" -n "$pcount" >"$out/parallel3.txt" 2>&1 &
	p3=$!
	wait "$p1"
	rc1=$?
	wait "$p2"
	rc2=$?
	wait "$p3"
	rc3=$?
	awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "fuzz-parallel %.1f s\n", b - a }' \
		>>"$out/times.txt"
	oops_check "the concurrent runs"
	check "parallel: two root runs of $pcount messages per family without anomalies (exit $rc1, $rc2)" \
		test "$rc1" -eq 0 -a "$rc2" -eq 0
	check "parallel: unprivileged run alongside, no violations or anomalies (exit $rc3)" \
		test "$rc3" -eq 0
fi
# multi-part dumps while the objects go away and come back
many=${FUZZ_MANY:-150}
if [ "$many" -gt 0 ]; then
	t0=$(date +%s.%N)
	check "many: delete what the fuzzers left" "$fuzz" -C
	check "many: make $many resources with a device each" "$fuzz" -M "$many"
	"$fuzz" -D 2 >"$out/dumps-static.txt" 2>&1
	check "many: every dump ends ($(tail -n 1 "$out/dumps-static.txt"))" \
		grep -q "failed 0$" "$out/dumps-static.txt"
	"$fuzz" -D 25 >"$out/dumps-concurrent.txt" 2>&1 &
	dumper=$!
	check "many: delete them while dumping" "$fuzz" -C
	check "many: make them again while dumping" "$fuzz" -M "$many"
	check "many: delete them again while dumping" "$fuzz" -C
	wait "$dumper"
	rc=$?
	check "many: concurrent dumps end ($(tail -n 1 "$out/dumps-concurrent.txt"))" \
		test "$rc" -eq 0
	awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "many-objects %.1f s\n", b - a }' \
		>>"$out/times.txt"
	oops_check "the multi-part dumps"
fi
kill -TERM "$listener"
wait "$listener"
for fam in drbd2 drbd; do
	ev=$(awk -v f=$fam '$1 == "events" && $2 == f { print $3 }' "$out/events.txt")
	check "listener: ${ev:-0} $fam events" test "${ev:-0}" -gt 0
done

# unprivileged, against known objects
check "root: delete what the fuzzers left" "$fuzz" -C
check "root: make fz0, fz1 with minors 0, 1 and a connection" "$fuzz" -S
"$fuzz" -L >"$out/objects.before.txt" 2>&1
cat /proc/drbd >"$out/proc.before.txt" 2>&1
timed fuzz-user setpriv --reuid="${user%%:*}" --regid="${user##*:}" --clear-groups \
	"$fuzz" -e -s "$seed" -n "$count" >"$out/user.txt" 2>&1
rc=$?
oops_check "the unprivileged run"
check "user $user: $count messages per family, no violations or anomalies (exit $rc)" \
	test "$rc" -eq 0
for fam in drbd2 drbd; do
	line=$(awk -v f=$fam '$1 == "check" && $2 == f' "$out/user.txt")
	reached=$(echo "$line" | awk '{ print $4 }')
	eperm=$(echo "$line" | awk '{ print $6 }')
	viol=$(echo "$line" | awk '{ print $8 }')
	check "user: $fam: ${reached:-0} messages reached admin ops, ${eperm:-0} got EPERM, ${viol:-?} violations" \
		test "${reached:-0}" -gt 0 -a "${viol:-1}" -eq 0
	sent=$(awk -v f=$fam '$1 == "result" && $2 == f { print $4 }' "$out/user.txt")
	check "user: $fam got ${sent:-0} messages" test "${sent:-0}" -eq "$count"
done
"$fuzz" -L >"$out/objects.after.txt" 2>&1
cat /proc/drbd >"$out/proc.after.txt" 2>&1
check "user: objects unchanged" cmp "$out/objects.before.txt" "$out/objects.after.txt"
check "user: /proc/drbd unchanged" cmp "$out/proc.before.txt" "$out/proc.after.txt"

check "root: delete everything" "$fuzz" -C
"$fuzz" -L >"$out/objects.end.txt" 2>&1
check "root: no objects left" test ! -s "$out/objects.end.txt"
check "root: objects again for the unload" "$fuzz" -S
check "rmmod drbd" rmmod drbd
check "drbd is gone" bash -c "! grep -qw '^drbd' /proc/modules"

dmesg >"$out/dmesg.txt" 2>&1
if grep -qE "$pat" "$out/dmesg.txt"; then
	not_ok "no oops, WARN or BUG in dmesg"
	grep -E "$pat" "$out/dmesg.txt" | head -20
else
	ok "no oops, WARN or BUG in dmesg"
fi

echo "1..$n" >>"$tap"
cat "$out/times.txt"
echo "seed $seed: $((n - failed)) of $n checks passed"
[ "$failed" -eq 0 ]
