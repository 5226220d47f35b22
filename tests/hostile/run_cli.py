#!/usr/bin/env python3
"""Runs the CLI face of every case in cases.json on the files make.py writes; checks each
expectation. Stdlib only.

    tests/hostile/run_cli.py [--bin PATH] [--dir OUTDIR] [--bombs small|full] [-v] [CASE_ID...]

Each run has a 10 s timeout and a 2 GiB address-space limit (RLIMIT_AS, as `ulimit -v`), so a
hang or a memory blow-up fails the case instead of the machine. Every case must also end without
a panic or a signal (no exit 101 or 134). The last line is `N passed, N failed`; the exit code
is 1 if any failed.
"""
import json
import os
import re
import resource
import signal
import subprocess
import sys
import tempfile
import time
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import make  # noqa: E402

TIMEOUT = 10
MEMORY = 2 << 30
# C0 controls but tab and newline, DEL, C1 controls, bidi embeddings/overrides/isolates and marks.
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# The limit's message names it ("raise it with the limit NAME" / "可用限额NAME调整").
TYPE_MARKERS = {"limit": ["raise it with the limit", "可用限额"]}


def limit_memory():
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def sub(s, d, out):
    return s.replace("{dir}", d["dir"]).replace("{file}", d["file"]).replace("{out}", out)


def run(case, binary, outdir, tmp):
    """Returns a list of failure messages (empty: passed)."""
    file = os.path.join(outdir, case["file"]) if case.get("file") else ""
    d = {"dir": outdir, "file": file}
    out = os.path.join(tmp, case["id"])
    args = [binary] + [sub(a, d, out) for a in case["args"]]
    stdin = open(sub(case["stdin"], d, out), "rb") if case.get("stdin") else subprocess.DEVNULL
    started = time.monotonic()
    try:
        if case.get("pipe_head"):
            # `... | head -1`: read one line, then close the pipe under the writer.
            p = subprocess.Popen(args, stdin=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                 preexec_fn=limit_memory)
            p.stdout.readline()
            p.stdout.close()
            try:
                err = p.stderr.read()
                p.wait(timeout=TIMEOUT)
            except subprocess.TimeoutExpired:
                p.kill()
                return [f"timed out after {TIMEOUT} s"]
            rc, stdout, stderr = p.returncode, b"", err
        else:
            p = subprocess.run(args, stdin=stdin, capture_output=True, timeout=TIMEOUT,
                               preexec_fn=limit_memory)
            rc, stdout, stderr = p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired:
        return [f"timed out after {TIMEOUT} s"]
    finally:
        if stdin is not subprocess.DEVNULL:
            stdin.close()
    wall = time.monotonic() - started
    text = (stdout + stderr).decode("utf-8", "replace")
    fails = []
    if rc < 0:
        fails.append(f"killed by signal {signal.Signals(-rc).name}")
    if rc in (101, 134) or "panicked" in text or "memory allocation" in text:
        fails.append(f"crashed (exit {rc})")
    e = case["expect"]
    check(e, rc, text, stderr, out, fails)
    extra = e.get("by_exit", {}).get(str(rc))
    if extra:
        check(extra, rc, text, stderr, out, fails)
    if fails:
        short = RAW_CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", text.strip())
        fails.append(f"exit {rc}, {wall:.1f} s; output: {short[:240].replace(chr(10), ' | ')}")
    return fails


def check(e, rc, text, stderr, out, fails):
    if "exit" in e and rc not in e["exit"]:
        fails.append(f"exit {rc}, expected {e['exit']}")
    t = e.get("type")
    if t:
        shown = re.search(r'"type"\s*:\s*"' + re.escape(t) + '"', text)
        markers = TYPE_MARKERS.get(t)
        if re.search(r'"type"\s*:', text) and not shown:
            fails.append(f"no issue of type {t}")
        elif markers and not shown and not any(m in text for m in markers):
            fails.append(f"no {t} named in the output")
    for s in e.get("all", []):
        if s not in text:
            fails.append(f"missing {s!r}")
    if e.get("any") and not any(s in text for s in e["any"]):
        fails.append(f"none of {e['any']!r}")
    for s in e.get("none", []):
        if s in text:
            fails.append(f"unexpected {s!r}")
    if e.get("no_raw_controls"):
        m = RAW_CONTROL.search(text)
        if m:
            fails.append(f"raw control character U+{ord(m.group()):04X} in the output")
    if "max_stderr_bytes" in e and len(stderr) > e["max_stderr_bytes"]:
        fails.append(f"{len(stderr)} bytes of stderr, expected at most {e['max_stderr_bytes']}")
    xlsx = out + ".xlsx"
    if e.get("out_exists") and not os.path.exists(xlsx):
        fails.append("no workbook written")
    if e.get("xlsx_out_all") and os.path.exists(xlsx):
        with zipfile.ZipFile(xlsx) as z:
            xml = "".join(z.read(n).decode("utf-8", "replace") for n in z.namelist()
                          if n.endswith(".xml"))
        for s in e["xlsx_out_all"]:
            if s not in xml:
                fails.append(f"workbook lacks {s!r}")


def main():
    args = sys.argv[1:]

    def opt(name, default):
        if name in args:
            i = args.index(name)
            v = args[i + 1]
            del args[i:i + 2]
            return v
        return default

    binary = opt("--bin", os.environ.get("XIANJIE_BIN", ""))
    outdir = opt("--dir", "")
    bombs = opt("--bombs", "small")
    verbose = "-v" in args
    if verbose:
        args.remove("-v")
    if not binary:
        for b in ("target/release/xianjie", "target/debug/xianjie"):
            if os.access(os.path.join(ROOT, b), os.X_OK):
                binary = os.path.join(ROOT, b)
                break
    if not binary:
        sys.exit("no CLI binary: build it (cargo build -p xianjie-cli) or pass --bin")
    with open(os.path.join(HERE, "cases.json"), encoding="utf-8") as f:
        cases = [c for c in json.load(f)["cases"] if "cli" in c.get("faces", [])]
    if args:
        cases = [c for c in cases if c["id"] in args]
    with tempfile.TemporaryDirectory() as tmp:
        if not outdir:
            outdir = os.path.join(tmp, "in")
            make.make(outdir, bombs=bombs)
        passed = failed = 0
        for c in cases:
            fails = run(c, binary, outdir, tmp)
            if fails:
                failed += 1
                print(f"FAIL {c['id']}: " + "; ".join(fails))
            else:
                passed += 1
                print(f"ok   {c['id']}")
            if verbose and fails:
                print(f"     seen: {c['seen']}")
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
