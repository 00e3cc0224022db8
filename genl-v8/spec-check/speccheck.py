#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Keeps genl-v8/drbd.yaml (the legacy `drbd` genetlink family, YNL
`genetlink-legacy` spec) honest.

Sub-commands (each prints one line per problem and exits 1 if there is any):

  schema   SPEC --schema FILE   validate SPEC against a YNL JSON schema
                                (genetlink-legacy.yaml) with python3-jsonschema,
                                then run the spec's own consistency rules
  headers  SPEC DIR [DIR...]    compare SPEC with the kernel's DRBD headers in
                                DIR: either the GENL_struct/GENL_op macro style
                                (Linux 6.1/6.12 include/linux: drbd_genl.h,
                                drbd_genl_api.h, drbd.h, drbd_limits.h) or the
                                plain-enum style (Linux 7.2 include/uapi/linux)
  traces   SPEC FILE...         compare SPEC with decoded v8 captures
                                (*.decoded.txt written by v8decode.py)
  nlgen    SPEC NL_GEN_C DIR... compare SPEC with the policies and op table of
                                a 7.x drivers/block/drbd/drbd_nl_gen.c (DIRs:
                                uapi headers for the constants it uses)
  ynl-uapi SPEC TREE            generate the uapi header from SPEC with TREE's
                                tools/net/ynl and compare it with TREE's
                                include/uapi/<uapi-header>; also run the
                                kernel/user generators once
  rules    SPEC                 only the spec's own consistency rules

