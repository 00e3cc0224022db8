# SPDX-License-Identifier: GPL-2.0-or-later
"""The spec model, doc tags, and the spec's own consistency rules."""


import yaml

from common import FIELD_FLAGS, KNOWN_ATTR_TAGS, KNOWN_OP_TAGS, RET_SPACES, SCOPES, TAG_RE, c_upper


class Spec:
    def __init__(self, path):
        with open(path) as f:
            self.raw = yaml.safe_load(f)
        raw = self.raw
        self.name = raw.get("name")
        self.version = raw.get("version", 1)
        self.defs = {d["name"]: d for d in raw.get("definitions", [])}
        self.sets = {s["name"]: s for s in raw.get("attribute-sets", [])}
        ops = raw.get("operations", {})
        self.ops_meta = ops
        self.ops = ops.get("list", [])
        self.mcgrps = [g["name"] for g in raw.get("mcast-groups", {}).get("list", [])]
        # the top-level set is the one whose attributes are nests used by ops
        self.top = None
        for s in raw.get("attribute-sets", []):
            if s.get("name-prefix") == f"{self.name}-nla-":
                self.top = s
        self.top_attrs = {a["name"]: a for a in (self.top or {}).get("attributes", [])}

    # attribute values: explicit `value`, else previous + 1 (YNL rule)
    @staticmethod
    def numbered(items):
        out = []
        nxt = 1
        for it in items:
            v = it.get("value", nxt)
            out.append((v, it))
            nxt = v + 1
        return out

    def set_prefix(self, s):
        if "name-prefix" in s:
            return s["name-prefix"]
        if s["name"] == self.name:
            return f"{self.name}-a-"
        return f"{self.name}-a-{s['name']}-"

    def op_prefix(self):
        return self.ops_meta.get("name-prefix", f"{self.name}-")

    def nested_sets(self):
        for a in (self.top or {}).get("attributes", []):
            ns = a.get("nested-attributes")
            if ns in self.sets:
                yield a, self.sets[ns]

    def enum_c_names(self, d):
        """name -> (C name, value) for an enum/flags definition."""
        prefix = d.get("name-prefix", f"{self.name}-{d['name']}-")
        out = {}
        nxt = d.get("value-start", 0)
        for e in d.get("entries", []):
            ename = e if isinstance(e, str) else e["name"]
            v = nxt if isinstance(e, str) or "value" not in e else e["value"]
            nxt = v + 1
            value = (1 << v) if d["type"] == "flags" else v
            out[ename] = (c_upper(prefix + ename), value)
        return out

    def const_c_name(self, d):
        prefix = d.get("name-prefix", f"{self.name}-")
        return c_upper(prefix + d["name"])


def parse_tags(doc):
    tags = {}
    for m in TAG_RE.finditer(doc or ""):
        tags.setdefault(m.group(1), []).append((m.group(2) or "").strip())
    return tags


def attr_flags(attr):
    vals = parse_tags(attr.get("doc")).get("drbd-flags", [])
    if not vals:
        return None
    words = vals[0].split()
    return set() if words == ["none"] else set(words)


def attr_default(attr):
    vals = parse_tags(attr.get("doc")).get("drbd-default", [])
    return vals[0] if vals else None


def op_request_attrs(op):
    out = set()
    for kind in ("do", "dump"):
        out |= set(op.get(kind, {}).get("request", {}).get("attributes", []))
    return out


def op_reply_attrs(op, kind):
    return set(op.get(kind, {}).get("reply", {}).get("attributes", []))


def event_attrs(spec, op):
    if "event" in op:
        return set(op["event"].get("attributes", []))
    if "notify" in op:
        for o in spec.ops:
            if o["name"] == op["notify"]:
                return op_reply_attrs(o, "do") | op_reply_attrs(o, "dump")
    return set()


