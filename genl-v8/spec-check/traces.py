# SPDX-License-Identifier: GPL-2.0-or-later
"""The `traces` check: captured v8 traffic against the spec."""

import os
import re

from common import MANDATORY_BIT, NESTED_BIT, Report, c_upper, under
from spec import Spec, attr_flags, check_rules, event_attrs, op_reply_attrs, parse_tags


PKT_RE = re.compile(r"^\[pkt \S+ msg \S+ t=\S+\]\s+(\w+)")
NLH_RE = re.compile(r"nlmsghdr: len=\d+ type=(\d+) \((\w+)\) flags=0x([0-9a-f]+)")
GENL_RE = re.compile(r"^\s+genl: cmd=(\d+) (\S+)")
TLA_RE = re.compile(r"^\s+TLA (\d+) (\w+)\((\w+)\) type=0x([0-9a-f]+)\S* len=(\d+)")
FLD_RE = re.compile(r"^\s+(\d+) (\w+)\s+type=0x([0-9a-f]+)\S* len=(\d+) (\w+)")
RET_RE = re.compile(r"drbd_genlmsghdr: .*\bret_code=(-?\d+)")
OPS_RE = re.compile(r"CTRL_ATTR_OPS \(op_id/flags\): (.*)$")
CTRL_RE = re.compile(r"^\s+\d+ CTRL_ATTR_(FAMILY_NAME|VERSION|HDRSIZE|MAXATTR|MCAST_GROUPS)\S* ?[=:] ?(.*)$")

KIND_TYPE = {"flag": "u8", "u8": "u8", "u32": "u32", "s32": "s32", "u64": "u64",
             "str": "string", "bin": "binary"}
TYPE_PAYLOAD = {"u8": 1, "u32": 4, "s32": 4, "u64": 8}


def parse_trace(path):
    msgs = []
    cur = None
    ctrl = None
    with open(path) as f:
        for line in f:
            m = PKT_RE.match(line)
            if m:
                cur = {"dir": m.group(1), "family": None, "flags": 0, "cmd": None,
                       "cmdname": None, "tlas": [], "file": os.path.basename(path), "line": line.strip()}
                msgs.append(cur)
                ctrl = None
                continue
            if cur is None:
                continue
            m = NLH_RE.search(line)
            if m:
                cur["family"] = m.group(2)
                cur["flags"] = int(m.group(3), 16)
                continue
            m = GENL_RE.match(line)
            if m:
                cur["cmd"] = int(m.group(1))
                cur["cmdname"] = m.group(2)
                if cur["family"] == "nlctrl":
                    ctrl = cur.setdefault("ctrl", {})
                continue
            m = OPS_RE.search(line)
            if m and ctrl is not None:
                ctrl["ops"] = {int(a): int(b, 16) for a, b in
                               (x.split("/") for x in m.group(1).split())}
                continue
            m = CTRL_RE.match(line)
            if m and ctrl is not None:
                ctrl[m.group(1)] = m.group(2).strip()
                continue
            m = RET_RE.search(line)
            if m:
                cur["ret_code"] = int(m.group(1))
                continue
            m = TLA_RE.match(line)
            if m:
                cur["tlas"].append({"nr": int(m.group(1)), "tag": m.group(2), "sname": m.group(3),
                                    "type": int(m.group(4), 16), "fields": []})
                continue
            m = FLD_RE.match(line)
            if m and cur["tlas"]:
                cur["tlas"][-1]["fields"].append({"nr": int(m.group(1)), "name": m.group(2),
                                                  "type": int(m.group(3), 16), "len": int(m.group(4)),
                                                  "kind": m.group(5)})
    return msgs


