#!/usr/bin/env python3
"""Recomputes the expected outputs in expected/*.json without the wasm binaries, from Python's
own libraries, so a bug shared by a C workload and the runtime that recorded its output shows up.

  python3 faas/workloads/tools/crosscheck.py

Checks: auth (hmac + hashlib), crypto (hashlib MD5 and AES-128-CTR from the `cryptography`
package, or `openssl enc` if that is missing), binary_trees (node counts), partial_sums (Python
floats and libm, printed with %.9f), dynamic_html (splitmix64 and the page), echo (identity),
string_validate (verdicts on JSON lines against json.loads, where both apply the same rules).
"""
import hashlib
import hmac
import html
import json
import math
import os
import subprocess
import sys
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
problems = 0
checked = 0


def expected(name):
    with open(os.path.join(ROOT, "expected", name + ".json"), encoding="utf-8") as f:
        return json.load(f)["cases"]


def compare(name, case, want):
    global problems, checked
    checked += 1
    if case.get("stdout") != want:
        problems += 1
        print(f"MISMATCH {name} / {case['name']}:\n  recorded {case.get('stdout')!r}\n  computed {want!r}")


def auth(case):
    key = case["env"]["AUTH_KEY"].encode()
    token = case["stdin"].strip()
    payload, _, sig = token.rpartition(".")
    if not token:
        return {"valid": False, "reason": "empty token"}
    if "." not in token:
        return {"valid": False, "reason": "malformed token: no '.' before the signature"}
    try:
        presented = bytes.fromhex(sig) if len(sig) == 64 else None
    except ValueError:
        presented = None
    if presented is None:
        return {"valid": False, "reason": "malformed token: the signature must be 64 hex digits"}
    mac = hmac.new(key, payload.encode(), hashlib.sha256).digest()
    if not hmac.compare_digest(mac, presented):
        return {"valid": False, "reason": "signature mismatch"}
    return {"valid": True, "payload": payload, "alg": "HS256"}


def aes128_ctr(key, iv, data):
    try:
        from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
        enc = Cipher(algorithms.AES(key), modes.CTR(iv)).encryptor()
        return enc.update(data) + enc.finalize()
    except ImportError:
        return subprocess.run(["openssl", "enc", "-aes-128-ctr", "-K", key.hex(), "-iv", iv.hex()],
                              input=data, capture_output=True, check=True).stdout