The doc-tag conventions checked here are described in the spec's top-level
`doc:` and in README.md next to this script.
"""

import argparse
import os
import re
import sys

try:
    import yaml
except ImportError:  # pragma: no cover - reported, not hidden
    print("speccheck: python3-yaml (PyYAML) is required", file=sys.stderr)
    sys.exit(2)

MANDATORY_BIT = 0x4000
NESTED_BIT = 0x8000

FIELD_FLAGS = ("mandatory", "required", "invariant", "sensitive")
TAG_RE = re.compile(r"\[(drbd-[a-z-]+)(?::\s*([^\]]*))?\]")
KNOWN_ATTR_TAGS = {"drbd-flags", "drbd-default", "drbd-kernel-bare-nest"}
KNOWN_OP_TAGS = {"drbd-scope", "drbd-ret-code"}
SCOPES = {"minor", "resource", "connection", "minor+resource", "any", "none"}
RET_SPACES = {"ret-code", "state-rv", "ret-code+state-rv", "none"}

# header enum members that are range markers or masks, not values the family uses
# (FP_NOT_AVAIL: "Not a policy", never a value of disk-conf fencing)
HEADER_MARKERS = {"ERR_CODE_BASE", "AFTER_LAST_ERR_CODE", "SS_AFTER_LAST_ERROR",
                  "NOTIFY_FLAGS", "R_MASK", "C_MASK", "D_MASK", "FP_NOT_AVAIL"}


class Report:
    def __init__(self, what):
        self.what = what
        self.errors = []
        self.notes = []
        self.checked = 0

    def err(self, msg):
        self.errors.append(msg)

    def note(self, msg):
        self.notes.append(msg)

    def ok(self, n=1):
        self.checked += n

    def finish(self):
        for n in self.notes:
            print(f"note: {n}")
        for e in self.errors:
            print(f"MISMATCH: {e}")
        status = "FAILED" if self.errors else "OK"
        print(f"{self.what}: {status} ({self.checked} facts compared, "
              f"{len(self.errors)} mismatches, {len(self.notes)} notes)")
        return 1 if self.errors else 0


def c_upper(name):
    return name.upper().replace("-", "_")


def under(name):
    return name.replace("-", "_")


# --------------------------------------------------------------------------
# The spec model


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


# --------------------------------------------------------------------------
# C header parsing


def strip_comments(text):
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    return re.sub(r"//[^\n]*", " ", text)


def split_args(s):
    """Split a macro argument string at top-level commas."""
    out, depth, cur = [], 0, []
    for ch in s:
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        if ch == "," and depth == 0:
            out.append("".join(cur).strip())
            cur = []
        else:
            cur.append(ch)
    if "".join(cur).strip():
        out.append("".join(cur).strip())
    return out


def find_calls(text, name):
    """Yield the argument string of every NAME( ... ) with balanced parens."""
    for m in re.finditer(r"\b" + re.escape(name) + r"\s*\(", text):
        i = m.end()
        depth = 1
        j = i
        while j < len(text) and depth:
            if text[j] == "(":
                depth += 1
            elif text[j] == ")":
                depth -= 1
            j += 1
        yield text[i:j - 1]


class Symbols:
    """#define and enum constants of a set of headers, evaluated lazily."""

    def __init__(self):
        self.exprs = {}
        self.enums = {}      # enum tag -> {name: value}
        self.enum_blocks = []  # (tag or None, [(name, value)])
        self.strings = {}
        self._cache = {}

    def add_text(self, text):
        text = strip_comments(text)
        text = re.sub(r"\\\n", " ", text)
        for m in re.finditer(r"^\s*#\s*define\s+(\w+)[ \t]+([^\n]+)$", text, re.M):
            name, val = m.group(1), m.group(2).strip()
            sm = re.fullmatch(r'"([^"]*)"', val)
            if sm:
                self.strings[name] = sm.group(1)
            else:
                self.exprs[name] = val
        for m in re.finditer(r"\benum\s+(\w+)?\s*\{(.*?)\}", text, re.S):
            tag, body = m.group(1), m.group(2)
            entries = []
            nxt = 0
            for item in split_args(body):
                if not item:
                    continue
                if "=" in item:
                    n, e = item.split("=", 1)
                    n = n.strip()
                    v = self.eval(e.strip(), entries)
                else:
                    n, v = item.strip(), nxt
                entries.append((n, v))
                self._cache[n] = v
                nxt = (v + 1) if isinstance(v, int) else None
            self.enum_blocks.append((tag, entries))
            if tag:
                self.enums[tag] = dict(entries)

    def eval(self, expr, local=()):
        env = dict(local)
        e = expr
        e = re.sub(r"sizeof\s*\(\s*__u64\s*\)", "8", e)
        e = re.sub(r"sizeof\s*\(\s*__u32\s*\)", "4", e)
        e = re.sub(r"\(\s*__u(8|16|32|64)\s*\)", "", e)
        e = re.sub(r"\b(0x[0-9a-fA-F]+|\d+)(?:[uU]?[lL]{0,2}|[lL]{1,2}[uU]?)\b", r"\1", e)
        e = e.replace("/", "//")

        def ident(m):
            n = m.group(0)
            if n in env:
                return str(env[n])
            v = self.value(n)
            if v is None:
                raise KeyError(n)
            return str(v)
        try:
            e = re.sub(r"\b[A-Za-z_]\w*\b", ident, e)
            return int(eval(e, {"__builtins__": {}}, {}))  # noqa: S307 - header integer expression
        except Exception:
            return None

    def value(self, name):
        if name in self._cache:
            return self._cache[name]
        if name in self.exprs:
            self._cache[name] = None  # recursion guard
            v = self.eval(self.exprs[name])
            self._cache[name] = v
            return v
        return None


def load_header_dir(d):
    files = {}
    for fn in ("drbd_genl.h", "drbd_genl_api.h", "drbd.h", "drbd_limits.h"):
        p = os.path.join(d, fn)
        if os.path.exists(p):
            with open(p) as f:
                files[fn] = f.read()
    return files


FIELD_KIND_TYPE = {"flg": "u8", "u8": "u8", "u16": "u16", "u32": "u32", "s32": "s32",
                   "u64": "u64", "str": "string", "bin": "binary"}