def check_rules(spec, rep):
    """The spec's own consistency rules (beyond the JSON schema)."""
    if spec.top is None:
        rep.err(f"no top-level attribute set with name-prefix '{spec.name}-nla-'")
        return
    # unique numbers and names, references resolve
    for s in spec.sets.values():
        seen = {}
        for v, a in Spec.numbered(s["attributes"]):
            if v in seen:
                rep.err(f"set {s['name']}: value {v} used by {seen[v]} and {a['name']}")
            seen[v] = a["name"]
            rep.ok()
    seen = {}
    for v, op in Spec.numbered(spec.ops):
        if v in seen:
            rep.err(f"operations: value {v} used by {seen[v]} and {op['name']}")
        seen[v] = op["name"]
    for a in spec.top["attributes"]:
        if a.get("type") != "nest":
            rep.err(f"top-level attribute {a['name']} is not a nest")
        ns = a.get("nested-attributes")
        if ns not in spec.sets:
            rep.err(f"top-level attribute {a['name']}: unknown nested set {ns}")
        for t in parse_tags(a.get("doc")):
            if t != "drbd-kernel-bare-nest":
                rep.err(f"top-level attribute {a['name']}: unknown doc tag [{t}]")
        rep.ok()
    used_sets = {a.get("nested-attributes") for a in spec.top["attributes"]}
    for s in spec.sets.values():
        if s is not spec.top and s["name"] not in used_sets:
            rep.err(f"attribute set {s['name']} is not used by any top-level attribute")
    for top, s in spec.nested_sets():
        for a in s["attributes"]:
            where = f"{s['name']}.{a['name']}"
            tags = parse_tags(a.get("doc"))
            for t in tags:
                if t not in KNOWN_ATTR_TAGS:
                    rep.err(f"{where}: unknown doc tag [{t}]")
            fl = attr_flags(a)
            if fl is None:
                rep.err(f"{where}: missing [drbd-flags: ...] tag in doc")
            elif not fl <= set(FIELD_FLAGS):
                rep.err(f"{where}: unknown drbd flag(s) {sorted(fl - set(FIELD_FLAGS))}")
            if a.get("type") not in ("u8", "u32", "s32", "u64", "string", "binary"):
                rep.err(f"{where}: type {a.get('type')} not used by this family")
            d = attr_default(a)
            if d is not None and d != "empty-string":
                c = spec.defs.get(d)
                if not c or c.get("type") != "const":
                    rep.err(f"{where}: default {d} is not a const definition")
            if d == "empty-string" and a.get("type") != "string":
                rep.err(f"{where}: empty-string default on a non-string")
            for key in ("enum",):
                if key in a and a[key] not in spec.defs:
                    rep.err(f"{where}: unknown enum {a[key]}")
            if "struct" in a and a["struct"] not in spec.defs:
                rep.err(f"{where}: unknown struct {a['struct']}")
            rep.ok()
    for op in spec.ops:
        tags = parse_tags(op.get("doc"))
        for t in tags:
            if t not in KNOWN_OP_TAGS:
                rep.err(f"op {op['name']}: unknown doc tag [{t}]")
        has_sub = "do" in op or "dump" in op
        if has_sub:
            sc = tags.get("drbd-scope", [None])[0]
            if sc not in SCOPES:
                rep.err(f"op {op['name']}: missing/invalid [drbd-scope: ...] ({sc})")
            rs = tags.get("drbd-ret-code", [None])[0]
            if rs not in RET_SPACES:
                rep.err(f"op {op['name']}: missing/invalid [drbd-ret-code: ...] ({rs})")
        else:
            if "mcgrp" not in op:
                rep.err(f"notification {op['name']}: no mcgrp")
            elif op["mcgrp"] not in spec.mcgrps:
                rep.err(f"notification {op['name']}: unknown mcgrp {op['mcgrp']}")
        names = set(op_request_attrs(op))
        for kind in ("do", "dump"):
            names |= op_reply_attrs(op, kind)
        names |= set(op.get("event", {}).get("attributes", []))
        for n in names:
            if n not in spec.top_attrs:
                rep.err(f"op {op['name']}: unknown top-level attribute {n}")
        rep.ok()
    fh = spec.ops_meta.get("fixed-header")
    if fh not in spec.defs or spec.defs[fh].get("type") != "struct":
        rep.err(f"operations.fixed-header {fh} is not a struct definition")
