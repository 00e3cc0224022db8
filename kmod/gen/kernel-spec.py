#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Writes the kernel-build view of a genetlink-legacy spec for ynl_gen_c.py.

The legacy family's spec (genl-v8/drbd.yaml) describes the in-tree 8.4 ABI:
its definitions point at the in-tree headers (header: linux/drbd.h, ...) and
its uAPI header is linux/drbd_genl.h. drbd.ko must not depend on those
headers (7.2 moved and renamed them, and the in-tree names would shadow the
generated ones), so the generated code gets its own copy of every definition:

  - every definition's "header:" is dropped, so that ynl_gen_c.py emits the
    enums, flags, structs and consts into the generated uAPI header;
  - "uapi-header:" is set to the name given on the command line.

Nothing else changes: attribute sets, operations and checks are the spec's.

Usage: kernel-spec.py SPEC UAPI_HEADER OUT
"""
import sys

import yaml


def main():
    if len(sys.argv) != 4:
        sys.exit("usage: kernel-spec.py SPEC UAPI_HEADER OUT")
    src, uapi, out = sys.argv[1:]
    with open(src, encoding="utf-8") as f:
        text = f.read()
    spec = yaml.safe_load(text)
    for definition in spec.get("definitions", []):
        definition.pop("header", None)
    spec["uapi-header"] = uapi
    # the generator insists on the SPDX line as the first line of the file
    first = text.splitlines()[0]
    with open(out, "w", encoding="utf-8") as f:
        f.write(first + "\n---\n")
        yaml.safe_dump(spec, f, sort_keys=False, width=1000)


if __name__ == "__main__":
    main()
