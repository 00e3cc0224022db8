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
import sys

try:
    import yaml  # noqa: F401 - the check modules need it; say so once, clearly
except ImportError:  # pragma: no cover - reported, not hidden
    print("speccheck: python3-yaml (PyYAML) is required", file=sys.stderr)
    sys.exit(2)

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from cheaders import cmd_headers  # noqa: E402
from nlgen import cmd_nlgen  # noqa: E402
from schema import cmd_rules, cmd_schema  # noqa: E402
from traces import cmd_traces  # noqa: E402
from ynluapi import cmd_ynl_uapi  # noqa: E402


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