def crypto(case):
    env = case["env"]
    size = int(env.get("CRYPTO_BYTES", "4096"))
    key = bytes.fromhex(env.get("CRYPTO_KEY", "2b7e151628aed2a6abf7158809cf4f3c"))
    iv = bytes.fromhex(env.get("CRYPTO_IV", "f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff"))
    seed = case["stdin"].encode() or b"ROMEO: But, soft! what light through yonder window breaks? It is the east, and Juliet is the sun.\n"
    plain = (seed * (size // len(seed) + 1))[:size]
    cipher = aes128_ctr(key, iv, plain)
    return (f'{{"bytes":{size},"md5":"{hashlib.md5(plain).hexdigest()}",'
            f'"aes128ctr_md5":"{hashlib.md5(cipher).hexdigest()}","aes128ctr_head":"{cipher[:16].hex()}",'
            f'"roundtrip":true}}\n')


def binary_trees(case):
    text = case["stdin"].strip() or case["env"].get("BT_DEPTH", "8")
    n = int(text)
    max_depth = max(6, n)
    nodes = lambda d: 2 ** (d + 1) - 1
    lines = [f"stretch tree of depth {max_depth + 1}\t check: {nodes(max_depth + 1)}"]
    for d in range(4, max_depth + 1, 2):
        it = 1 << (max_depth - d + 4)
        lines.append(f"{it}\t trees of depth {d}\t check: {it * nodes(d)}")
    lines.append(f"long lived tree of depth {max_depth}\t check: {nodes(max_depth)}")
    return "\n".join(lines) + "\n"


def partial_sums(case):
    n = int(case["stdin"].strip() or case["env"].get("PS_N", "10000"))
    a = [0.0] * 9
    alt = -1.0
    twothirds = 2.0 / 3.0
    for i in range(1, n + 1):
        k = float(i)
        k2 = k * k
        k3 = k2 * k
        sk, ck = math.sin(k), math.cos(k)
        alt = -alt
        a[0] += math.pow(twothirds, k - 1)
        a[1] += 1.0 / math.sqrt(k)
        a[2] += 1.0 / (k * (k + 1.0))
        a[3] += 1.0 / (k3 * sk * sk)
        a[4] += 1.0 / (k3 * ck * ck)
        a[5] += 1.0 / k
        a[6] += 1.0 / k2
        a[7] += alt / k
        a[8] += alt / (2.0 * k - 1.0)
    names = ["(2/3)^k", "k^-0.5", "1/k(k+1)", "Flint Hills", "Cookson Hills", "Harmonic",
             "Riemann Zeta", "Alternating Harmonic", "Gregory"]
    return "".join("%.9f\t%s\n" % (v, name) for v, name in zip(a, names))


def splitmix64(state):
    mask = (1 << 64) - 1
    state = (state + 0x9E3779B97F4A7C15) & mask
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & mask
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & mask
    return state, z ^ (z >> 31)


def dynamic_html(case):
    form = dict(urllib.parse.parse_qsl(case["stdin"].strip(), keep_blank_values=True))
    count = int(form.get("count", case["env"].get("HTML_COUNT", "100")))
    state = int(form.get("seed", case["env"].get("HTML_SEED", "42")))
    numbers = []
    for _ in range(count):
        state, z = splitmix64(state)
        numbers.append(z % 1000000)
    esc = lambda s: html.escape(s, quote=True).replace("&#x27;", "&#39;")
    items = "".join(f"        <li>{n}</li>\n" for n in numbers)
    return ("<!DOCTYPE html>\n<html>\n  <head>\n    <title>Randomly generated data.</title>\n"
            "    <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            "    <style type=\"text/css\">\n      .container { max-width: 500px; padding-top: 100px; }\n"
            "    </style>\n  </head>\n  <body>\n    <div class=\"container\">\n"
            f"      <p>Welcome {esc(form.get('username') or 'anonymous')}!</p>\n"
            f"      <p>Data generated at: {esc(form['time'])}!</p>\n"
            f"      <p>Requested random numbers ({count}):</p>\n      <ul>\n{items}      </ul>\n"
            "    </div>\n  </body>\n</html>\n")


def json_verdicts(case):
    """The JSON-kind verdicts, line by line, as json.loads sees them (nesting limits aside)."""
    verdicts = {}
    for number, line in enumerate(case["stdin"].split("\n"), start=1):
        line = line.rstrip("\r")
        if not line or (case["env"].get("VALIDATE_KIND") != "json" and line[0] not in "[{"):
            continue
        try:
            json.loads(line)
            verdicts[number] = True
        except ValueError:
            verdicts[number] = False
    return verdicts


for case in expected("auth"):
    if case["exit_code"] == 0:
        compare("auth", case, json.dumps(auth(case), separators=(",", ":"), ensure_ascii=False) + "\n")
for case in expected("crypto"):
    if case["exit_code"] == 0:
        compare("crypto", case, crypto(case))
for case in expected("binary_trees"):
    if case["exit_code"] == 0:
        compare("binary_trees", case, binary_trees(case))
for case in expected("partial_sums"):
    if case["exit_code"] == 0:
        compare("partial_sums", case, partial_sums(case))
for case in expected("dynamic_html"):
    if case["exit_code"] == 0:
        compare("dynamic_html", case, dynamic_html(case))
for case in expected("echo"):
    compare("echo", case, case["stdin"])
for case in expected("string_validate"):
    if case["exit_code"] != 0 or case["name"] == "nesting limit":
        continue
    got = {r["line"]: r["valid"] for r in json.loads(case["stdout"])["results"] if r["kind"] == "json"}
    checked += 1
    if got != json_verdicts(case):
        problems += 1
        print(f"MISMATCH string_validate / {case['name']}: wasm {got}, json.loads {json_verdicts(case)}")

print(f"crosscheck: {checked} outputs recomputed, {problems} mismatches")
sys.exit(1 if problems else 0)