def cmd_traces(args):
    spec = Spec(args.spec)
    rep = Report("traces")
    check_rules(spec, rep)
    top = {v: a for v, a in Spec.numbered(spec.top["attributes"])}
    sops = {v: o for v, o in Spec.numbered(spec.ops)}
    ret_values = {}
    for n in ("ret-code", "state-rv"):
        if n in spec.defs:
            ret_values[n] = {v for _, v in spec.enum_c_names(spec.defs[n]).values()}
    nmsgs = 0
    for path in args.files:
        for msg in parse_trace(path):
            where = f"{msg['file']}: {msg['line']}"
            if msg.get("ctrl") and msg["cmdname"] == "CTRL_CMD_NEWFAMILY" and msg["dir"] == "REPLY":
                c = msg["ctrl"]
                if c.get("FAMILY_NAME", "").strip('"') != spec.name:
                    continue
                if int(c.get("VERSION", -1)) != spec.version:
                    rep.err(f"{where}: family version {c.get('VERSION')}")
                if int(c.get("HDRSIZE", -1)) != 8:
                    rep.err(f"{where}: hdrsize {c.get('HDRSIZE')}")
                maxattr = int(c.get("MAXATTR", 0))
                if maxattr and maxattr != max(top):
                    rep.err(f"{where}: maxattr {maxattr} != highest top-level attribute {max(top)}")
                groups = re.findall(r"(\w+)=\d+", c.get("MCAST_GROUPS", ""))
                if sorted(groups) != sorted(spec.mcgrps):
                    rep.err(f"{where}: groups {groups} != spec {spec.mcgrps}")
                kops = c.get("ops", {})
                for v, o in sops.items():
                    want = 0
                    if "do" in o:
                        want |= 0x2
                    if "dump" in o:
                        want |= 0x4
                    if "admin-perm" in o.get("flags", []):
                        want |= 0x1
                    got = kops.get(v)
                    if want == 0:
                        if got is not None:
                            rep.err(f"{where}: kernel registers op {v} which the spec has as notification")
                    elif got is None:
                        rep.err(f"{where}: op {o['name']} ({v}) not registered by the kernel")
                    elif got & 0x7 != want:
                        rep.err(f"{where}: op {o['name']} ({v}) kernel flags 0x{got:x}, spec says 0x{want:x}")
                    rep.ok()
                continue
            if msg["family"] != spec.name or msg["cmd"] is None:
                continue
            nmsgs += 1
            op = sops.get(msg["cmd"])
            if op is None:
                rep.err(f"{where}: unknown cmd {msg['cmd']}")
                continue
            short = re.sub(r"^DRBD_(ADM_)?", "", msg["cmdname"])
            if c_upper(op["name"]) != short:
                rep.err(f"{where}: cmd {msg['cmd']} is {op['name']} in the spec")
            is_dump = bool(msg["flags"] & 0x300)
            if msg["dir"] == "REPLY" and "ret_code" in msg:
                rc = msg["ret_code"]
                space = parse_tags(op.get("doc")).get("drbd-ret-code", ["none"])[0]
                ok_vals = set(ret_values.get("ret-code", {}))
                if space == "state-rv":
                    ok_vals |= set(ret_values.get("state-rv", {}))
                if rc not in ok_vals:
                    rep.err(f"{where}: ret_code {rc} is not a value of the op's space ({space})")
                rep.ok()
            if msg["dir"] == "REQUEST":
                kind = "dump" if is_dump else "do"
                allowed = set(op.get(kind, {}).get("request", {}).get("attributes", []))
                if kind not in op:
                    rep.err(f"{where}: spec op {op['name']} has no {kind}")
            elif msg["dir"] == "MULTICAST":
                allowed = event_attrs(spec, op)
            else:
                kind = "dump" if msg["flags"] & 0x2 else "do"
                allowed = op_reply_attrs(op, kind)
            for t in msg["tlas"]:
                a = top.get(t["nr"])
                if a is None:
                    rep.err(f"{where}: unknown TLA {t['nr']}")
                    continue
                if a["name"] not in allowed:
                    rep.err(f"{where}: TLA {a['name']} not listed for {op['name']} {msg['dir'].lower()}")
                if a.get("nested-attributes") != t["sname"].replace("_", "-"):
                    rep.err(f"{where}: TLA {t['nr']} struct {t['sname']} != {a.get('nested-attributes')}")
                if msg["dir"] != "REQUEST" and not t["type"] & NESTED_BIT:
                    if "drbd-kernel-bare-nest" not in parse_tags(a.get("doc")):
                        rep.err(f"{where}: kernel sent TLA {a['name']} without NLA_F_NESTED, "
                                "spec lacks [drbd-kernel-bare-nest]")
                if msg["dir"] == "REQUEST" and not t["type"] & NESTED_BIT:
                    rep.err(f"{where}: tool sent TLA {a['name']} without NLA_F_NESTED")
                fields = {v: x for v, x in Spec.numbered(spec.sets[a["nested-attributes"]]["attributes"])}
                for f in t["fields"]:
                    x = fields.get(f["nr"])
                    fw = f"{where}: {a['nested-attributes']}.{f['name']}"
                    if x is None:
                        rep.err(f"{fw}: field {f['nr']} not in spec")
                        continue
                    if under(x["name"]) != f["name"]:
                        rep.err(f"{fw}: spec name {x['name']}")
                    if KIND_TYPE.get(f["kind"]) != x["type"]:
                        rep.err(f"{fw}: seen as {f['kind']}, spec type {x['type']}")
                    payload = f["len"] - 4
                    if x["type"] in TYPE_PAYLOAD and payload != TYPE_PAYLOAD[x["type"]]:
                        rep.err(f"{fw}: payload {payload} bytes for {x['type']}")
                    ml = x.get("checks", {}).get("max-len")
                    if x["type"] == "string" and ml is not None and payload > ml + 1:
                        rep.err(f"{fw}: string of {payload} bytes > max-len {ml} + NUL")
                    if x["type"] == "binary" and ml is not None and payload > ml:
                        rep.err(f"{fw}: binary of {payload} bytes > max-len {ml}")
                    mand = "mandatory" in (attr_flags(x) or set())
                    bit = bool(f["type"] & MANDATORY_BIT)
                    if msg["dir"] == "REQUEST" and bit != mand:
                        rep.err(f"{fw}: tool sent mandatory bit {bit}, spec mandatory {mand}")
                    if msg["dir"] != "REQUEST" and bit and not mand:
                        rep.err(f"{fw}: kernel set the mandatory bit on a field the spec has as optional")
                    rep.ok()
    if nmsgs == 0:
        rep.err("no drbd messages found in the given files")
    print(f"traces: {nmsgs} drbd messages in {len(args.files)} files")
    return rep.finish()