def parse_macro_genl(text, syms):
    """GENL_struct / GENL_op / GENL_notification / GENL_mc_group (6.1 style)."""
    text = strip_comments(text)
    structs = []
    for args in find_calls(text, "GENL_struct"):
        a = split_args(args)
        tag, nr, sname, body = a[0], int(a[1]), a[2], ",".join(a[3:])
        fields = []
        for m in re.finditer(r"__(flg|u8|u16|u32|s32|u64|str|bin)_field(_def)?\s*\(", body):
            inner = next(find_calls(body[m.start():], m.group(0)[:-1].strip()))
            fa = split_args(inner)
            kind, isdef = m.group(1), bool(m.group(2))
            flags = set()
            for word in re.findall(r"\w+", fa[1]):
                flags |= {"DRBD_GENLA_F_MANDATORY": {"mandatory"}, "DRBD_F_REQUIRED": {"required"},
                          "DRBD_F_INVARIANT": {"invariant"},
                          "DRBD_F_SENSITIVE": {"sensitive"}}.get(word, set())
            f = {"nr": int(fa[0]), "flags": flags, "name": fa[2], "kind": kind,
                 "isdef": isdef, "maxlen": None, "default": None}
            if kind in ("str", "bin"):
                f["maxlen"] = syms.eval(fa[3])
            elif isdef:
                f["default"] = fa[3]
            fields.append(f)
        structs.append({"tag": tag, "nr": nr, "sname": sname, "fields": fields})
    ops = []
    for kind in ("GENL_op", "GENL_notification"):
        for args in find_calls(text, kind):
            a = split_args(args)
            name, nr = a[0], int(a[1])
            rest = ",".join(a[3:])
            tlas = [split_args(x)[0] for x in find_calls(rest, "GENL_tla_expected")]
            op = {"name": name, "nr": nr, "notification": kind == "GENL_notification",
                  "tlas": tlas, "do": False, "dump": False, "admin": False, "group": None}
            if kind == "GENL_notification":
                op["group"] = a[2]
            else:
                h = a[2]
                if "GENL_doit" in h:
                    op["do"] = op["admin"] = True
                if "GENL_dumpit" in h:
                    op["dump"] = op["admin"] = True
                if re.search(r"\.doit\s*=", h):
                    op["do"] = True
                if re.search(r"\.dumpit\s*=", h):
                    op["dump"] = True
                if "GENL_ADMIN_PERM" in h:
                    op["admin"] = True
            ops.append(op)
    groups = [g.strip() for g in find_calls(text, "GENL_mc_group")]
    return structs, ops, groups


def check_genlmsghdr(spec, text, rep):
    text = strip_comments(text or "")
    m = re.search(r"struct\s+drbd_genlmsghdr\s*\{(.*?)\}\s*;", text, re.S)
    if not m:
        rep.err("struct drbd_genlmsghdr not found in the headers")
        return
    body = m.group(1)
    flat = re.findall(r"(__[us]\d+)\s+(\w+)\s*;", body)
    want = [("__u32", "minor"), ("__u32", "flags"), ("__s32", "ret_code")]
    if flat != want or "union" not in body:
        rep.err(f"struct drbd_genlmsghdr layout changed: {flat}")
    cmap = {"u32": "__u32", "s32": "__s32"}
    fh = spec.defs.get(spec.ops_meta.get("fixed-header"), {})
    req = [(cmap.get(x["type"]), under(x["name"])) for x in fh.get("members", [])]
    if req != want[:2]:
        rep.err(f"fixed-header {fh.get('name')} members {req} != header {want[:2]}")
    views = [d for d in spec.defs.values()
             if d.get("type") == "struct" and d is not fh and d["name"].startswith(fh.get("name", "?"))]
    if not any([(cmap.get(x["type"]), under(x["name"])) for x in v.get("members", [])] == [want[0], want[2]]
               for v in views):
        rep.err("no reply view struct {minor u32, ret-code s32} of the fixed header")
    rep.ok(3)


def check_definitions(spec, syms, rep, header_names):
    """Enums/flags/consts that claim to live in one of header_names."""
    for d in spec.defs.values():
        hdr = os.path.basename(d.get("header", ""))
        if d["type"] == "struct" or not hdr:
            continue
        if hdr not in header_names:
            continue
        if d["type"] == "const":
            cname = spec.const_c_name(d)
            hv = syms.value(cname)
            if hv is None:
                rep.err(f"const {d['name']}: {cname} not found in {hdr}")
            elif hv != d["value"]:
                rep.err(f"const {d['name']}: spec {d['value']} != {cname} = {hv}")
            rep.ok()
            continue
        names = spec.enum_c_names(d)
        for ename, (cname, val) in names.items():
            hv = syms.value(cname)
            if hv is None:
                rep.err(f"{d['type']} {d['name']}.{ename}: {cname} not found in {hdr}")
            elif hv != val:
                rep.err(f"{d['type']} {d['name']}.{ename}: spec {val} != {cname} = {hv}")
            rep.ok()
        tag = d.get("enum-name")
        if tag:
            hdr_enum = syms.enums.get(tag)
            if hdr_enum is None:
                rep.err(f"enum {d['name']}: enum {tag} not found in {hdr}")
                continue
            have = {c for c, _ in names.values()}
            for cname in hdr_enum:
                if cname not in have and cname not in HEADER_MARKERS:
                    rep.err(f"enum {d['name']}: header value {cname} = {hdr_enum[cname]} missing in spec")


