# SPDX-License-Identifier: GPL-2.0-or-later
"""Shared pieces: constants, the problem report, C-name helpers."""

import re


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
