#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Raw requests to the legacy "drbd" family, for what drbdsetup-84 never sends.

Run as root against whichever drbd.ko is loaded (in-tree or ours); prints one
line per request (the reply's kind, ret_code and info text, or the netlink
error) and, with --raw FILE, writes every reply message in hex with the
parts that differ between runs zeroed (family id, seq, port id).
Comparing the output of two drivers compares their answers; comparing the
raw files compares their bytes. legacy-wire.expected holds the answers of
the 6.1 in-tree driver (without its endless GET_DEVICES dump for an unknown
resource); 7.2's in-tree driver validates strictly and refuses the unknown
fields, our module answers like 6.1 on every kernel.

The requests: DRBD's mandatory bit (0x4000) on known and unknown fields, an
unknown top-level attribute, a string without its NUL, the set-defaults
flag, and get-status / object dumps of a diskless minor.
"""
import argparse
import socket
import struct
import sys

NETLINK_GENERIC = 16
NLM_F_REQUEST, NLM_F_DUMP = 0x1, 0x300
NLMSG_ERROR, NLMSG_DONE = 2, 3
GENL_ID_CTRL, CTRL_CMD_GETFAMILY = 16, 3
CTRL_ATTR_FAMILY_ID, CTRL_ATTR_FAMILY_NAME = 1, 2
NESTED, MANDATORY = 0x8000, 0x4000
NO_MINOR = 0xFFFFFFFF

# the family's numbers (genl-v8/drbd.yaml)
GET_STATUS, NEW_MINOR, NEW_RESOURCE, DEL_RESOURCE, RESOURCE_OPTS = 2, 5, 7, 8, 9
DOWN, GET_RESOURCES, GET_DEVICES = 27, 30, 31
CFG_REPLY, CFG_CONTEXT, RESOURCE_OPTS_TLA = 1, 2, 4
CTX_VOLUME, CTX_RESOURCE_NAME = 1, 2
SET_DEFAULTS = 1


def nla(atype, payload):
    length = 4 + len(payload)
    return struct.pack("=HH", length, atype) + payload + b"\0" * (-length % 4)


def nest(atype, *fields):
    return nla(atype | NESTED, b"".join(fields))


def string(text):
    return text.encode() + b"\0"


def u32(value):
    return struct.pack("=I", value)


def attrs(data):
    """(type, payload) of each attribute in data."""
    out = []
    while len(data) >= 4:
        length, atype = struct.unpack_from("=HH", data)
        if length < 4:
            break
        out.append((atype, data[4:length]))
        data = data[(length + 3) & ~3:]
    return out


class Genl:
    def __init__(self):
        self.sock = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, NETLINK_GENERIC)
        self.sock.bind((0, 0))
        self.sock.settimeout(10)
        self.seq = 1

    def send(self, ftype, flags, cmd, version, payload):
        self.seq += 1
        body = struct.pack("=BBH", cmd, version, 0) + payload
        self.sock.send(struct.pack("=IHHII", 16 + len(body), ftype, flags, self.seq, 0) + body)

    def messages(self, limit=20):
        """Yields (type, flags, body) until a message ends the answer, at
        most limit messages (a dump that never ends yields None last)."""
        while True:
            if limit <= 0:
                yield None, 0, b""
                return
            try:
                data = self.sock.recv(65536)
            except socket.timeout:
                yield None, 0, b"timeout"
                return
            while len(data) >= 16:
                length, mtype, flags = struct.unpack_from("=IHH", data)
                yield mtype, flags, data[:length]
                limit -= 1
                if mtype in (NLMSG_ERROR, NLMSG_DONE) or not flags & 0x2:
                    return
                data = data[(length + 3) & ~3:]

    def family(self, name):
        self.send(GENL_ID_CTRL, NLM_F_REQUEST, CTRL_CMD_GETFAMILY, 2,
                  nla(CTRL_ATTR_FAMILY_NAME, string(name)))
        for mtype, _, msg in self.messages():
            if mtype == NLMSG_ERROR:
                sys.exit(f"no genl family {name}")
            for atype, payload in attrs(msg[20:]):
                if atype == CTRL_ATTR_FAMILY_ID:
                    return struct.unpack("=H", payload[:2])[0]
        sys.exit(f"no id for genl family {name}")


def describe(mtype, msg):
    if mtype is None:
        return "no answer" if msg else "no end"
    if mtype == NLMSG_ERROR:
        return f"error {struct.unpack_from('=i', msg, 16)[0]}"
    if mtype == NLMSG_DONE:
        return "done"
    minor, ret = struct.unpack_from("=Ii", msg, 20)
    text = ""
    for atype, payload in attrs(msg[28:]):
        if atype & 0x3FFF == CFG_REPLY:
            for _, value in attrs(payload):
                text = value.rstrip(b"\0").decode(errors="replace")
    return f"minor {minor if minor != NO_MINOR else -1} ret {ret}" + (f" '{text}'" if text else "")


def normalized_hex(mtype, msg):
    b = bytearray(msg)
    if mtype == NLMSG_ERROR:
        # errno and the request's nlmsghdr; the rest echoes the request,
        # which the 6.1 in-tree driver edits in place (mandatory bits)
        b = b[:36]
        b[0:4] = struct.pack("=I", 36)
        b[20 + 4:20 + 6] = b"\0\0"
        b[20 + 8:20 + 16] = b"\0" * 8
    if mtype >= 16:
        b[4:6] = b"\0\0"        # family id
    b[8:16] = b"\0" * 8         # seq, port id
    return b.hex()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--raw", help="write the normalized reply bytes here")
    args = parser.parse_args()
    fam = Genl().family("drbd")
    raw = open(args.raw, "w", encoding="ascii") if args.raw else None

    def request(what, cmd, payload, minor=NO_MINOR, flags=0, dump=False):
        genl = Genl()   # a fresh socket: an endless dump stays behind
        genl.send(fam, NLM_F_REQUEST | (NLM_F_DUMP if dump else 0), cmd, 1,
                  struct.pack("=II", minor, flags) + payload)
        answers = []
        for mtype, _, msg in genl.messages():
            answers.append(describe(mtype, msg))
            if raw and mtype is not None:
                raw.write(f"{what}: {normalized_hex(mtype, msg)}\n")
        print(f"{what}: " + "; ".join(answers))

    def ctx(name, *more):
        return nest(CFG_CONTEXT, nla(CTX_RESOURCE_NAME | MANDATORY, string(name)), *more)

    request("unknown mandatory res-opts field", NEW_RESOURCE,
            ctx("w0") + nest(RESOURCE_OPTS_TLA, nla(9 | MANDATORY, u32(1))))
    request("unknown plain res-opts field", NEW_RESOURCE,
            ctx("w0") + nest(RESOURCE_OPTS_TLA, nla(9, u32(1))))
    request("unknown mandatory cfg-context field", NEW_RESOURCE,
            ctx("w1", nla(9 | MANDATORY, u32(1))))
    request("unknown plain cfg-context field", DEL_RESOURCE,
            ctx("w1", nla(9, u32(1))))
    request("unknown top-level attribute", RESOURCE_OPTS,
            ctx("w0") + nest(20, nla(1, u32(1))))
    request("name without NUL", NEW_RESOURCE,
            nest(CFG_CONTEXT, nla(CTX_RESOURCE_NAME | MANDATORY, b"w2")))
    request("empty name", NEW_RESOURCE, ctx(""))
    request("no context", NEW_RESOURCE, b"")
    request("res-opts without mandatory bits", RESOURCE_OPTS,
            ctx("w0") + nest(RESOURCE_OPTS_TLA, nla(1, string("3")), nla(2, u32(1))))
    request("set-defaults", RESOURCE_OPTS, ctx("w0"), flags=SET_DEFAULTS)
    request("new-minor 0 volume 0", NEW_MINOR,
            ctx("w0", nla(CTX_VOLUME | MANDATORY, u32(0))), minor=0)
    request("new-minor 0 as volume 3", NEW_MINOR,
            ctx("w0", nla(CTX_VOLUME | MANDATORY, u32(3))), minor=0)
    request("new-minor without volume", NEW_MINOR, ctx("w0"), minor=9)
    request("get-status 0", GET_STATUS, b"", minor=0)
    request("get-status 0 with context", GET_STATUS, ctx("w0"), minor=0)
    request("get-status dump", GET_STATUS, b"", dump=True)
    request("get-status dump w0", GET_STATUS, ctx("w0"), dump=True)
    request("get-status dump nores", GET_STATUS, ctx("nores"), dump=True)
    request("get-status dump without name", GET_STATUS,
            nest(CFG_CONTEXT, nla(CTX_VOLUME | MANDATORY, u32(0))), dump=True)
    request("get-resources dump", GET_RESOURCES, b"", dump=True)
    request("get-devices dump", GET_DEVICES, b"", dump=True)
    request("get-devices dump nores", GET_DEVICES, ctx("nores"), dump=True)
    request("down w0", DOWN, ctx("w0"))
    request("down w0 again", DOWN, ctx("w0"))
    if raw:
        raw.close()


if __name__ == "__main__":
    main()