def check_headers_macro(spec, files, syms, rep):
    structs, ops, groups = parse_macro_genl(files["drbd_genl.h"], syms)
    # family identity
    api = strip_comments(files.get("drbd_genl_api.h", ""))
    fam = re.search(r"#\s*define\s+GENL_MAGIC_FAMILY\s+(\w+)", api)
    ver = re.search(r"#\s*define\s+GENL_MAGIC_VERSION\s+(\w+)", api)
    if fam and fam.group(1) != spec.name:
        rep.err(f"family name: spec {spec.name} != header {fam.group(1)}")
    if ver:
        v = syms.eval(ver.group(1))
        if v != spec.version:
            rep.err(f"family version: spec {spec.version} != header {ver.group(1)} = {v}")
    rep.ok(2)
    check_genlmsghdr(spec, api, rep)
    # top-level attributes
    top = {v: a for v, a in Spec.numbered(spec.top["attributes"])}
    prefix = spec.set_prefix(spec.top)
    hdr_nrs = set()
    for s in structs:
        hdr_nrs.add(s["nr"])
        a = top.get(s["nr"])
        if a is None:
            rep.err(f"top-level {s['tag']} = {s['nr']} missing in spec")
            continue
        if c_upper(prefix + a["name"]) != s["tag"]:
            rep.err(f"top-level {s['nr']}: spec {c_upper(prefix + a['name'])} != header {s['tag']}")
        if a.get("nested-attributes") != s["sname"].replace("_", "-"):
            rep.err(f"top-level {s['tag']}: nested set {a.get('nested-attributes')} != struct {s['sname']}")
        rep.ok()
        fields = {v: x for v, x in Spec.numbered(spec.sets.get(a.get("nested-attributes"), {}).get("attributes", []))}
        seen = set()
        for f in s["fields"]:
            seen.add(f["nr"])
            where = f"{s['sname']}.{f['name']} ({f['nr']})"
            x = fields.get(f["nr"])
            if x is None:
                rep.err(f"{where}: missing in spec")
                continue
            if under(x["name"]) != f["name"]:
                rep.err(f"{where}: spec name {x['name']}")
            want_t = FIELD_KIND_TYPE[f["kind"]]
            if x.get("type") != want_t:
                rep.err(f"{where}: spec type {x.get('type')} != {want_t} (__{f['kind']}_field)")
            ml = x.get("checks", {}).get("max-len")
            if f["kind"] == "str":
                want = f["maxlen"] - 1 if f["maxlen"] else None
                if ml != want:
                    rep.err(f"{where}: spec max-len {ml} != {want} (NLA_NUL_STRING policy len = {f['maxlen']} - 1)")
            elif f["kind"] == "bin":
                if ml != f["maxlen"]:
                    rep.err(f"{where}: spec max-len {ml} != {f['maxlen']}")
            elif ml is not None:
                rep.err(f"{where}: max-len on a scalar")
            fl = attr_flags(x)
            if fl != f["flags"]:
                rep.err(f"{where}: spec flags {sorted(fl or [])} != header {sorted(f['flags'])}")
            d = attr_default(x)
            if f["isdef"] and f["kind"] == "str":
                if d != "empty-string":
                    rep.err(f"{where}: __str_field_def default is the empty string, spec says {d}")
            elif f["isdef"]:
                c = spec.defs.get(d or "", {})
                cname = spec.const_c_name(c) if c else None
                if cname != f["default"]:
                    rep.err(f"{where}: spec default {d} ({cname}) != header {f['default']}")
                else:
                    hv = syms.value(f["default"])
                    if hv != c.get("value"):
                        rep.err(f"{where}: default {f['default']} = {hv}, spec const says {c.get('value')}")
            elif d is not None:
                rep.err(f"{where}: spec has default {d}, header field has none")
            rep.ok(5)
        for nr, x in fields.items():
            if nr not in seen:
                rep.err(f"{s['sname']}: spec attribute {x['name']} = {nr} not in header")
    for nr, a in top.items():
        if nr not in hdr_nrs:
            rep.err(f"top-level spec attribute {a['name']} = {nr} not in header")
    # operations
    tla_by_tag = {s["tag"]: top[s["nr"]]["name"] for s in structs if s["nr"] in top}
    sops = {v: o for v, o in Spec.numbered(spec.ops)}
    hnrs = set()
    for o in ops:
        hnrs.add(o["nr"])
        x = sops.get(o["nr"])
        if x is None:
            rep.err(f"op {o['name']} = {o['nr']} missing in spec")
            continue
        short = re.sub(r"^DRBD_(ADM_)?", "", o["name"])
        if c_upper(x["name"]) != short:
            rep.err(f"op {o['nr']}: spec {x['name']} != header {o['name']}")
        if o["notification"]:
            if "do" in x or "dump" in x:
                rep.err(f"op {o['name']}: a notification in the header, has do/dump in spec")
            if x.get("mcgrp") != o["group"]:
                rep.err(f"op {o['name']}: mcgrp {x.get('mcgrp')} != {o['group']}")
            have = event_attrs(spec, x)
        else:
            if ("do" in x) != o["do"] or ("dump" in x) != o["dump"]:
                rep.err(f"op {o['name']}: do/dump {('do' in x, 'dump' in x)} != header {(o['do'], o['dump'])}")
            if ("admin-perm" in x.get("flags", [])) != o["admin"]:
                rep.err(f"op {o['name']}: admin-perm {'admin-perm' in x.get('flags', [])} != header {o['admin']}")
            # GENL_tla_expected mixes request and reply attributes (dumps list their objects)
            have = op_request_attrs(x) | op_reply_attrs(x, "do") | op_reply_attrs(x, "dump")
        for t in o["tlas"]:
            n = tla_by_tag.get(t)
            if n is None:
                rep.note(f"op {o['name']}: header lists {t}, which the header never defines "
                         "(GENL_tla_expected is documentation only); see the op's doc in the spec")
            elif n not in have:
                rep.err(f"op {o['name']}: header expects {t}, spec does not list {n}")
        rep.ok(4)
    for nr, x in sops.items():
        if nr not in hnrs:
            rep.err(f"spec op {x['name']} = {nr} not in header")
    if sorted(groups) != sorted(spec.mcgrps):
        rep.err(f"multicast groups: spec {spec.mcgrps} != header {groups}")
    rep.ok()


