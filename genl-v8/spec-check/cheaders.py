# SPDX-License-Identifier: GPL-2.0-or-later
"""C header parsing and the `headers` check (6.1/6.12 macro style, 7.2 plain enums)."""

import os
import re

from common import HEADER_MARKERS, Report, c_upper, under
from spec import Spec, attr_default, attr_flags, check_rules, event_attrs, op_reply_attrs, op_request_attrs


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
