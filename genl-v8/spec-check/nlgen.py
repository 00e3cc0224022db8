# SPDX-License-Identifier: GPL-2.0-or-later
"""The `nlgen` check: 7.2's in-tree drbd_nl_gen.c against the spec."""

import re

from cheaders import Symbols, load_header_dir, strip_comments
from common import Report, c_upper, under
from spec import Spec, attr_default, attr_flags, check_rules, op_reply_attrs


# 7.2 drbd_nl_gen.c (policies and op table of the in-tree 8.4 code)

POLICY_RE = re.compile(r"(?:static\s+)?const\s+struct\s+nla_policy\s+(\w+)\s*\[[^\]]*\]\s*=\s*\{(.*?)\n\};", re.S)
ENTRY_RE = re.compile(r"\[(\w+)\]\s*=\s*(\{[^}]*\}|NLA_POLICY_\w+\([^)]*\))")
NLA_TYPE_SPEC = {"NLA_U8": {"u8"}, "NLA_U16": {"u16"}, "NLA_U32": {"u32", "s32"}, "NLA_S32": {"s32"},
                 "NLA_U64": {"u64"}, "NLA_NUL_STRING": {"string"}, "NLA_STRING": {"string"},
                 "NLA_BINARY": {"binary"}}


def parse_policy_entry(text, syms):
    m = re.match(r"NLA_POLICY_NESTED\((\w+)\)", text)
    if m:
        return {"type": "nest", "policy": m.group(1)}
    m = re.match(r"NLA_POLICY_MAX_LEN\(([^)]*)\)", text)
    if m:
        return {"type": "NLA_BINARY", "len": syms.eval(m.group(1))}
    m = re.search(r"\.type\s*=\s*(\w+)", text)
    t = m.group(1) if m else None
    m = re.search(r"\.len\s*=\s*([^,}]+)", text)
    return {"type": t, "len": syms.eval(m.group(1).strip()) if m else None}