def check_headers_plain(spec, files, syms, rep):
    if syms.strings.get(f"{c_upper(spec.name)}_FAMILY_NAME") != spec.name:
        rep.err(f"{c_upper(spec.name)}_FAMILY_NAME != \"{spec.name}\"")
    if syms.value(f"{c_upper(spec.name)}_FAMILY_VERSION") != spec.version:
        rep.err(f"{c_upper(spec.name)}_FAMILY_VERSION != {spec.version}")
    for g in spec.mcgrps:
        if syms.strings.get(f"{c_upper(spec.name)}_MCGRP_{c_upper(g)}") != g:
            rep.err(f"multicast group {g}: {c_upper(spec.name)}_MCGRP_{c_upper(g)} missing")
    rep.ok(3)
    check_genlmsghdr(spec, files.get("drbd.h", "") + files.get("drbd_genl_api.h", ""), rep)
    blocks = {}
    for tag, entries in syms.enum_blocks:
        for n, _ in entries:
            m = re.fullmatch(r"__(\w+_)MAX", n)
            if m:
                blocks[m.group(1)] = {k: v for k, v in entries
                                      if not k.startswith("__") and k != m.group(1) + "MAX"}

    def compare(what, prefix, items):
        hb = blocks.get(prefix)
        if hb is None:
            rep.err(f"{what}: no enum with __{prefix}MAX in the header")
            return
        want = {prefix + c_upper(x["name"]): v for v, x in Spec.numbered(items)}
        for n, v in want.items():
            if n not in hb:
                rep.err(f"{what}: {n} = {v} not in header")
            elif hb[n] != v:
                rep.err(f"{what}: {n}: spec {v} != header {hb[n]}")
            rep.ok()
        for n, v in hb.items():
            if n not in want:
                rep.err(f"{what}: header {n} = {v} not in spec")

    compare("top-level", c_upper(spec.set_prefix(spec.top)), spec.top["attributes"])
    for a, s in spec.nested_sets():
        compare(f"set {s['name']}", c_upper(spec.set_prefix(s)), s["attributes"])
    compare("operations", c_upper(spec.op_prefix()), spec.ops)
    # sizes the 7.2 uapi header names for the binary fields
    for cname, setname, attr in (("DRBD_NL_UUIDS_SIZE", "state-info", "uuids"),
                                 ("DRBD_NL_HISTORY_UUIDS_SIZE", "device-statistics", "history-uuids")):
        hv = syms.value(cname)
        if hv is None:
            continue
        a = {x["name"]: x for x in spec.sets.get(setname, {}).get("attributes", [])}.get(attr, {})
        if a.get("checks", {}).get("max-len") != hv:
            rep.err(f"{setname}.{attr}: max-len {a.get('checks', {}).get('max-len')} != {cname} = {hv}")
        rep.ok()
    rep.note("the plain-enum uapi header carries numbers and names only: "
             "types, lengths and flags were not compared for this header set")


