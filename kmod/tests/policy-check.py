#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Compare the running kernel's drbd2 policies with genl-drbd2/drbd2.yaml.

For every operation mode (do, dump) the spec declares, the kernel's policy
(CTRL_CMD_GETPOLICY through pyynl) must accept exactly the spec's request
attributes, with the spec's types and checks (min, max, max-len), nested
policies included.

Kernels without split ops (Linux 6.1) have one policy per command; there the
do and dump policies are the union of both request lists. Extra attributes
that belong to the other mode of the same command are reported as notes,
not as errors.

Usage: policy-check.py --ksrc KERNEL_TREE --spec drbd2.yaml
Exit status: 0 if everything matches, 1 otherwise.
"""

import argparse
import os
import sys

TYPE_MAP = {'string': 'nul-string', 'nest': 'nested'}
UNSIGNED_MAX = {'u8': 0xff, 'u16': 0xffff, 'u32': 0xffffffff,
                'u64': 0xffffffffffffffff}


def const_value(spec, value):
    if isinstance(value, int):
        return value
    for d in spec['definitions']:
        if d['name'] == value and d['type'] == 'const':
            return d['value']
    raise ValueError(f'unknown constant {value}')


def enum_range(spec, name):
    for d in spec['definitions']:
        if d['name'] == name:
            start = d.get('value-start', 0)
            return start, start + len(d['entries']) - 1
    raise ValueError(f'unknown enum {name}')


def expected_entry(spec, attr):
    """What the kernel should report for one attribute of the spec."""
    exp = {'type': TYPE_MAP.get(attr['type'], attr['type'])}
    if attr['type'] == 'string' and attr.get('checks', {}).get('unterminated-ok'):
        exp['type'] = 'string'
    checks = attr.get('checks', {})
    if 'min' in checks:
        exp['min-value'] = const_value(spec, checks['min'])
    if 'max' in checks:
        exp['max-value'] = const_value(spec, checks['max'])
    if 'enum' in attr and 'max' not in checks and not attr.get('enum-as-flags'):
        exp['min-value'], exp['max-value'] = enum_range(spec, attr['enum'])
    if 'max-len' in checks:
        exp['max-length'] = const_value(spec, checks['max-len'])
    # min-len is not compared: the policy dump does not report the
    # NLA_POLICY_MIN_LEN of a binary attribute
    return exp


def compare_entry(spec, where, attr, pol, errors):
    exp = expected_entry(spec, attr)
    got_type = pol.type
    if got_type != exp['type']:
        errors.append(f'{where}: type {got_type}, spec says {exp["type"]}')
        return
    for key in ('min-value', 'max-value', 'max-length'):
        got = getattr(pol, key.replace('-', '_'), None)
        if key in exp:
            if got != exp[key]:
                errors.append(f'{where}: {key} {got}, spec says {exp[key]}')
        elif key == 'max-value' and got is not None and \
                got != UNSIGNED_MAX.get(exp['type'], got):
            errors.append(f'{where}: kernel limits {key} to {got}, spec has no check')
    if attr['type'] == 'nest':
        nested = attr_set(spec, attr['nested-attributes'])
        # pad attributes only align 64-bit values in replies: no policy
        compare_set(spec, where, [a['name'] for a in nested['attributes']
                                  if a['type'] != 'pad'],
                    nested, pol, [], errors, [])


def attr_set(spec, name):
    for s in spec['attribute-sets']:
        if s['name'] == name:
            return s
    raise ValueError(f'unknown attribute set {name}')


def policy_names(pol):
    return list(pol.keys())


def compare_set(spec, where, wanted, aset, pol, other_mode, errors, notes):
    got = policy_names(pol) if pol is not None else []
    for name in wanted:
        if name not in got:
            errors.append(f'{where}: kernel policy lacks {name}')
    for name in got:
        if name in wanted:
            continue
        if name in other_mode:
            notes.append(f'{where}: also accepts {name} (merged do/dump policy)')
        else:
            errors.append(f'{where}: kernel accepts {name}, spec does not list it')
    attrs = {a['name']: a for a in aset['attributes']}
    for name in wanted:
        if name in got:
            compare_entry(spec, f'{where}.{name}', attrs[name], pol[name], errors)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--ksrc', required=True, help='kernel tree with tools/net/ynl')
    ap.add_argument('--spec', required=True)
    args = ap.parse_args()

    sys.path.insert(0, os.path.join(args.ksrc, 'tools/net/ynl/pyynl'))
    from lib import YnlFamily  # pylint: disable=import-outside-toplevel

    ynl = YnlFamily(args.spec, schema='')
    spec = ynl.yaml
    errors, notes = [], []
    checked = 0
    for op in spec['operations']['list']:
        modes = [m for m in ('do', 'dump') if m in op]
        for mode in modes:
            req = op[mode].get('request', {}).get('attributes', [])
            other = [a for m in modes if m != mode
                     for a in op[m].get('request', {}).get('attributes', [])]
            pol = ynl.get_policy(op['name'], mode)
            compare_set(spec, f'{op["name"]} {mode}', req,
                        attr_set(spec, op['attribute-set']), pol, other,
                        errors, notes)
            checked += 1
    for n in notes:
        print(f'note: {n}')
    for e in errors:
        print(f'error: {e}')
    print(f'policy-check: {checked} op modes checked, {len(errors)} mismatches')
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())
