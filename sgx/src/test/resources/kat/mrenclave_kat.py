#!/usr/bin/env python3
"""Independent known-answer vector for MRENCLAVE.

Written from the published algorithm of Linux tools/testing/selftests/sgx/sigstruct.c
(mrenclave_ecreate / mrenclave_eadd / mrenclave_eextend) and Gramine's sgx_sign.py
(struct formats '<8sLQ44s', '<8sQQ40s', '<8sQ48s'), using only Python's hashlib.
It shares no code with the Java emulator. Run: python3 mrenclave_kat.py
"""
import hashlib
import struct

PAGE = 4096


def measure(size, ssa_frame_size, pages):
    h = hashlib.sha256()
    h.update(struct.pack('<8sLQ44s', b'ECREATE', ssa_frame_size, size, b''))
    for offset, secinfo_flags, measured, content in pages:
        h.update(struct.pack('<8sQQ40s', b'EADD', offset, secinfo_flags, b''))
        if measured:
            for i in range(0, PAGE, 256):
                h.update(struct.pack('<8sQ48s', b'EEXTEND', offset + i, b''))
                h.update(content[i:i + 256])
    return h.hexdigest()


PT_TCS = 1 << 8
PT_REG = 2 << 8
R, W, X = 1, 2, 4

# The vector used by MeasurementKnownAnswerTest and by sgx-measure-kat.json:
# a TCS at 0 (OSSA = 0x3000, NSSA = 1, OENTRY = 0x1000), code at 0x1000 (RX, bytes 0xCC),
# data at 0x2000 (RW, bytes 0..255 repeating, measured), SSA at 0x3000 (RW, zero, measured),
# heap at 0x4000 (RW, 0x5A, added but not measured). ELRANGE 64 KiB, SSA frame 1 page.
tcs = bytearray(PAGE)
struct.pack_into('<QQQIIQ', tcs, 0, 0, 0, 0x3000, 0, 1, 0x1000)
pages = [
    (0x0000, PT_TCS, True, bytes(tcs)),
    (0x1000, PT_REG | R | X, True, bytes([0xCC]) * PAGE),
    (0x2000, PT_REG | R | W, True, bytes(i % 256 for i in range(PAGE))),
    (0x3000, PT_REG | R | W, True, bytes(PAGE)),
    (0x4000, PT_REG | R | W, False, bytes([0x5A]) * PAGE),
]
print(measure(0x10000, 1, pages))