def cmd_headers(args):
    spec = Spec(args.spec)
    rc = 0
    for d in args.dirs:
        rep = Report(f"headers {d}")
        check_rules(spec, rep)
        files = load_header_dir(d)
        if "drbd_genl.h" not in files:
            rep.err(f"{d}: drbd_genl.h not found")
            rc |= rep.finish()
            continue
        syms = Symbols()
        for fn in ("drbd.h", "drbd_limits.h", "drbd_genl_api.h", "drbd_genl.h"):
            if fn in files:
                syms.add_text(files[fn])
        if "GENL_struct" in files["drbd_genl.h"]:
            print(f"{d}: GENL_struct/GENL_op macro style")
            check_headers_macro(spec, files, syms, rep)
        else:
            print(f"{d}: plain enum (YNL naming) style")
            check_headers_plain(spec, files, syms, rep)
        present = {f"linux/{fn}" for fn in files}
        check_definitions(spec, syms, rep, {os.path.basename(p) for p in present})
        rc |= rep.finish()
    return rc


# --------------------------------------------------------------------------
# schema


def cmd_schema(args):
    rep = Report(f"schema {os.path.basename(args.schema)}")
    try:
        import jsonschema
    except ImportError:
        print("speccheck: python3-jsonschema is required", file=sys.stderr)
        return 2
    with open(args.schema) as f:
        schema = yaml.safe_load(f)
    with open(args.spec) as f:
        first = f.readline().rstrip("\n")
    lic = "# SPDX-License-Identifier: ((GPL-2.0 WITH Linux-syscall-note) OR BSD-3-Clause)"
    if first != lic:
        rep.err(f"first line must be exactly '{lic}' (YNL tools insist on it)")
    spec = Spec(args.spec)
    if spec.raw.get("protocol") != "genetlink-legacy":
        rep.err(f"protocol is {spec.raw.get('protocol')}, expected genetlink-legacy")
    declared = str(schema.get("$schema", ""))
    if "draft-07" in declared:
        cls = jsonschema.Draft7Validator
    else:
        cls = jsonschema.validators.validator_for(schema, default=jsonschema.Draft7Validator)
    cls.check_schema(schema)
    v = cls(schema)
    for e in sorted(v.iter_errors(spec.raw), key=lambda e: list(e.absolute_path)):
        path = "/".join(str(p) for p in e.absolute_path)
        rep.err(f"schema: at '{path}': {e.message}")
    rep.ok()
    check_rules(spec, rep)
    return rep.finish()


def cmd_rules(args):
    rep = Report("rules")
    check_rules(Spec(args.spec), rep)
    return rep.finish()


# --------------------------------------------------------------------------
# traces

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



# --------------------------------------------------------------------------
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


