#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Writes the fuzzer's drbd2 tables (tests/fuzz/drbd2-tables.h) from drbd2.yaml.

Every attribute set of the spec becomes a struct fz_set, every operation and
notification a struct fz_cmd with the attributes of its do and dump request
policies, so the fuzzer knows each op the family has without a hand-kept copy.
The values the fuzzer prefers ("roles") follow from the attribute's name and
its checks: resource names, minors, volumes, node ids, paths, metadata
indexes, socket addresses, and ranges from checks: or an enum.

Usage: gen-tables.py SPEC OUT    (kmod/gen/regen.sh runs it, --check diffs)
"""
import sys

import yaml

HEADER = """\
/* SPDX-License-Identifier: GPL-2.0 */
/* Do not edit directly, auto-generated from: */
/*\t{spec} */
/* by kmod/tests/fuzz/gen-tables.py */
"""

KINDS = {"flag": "K_FLAG", "u8": "K_U8", "u32": "K_U32", "s32": "K_S32",
         "u64": "K_U64", "string": "K_STR", "binary": "K_BIN", "nest": "K_NEST"}
ROLE_BY_NAME = {"minor": "R_MINOR", "volume": "R_VOLUME", "node-id": "R_NODE",
                "peer-node-id": "R_NODE", "backing-dev": "R_PATH", "meta-dev": "R_PATH",
                "meta-idx": "R_META_IDX", "my-addr": "R_ADDR", "peer-addr": "R_ADDR"}
# a set's attribute bits share a u32 with MASK_VALID (bit 31)
MAX_MASK_TYPE = 30


def c_name(name):
    return name.upper().replace("-", "_")


class Spec:
    def __init__(self, doc):
        self.prefix = c_name(doc["name"])
        self.consts = {}
        self.enums = {}
        for d in doc.get("definitions", []):
            if d["type"] == "const":
                self.consts[d["name"]] = d["value"]
            elif d["type"] == "enum":
                start = d.get("value-start", 0)
                n = len(d["entries"])
                self.enums[d["name"]] = (start, start + n - 1)
        self.sets = doc["attribute-sets"]
        self.ops = doc["operations"]["list"]

    def limit(self, value):
        """A checks: value as C: a definition's constant or a number."""
        if isinstance(value, str):
            if value not in self.consts:
                sys.exit(f"gen-tables: unknown constant {value}")
            return f"{self.prefix}_{c_name(value)}"
        return str(value)

    def value(self, value):
        """A checks: value as a number."""
        return self.consts[value] if isinstance(value, str) else value

    def set_ident(self, name):
        return "d2_set_" + name.replace("-", "_")

    def attr_enum(self, set_name, attr):
        return f"{self.prefix}_A_{c_name(set_name)}_{c_name(attr)}"

    def numbers(self, s):
        """Attribute name -> number (from 1, "value:" restarts the count)."""
        out, n = {}, 0
        for a in s["attributes"]:
            n = a.get("value", n + 1)
            out[a["name"]] = n
        return out

    def attr_row(self, set_name, a):
        if a["type"] == "pad":
            return None
        kind = KINDS.get(a["type"])
        if kind is None:
            sys.exit(f"gen-tables: {set_name}.{a['name']}: type {a['type']} unknown")
        ident = self.attr_enum(set_name, a["name"])
        if kind == "K_NEST":
            return f"\tNEST({ident}, {self.set_ident(a['nested-attributes'])}),"
        checks = a.get("checks", {})
        role, lo, hi = ROLE_BY_NAME.get(a["name"], "R_NONE"), "0", "0"
        if kind in ("K_STR", "K_BIN"):
            if set_name == "resource" and a["name"] == "name" or a["name"] == "resource":
                role = "R_NAME"
            if "max-len" in checks:
                hi = self.limit(checks["max-len"])
            elif kind == "K_BIN":
                hi = "128"
        elif role == "R_META_IDX":
            hi = self.limit(checks.get("max", 0))
        elif role == "R_NONE" and "enum" in a:
            start, end = self.enums[a["enum"]]
            role, lo, hi = "R_RANGE", str(start), str(end)
        elif role == "R_NONE" and ("min" in checks or "max" in checks):
            lo_v = self.value(checks.get("min", 0))
            hi_v = self.value(checks.get("max", 0xffffffff))
            if 0 <= lo_v <= hi_v <= 0xffffffff:	# the fuzzer's ranges are u32
                role = "R_RANGE"
                lo = self.limit(checks.get("min", 0))
                hi = self.limit(checks.get("max", 0xffffffff))
        return f"\tATTR({ident}, {kind}, {role}, {lo}, {hi}),"

    def sets_in_order(self):
        """Nested sets before the sets that nest them (C needs them declared)."""
        by_name = {s["name"]: s for s in self.sets}
        done, order = set(), []

        def visit(name, stack):
            if name in done:
                return
            if name in stack:
                sys.exit(f"gen-tables: attribute sets nest in a loop at {name}")
            for a in by_name[name]["attributes"]:
                if a["type"] == "nest":
                    visit(a["nested-attributes"], stack + [name])
            done.add(name)
            order.append(by_name[name])

        for s in self.sets:
            visit(s["name"], [])
        return order

    def mask(self, set_name, names):
        if not names:
            return "0"
        nums = self.numbers(next(s for s in self.sets if s["name"] == set_name))
        bits = []
        for n in names:
            if nums[n] > MAX_MASK_TYPE:
                sys.exit(f"gen-tables: {set_name}.{n} is beyond the fuzzer's mask")
            bits.append(f"B({self.attr_enum(set_name, n)})")
        return " |\n\t   ".join(bits)

    def cmd_rows(self):
        by_name = {op["name"]: op for op in self.ops}
        rows = []
        for op in self.ops:
            target = by_name[op["notify"]] if "notify" in op else op
            set_name = target.get("attribute-set", op.get("attribute-set"))
            if set_name is None:
                continue
            ident = f"{self.prefix}_CMD_{c_name(op['name'])}"
            if "notify" in op or "event" in op:
                dump, do_a, dump_a = 0, [], []
            else:
                do_a = op.get("do", {}).get("request", {}).get("attributes", [])
                dump_a = op.get("dump", {}).get("request", {}).get("attributes", [])
                dump = {(True, False): 0, (False, True): 1, (True, True): 2}[
                    ("do" in op, "dump" in op)]
            rows.append(f"\tD2({ident}, \"{c_name(op['name'])}\", "
                        f"{self.set_ident(set_name)}, {dump},\n"
                        f"\t   {self.mask(set_name, do_a)},\n"
                        f"\t   {self.mask(set_name, dump_a)}),")
        return rows

    def render(self, spec_path):
        out = [HEADER.format(spec=spec_path)]
        out.append("#define B(a)\t(1U << (a))\n")
        for s in self.sets_in_order():
            name = s["name"]
            ident = self.set_ident(name)
            out.append(f"static const struct fz_attr {ident}_attrs[] = {{")
            out.extend(r for r in (self.attr_row(name, a) for a in s["attributes"]) if r)
            out.append("};\n")
            out.append(f"static const struct fz_set {ident} =\n"
                       f"\tSET({ident}_attrs, {self.prefix}_A_{c_name(name)}_MAX);\n")
        out.append("#define D2(c, n, s, d, a, da)\t"
                   "{ .cmd = (c), .name = (n), .set = &(s), .dump = (d), \\\n"
                   "\t\t\t\t  .do_attrs = (a), .dump_attrs = (da) }\n")
        out.append("/* requests have request attributes; the notifications are sent too */")
        out.append("static const struct fz_cmd d2_cmds[] = {")
        out.extend(self.cmd_rows())
        out.append("};\n")
        out.append("#undef D2\n#undef B")
        return "\n".join(out) + "\n"


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: gen-tables.py SPEC OUT")
    spec_path, out_path = sys.argv[1], sys.argv[2]
    with open(spec_path, encoding="utf-8") as f:
        spec = Spec(yaml.safe_load(f))
    shown = spec_path.split("/")[-2:]
    text = spec.render("/".join(shown))
    with open(out_path, "w", encoding="utf-8") as f:
        f.write(text)


if __name__ == "__main__":
    main()