def cmd_nlgen(args):
    spec = Spec(args.spec)
    rep = Report(f"nl-gen {args.nlgen}")
    check_rules(spec, rep)
    syms = Symbols()
    for d in args.dirs:
        for fn, text in load_header_dir(d).items():
            syms.add_text(text)
    with open(args.nlgen) as f:
        src = strip_comments(f.read())
    fam = c_upper(spec.name)
    set_by_policy = {f"{spec.name}_{under(s['name'])}_nl_policy": s for _, s in spec.nested_sets()}
    policies = {}
    for m in POLICY_RE.finditer(src):
        policies[m.group(1)] = [(e.group(1), parse_policy_entry(e.group(2), syms))
                                for e in ENTRY_RE.finditer(m.group(2))]
    strlen_plus_one = []
    for pname, entries in policies.items():
        s = set_by_policy.get(pname)
        if s is None:
            continue
        prefix = c_upper(spec.set_prefix(s))
        attrs = {prefix + c_upper(a["name"]): a for a in s["attributes"]}
        for cname, e in entries:
            a = attrs.get(cname)
            where = f"{pname}[{cname}]"
            if a is None:
                rep.err(f"{where}: no such attribute in set {s['name']}")
                continue
            if a.get("type") not in NLA_TYPE_SPEC.get(e["type"], set()):
                rep.err(f"{where}: {e['type']} vs spec type {a.get('type')}")
            ml = a.get("checks", {}).get("max-len")
            if a.get("type") == "binary" and e.get("len") != ml:
                rep.err(f"{where}: max len {e.get('len')} vs spec max-len {ml}")
            if a.get("type") == "string" and e.get("len") is not None:
                if e["len"] == (ml or 0) + 1:
                    strlen_plus_one.append(a["name"])
                elif e["len"] != ml:
                    rep.err(f"{where}: string len {e['len']} vs spec max-len {ml}")
            rep.ok()
        for cname, a in attrs.items():
            if cname not in dict(entries):
                rep.err(f"{pname}: spec attribute {a['name']} ({cname}) has no policy entry")
    # set_<struct>_defaults(): the defaults the 7.2 code applies
    for m in re.finditer(r"void\s+set_(\w+)_defaults\s*\([^)]*\)\s*\{(.*?)\n\}", src, re.S):
        sname, body = m.group(1), m.group(2)
        s = spec.sets.get(sname.replace("_", "-"))
        if s is None:
            rep.err(f"set_{sname}_defaults: no set {sname} in spec")
            continue
        got = {}
        for a in re.finditer(r"x->(\w+)\s*=\s*(\w+)\s*;", body):
            got[a.group(1)] = a.group(2)
        for a in re.finditer(r"memset\s*\(\s*x->(\w+)\s*,", body):
            got[a.group(1)] = "empty-string"
        for x in s["attributes"]:
            d = attr_default(x)
            want = None
            if d == "empty-string":
                want = d
            elif d is not None:
                want = spec.const_c_name(spec.defs[d])
            if got.get(under(x["name"])) != want:
                rep.err(f"set_{sname}_defaults: {x['name']} = {got.get(under(x['name']))}, spec default {want}")
            rep.ok()
    for m in re.finditer(r"missing required attr: (\w+)", src):
        hits = [(s["name"], x) for _, s in spec.nested_sets() for x in s["attributes"]
                if under(x["name"]) == m.group(1)]
        if len(hits) != 1 or "required" not in (attr_flags(hits[0][1]) or set()):
            rep.err(f"7.2 requires {m.group(1)}, spec does not flag it required")
        rep.ok()
    if strlen_plus_one:
        rep.note("7.2 string policies use the buffer size as .len (one byte more than the 6.1 policy and "
                 f"the spec's max-len; nla_strscpy truncates to the spec's length): {', '.join(strlen_plus_one)}")
    # op table and per-op request policies
    top = {c_upper(spec.set_prefix(spec.top) + a["name"]): a for a in spec.top["attributes"]}
    sops = {c_upper(spec.op_prefix() + o["name"]): o for o in spec.ops}
    m = re.search(r"const\s+struct\s+genl_(?:split|small)_ops\s+\w+\s*\[[^\]]*\]\s*=\s*\{(.*?)\n\};", src, re.S)
    if not m:
        rep.err("no genl ops table found")
        return rep.finish()
    seen = set()
    extra_notes = []
    for body in re.findall(r"\{([^{}]*)\}", m.group(1)):
        cmd = re.search(r"\.cmd\s*=\s*(\w+)", body)
        if not cmd:
            continue
        cname = cmd.group(1)
        o = sops.get(cname)
        if o is None:
            rep.err(f"op table: {cname} not in spec")
            continue
        flags = re.search(r"\.flags\s*=\s*([^,]+),", body)
        flags = flags.group(1) if flags else ""
        kinds = []
        if re.search(r"\.doit\s*=", body):
            kinds.append("do")
        if re.search(r"\.dumpit\s*=", body):
            kinds.append("dump")
        for kind in kinds:
            seen.add((cname, kind))
            if kind not in o:
                rep.err(f"op table: {cname} has {kind}, spec op {o['name']} does not")
                continue
            admin = "GENL_ADMIN_PERM" in flags
            if admin != ("admin-perm" in o.get("flags", [])):
                rep.err(f"op table: {cname} {kind} admin-perm {admin}, spec {'admin-perm' in o.get('flags', [])}")
            pol = re.search(r"\.policy\s*=\s*(\w+)", body)
            if not pol or pol.group(1) not in policies:
                rep.err(f"op table: {cname} {kind}: policy not found")
                continue
            have = {}
            for tla, e in policies[pol.group(1)]:
                a = top.get(tla)
                if a is None:
                    rep.err(f"{pol.group(1)}: unknown top-level attribute {tla}")
                    continue
                have[a["name"]] = e
                want_pol = f"{spec.name}_{under(a['nested-attributes'])}_nl_policy"
                if e.get("policy") != want_pol:
                    rep.err(f"{pol.group(1)}[{tla}]: nested policy {e.get('policy')} vs {want_pol}")
            req = set(o[kind].get("request", {}).get("attributes", []))
            for n in sorted(req - set(have)):
                rep.err(f"op {o['name']} {kind}: spec request attribute {n} is not in the 7.2 policy {pol.group(1)}")
            for n in sorted(set(have) - req):
                if n in op_reply_attrs(o, kind):
                    extra_notes.append(f"{o['name']}:{n}")
                else:
                    rep.err(f"op {o['name']} {kind}: 7.2 policy accepts {n}, spec lists it neither as request nor reply")
            rep.ok(3)
    for cname, o in sops.items():
        for kind in ("do", "dump"):
            if kind in o and (cname, kind) not in seen:
                rep.err(f"op {o['name']} {kind}: not in the 7.2 op table")
    if extra_notes:
        rep.note("7.2 request policies also accept these reply-only attributes (copied from the header's "
                 f"GENL_tla_expected lists): {', '.join(extra_notes)}")
    return rep.finish()