# --------------------------------------------------------------------------
# ynl-gen round trip: the uapi header generated from the spec by a kernel
# tree's tools/net/ynl must equal that tree's include/uapi/linux/<uapi-header>


def cmd_ynl_uapi(args):
    import shutil
    import subprocess
    import tempfile
    spec = Spec(args.spec)
    rep = Report(f"ynl-gen uapi {args.tree}")
    gen = os.path.join(args.tree, "tools", "net", "ynl", "pyynl", "ynl_gen_c.py")
    schemas = os.path.join(args.tree, "Documentation", "netlink")
    uapi = spec.raw.get("uapi-header", f"linux/{spec.name}.h")
    expect = os.path.join(args.tree, "include", "uapi", uapi)
    for p in (gen, expect, os.path.join(schemas, "genetlink-legacy.yaml")):
        if not os.path.exists(p):
            rep.err(f"{p} not found")
    if rep.errors:
        return rep.finish()
    with tempfile.TemporaryDirectory() as tmp:
        # ynl_gen_c looks for the schema in dirname(dirname(spec)) and walks up to a MAINTAINERS file
        os.makedirs(os.path.join(tmp, "specs"))
        for fn in os.listdir(schemas):
            if fn.endswith(".yaml"):
                shutil.copy(os.path.join(schemas, fn), tmp)
        open(os.path.join(tmp, "MAINTAINERS"), "w").close()
        sp = os.path.join(tmp, "specs", os.path.basename(args.spec))
        shutil.copy(args.spec, sp)
        out = os.path.join(tmp, "out.h")
        r = subprocess.run([sys.executable, gen, "--mode", "uapi", "--header", "--spec", sp, "-o", out],
                           cwd=tmp, capture_output=True, text=True, timeout=120)
        if r.returncode != 0:
            rep.err(f"ynl_gen_c.py failed: {r.stderr.strip()[-2000:]}")
            return rep.finish()
        with open(out) as f:
            got = f.read()
        for mode in (["kernel", "--header"], ["kernel", "--source"], ["user", "--header"], ["user", "--source"]):
            r2 = subprocess.run([sys.executable, gen, "--mode", *mode, "--spec", sp, "-o",
                                 os.path.join(tmp, "x")], cwd=tmp, capture_output=True, text=True, timeout=120)
            if r2.returncode != 0:
                rep.err(f"ynl_gen_c.py --mode {' '.join(mode)} failed: {r2.stderr.strip()[-1000:]}")
            rep.ok()
    with open(expect) as f:
        want = f.read()

    def body(text):  # drop the "auto-generated" banner comment lines
        return [ln for ln in text.splitlines()
                if not re.match(r"/\*\s*(Do not edit|\S*specs/|YNL-GEN|To regenerate)", ln.strip())]
    import difflib
    diff = list(difflib.unified_diff(body(want), body(got), f"{uapi} (kernel)", f"{uapi} (from spec)", lineterm=""))
    for ln in diff[:80]:
        print(ln)
    if diff:
        rep.err(f"the uapi header generated from the spec differs from {expect}")
    rep.ok()
    return rep.finish()


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = p.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("schema")
    s.add_argument("spec")
    s.add_argument("--schema", required=True)
    s.set_defaults(func=cmd_schema)
    h = sub.add_parser("headers")
    h.add_argument("spec")
    h.add_argument("dirs", nargs="+")
    h.set_defaults(func=cmd_headers)
    t = sub.add_parser("traces")
    t.add_argument("spec")
    t.add_argument("files", nargs="+")
    t.set_defaults(func=cmd_traces)
    n = sub.add_parser("nlgen")
    n.add_argument("spec")
    n.add_argument("nlgen", help="drivers/block/drbd/drbd_nl_gen.c of a 7.x kernel tree")
    n.add_argument("dirs", nargs="+", help="header dirs with drbd.h, drbd_limits.h, drbd_genl.h")
    n.set_defaults(func=cmd_nlgen)
    y = sub.add_parser("ynl-uapi")
    y.add_argument("spec")
    y.add_argument("tree", help="kernel tree with tools/net/ynl, Documentation/netlink, include/uapi")
    y.set_defaults(func=cmd_ynl_uapi)
    r = sub.add_parser("rules")
    r.add_argument("spec")
    r.set_defaults(func=cmd_rules)
    args = p.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
