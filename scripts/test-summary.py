#!/usr/bin/env python3
"""Sums up the Surefire reports of every module and prints one line per module
plus a closing 'N passed, N failed, N skipped' line.

--require-module M fails the run when module M ran no test or skipped any: the
lab tests must really run in the full test command.
"""
import argparse
import glob
import os
import sys
import xml.etree.ElementTree as ET


def module_counts(root):
    counts = {}
    for report in glob.glob(os.path.join(root, "*", "target", "surefire-reports", "TEST-*.xml")):
        module = report.split(os.sep)[-4]
        suite = ET.parse(report).getroot()
        c = counts.setdefault(module, [0, 0, 0])
        tests = int(suite.get("tests", 0))
        failed = int(suite.get("failures", 0)) + int(suite.get("errors", 0))
        skipped = int(suite.get("skipped", 0))
        c[0] += tests - failed - skipped
        c[1] += failed
        c[2] += skipped
    return counts


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--require-module", action="append", default=[])
    parser.add_argument("--root", default=".")
    args = parser.parse_args()

    counts = module_counts(args.root)
    ok = True
    for module in sorted(counts):
        p, f, s = counts[module]
        print(f"tests in {module}: {p} passed, {f} failed, {s} skipped")
    for module in args.require_module:
        p, f, s = counts.get(module, [0, 0, 0])
        if p + f == 0 or s:
            print(f"test-summary: module {module} must run its tests: {p + f} ran, {s} skipped",
                  file=sys.stderr)
            ok = False
    total = [sum(c[i] for c in counts.values()) for i in range(3)]
    print(f"Total: {total[0]} passed, {total[1]} failed, {total[2]} skipped")
    return 0 if ok and total[1] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
