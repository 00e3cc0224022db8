# SPDX-License-Identifier: GPL-2.0-or-later
"""The `schema` and `rules` sub-commands."""

import os
import sys

import yaml

from common import Report
from spec import Spec, check_rules


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
