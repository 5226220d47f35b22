#!/usr/bin/env python3
"""Times xianjie against the polars yardstick on the national Parquet folder, in one interleaved
session: every repetition runs every face once (in a rotated order), each under
`/usr/bin/time -v` for the peak RSS; the table shows the median wall time and peak RSS, the
ratios against the polars yardstick on 2 threads, and whether the per-rule finding counts agree
with it (every rule either side counts; the per-rule list after the table names the faces that
differ). The yardsticks judge only the records of each rule's scope, as xianjie does with both
packs named (scopes.py).

    python compare.py DIR [--reps 5] [--xianjie PATH] [--faces a,b,...] [--year 2024]

Faces (default: all but cli-json):
  polars-2     yardstick_polars.py with POLARS_MAX_THREADS=2 (the reference)
  polars-1     the same on one thread
  pandas       yardstick_pandas.py
  cli          xianjie check DIR --format jsonl --out FILE (the Parquet folder)
  cli-threads  the same with --threads 2, when the CLI has the option
  python       xianjie.check with polars DataFrames, findings as a polars DataFrame
  python-2     the same with threads=2
  python-files xianjie.check on the folder itself (read by the core), threads=2, findings as a
               polars DataFrame
  cli-json     xianjie check on the same data as one JSON document (DIR.json, made once
               with to_json.py when missing: slow at scale 1)

A face that is not available yet (no binary, no Parquet input, no Python module) is reported
and skipped. Run it with the Python of the venv that has polars, pandas, pyarrow (and xianjie).
"""

import json
import os
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
PACKS = ["--pack", "bj-3p2-2024", "--pack", "qz-pilot-2024"]
ALL = ["polars-2", "polars-1", "pandas", "cli", "cli-threads", "python", "python-2",
       "python-files", "cli-json"]
DEFAULT = [f for f in ALL if f != "cli-json"]


def arg(argv, name, default):
    return argv[argv.index(name) + 1] if name in argv else default


def timed(cmd, env=None):
    """Runs `cmd` under /usr/bin/time -v: (exit code, wall s, peak RSS MB, stdout, stderr)."""
    full = ["/usr/bin/time", "-v"] + cmd
    e = dict(os.environ)
    e.update(env or {})
    t0 = time.perf_counter()
    p = subprocess.run(full, capture_output=True, text=True, env=e)
    wall = time.perf_counter() - t0
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr)
    rss = int(m.group(1)) / 1024 if m else float("nan")
    return p.returncode, wall, rss, p.stdout, p.stderr


def parse_counts(stdout):
    counts = {}
    for line in stdout.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[0] == "RULE":
            counts[parts[1]] = int(parts[2])
    return counts


def jsonl_counts(path):
    """Findings per rule in a JSON Lines findings file (one finding per line)."""
    counts = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            o = json.loads(line)
            rule = o.get("rule_id", o.get("rule"))
            if isinstance(rule, dict):
                rule = rule.get("id")
            if rule is None:
                continue
            counts[rule] = counts.get(rule, 0) + 1
    return counts


def report_counts(path):
    """Findings per rule from a `--format json` report: its `by_rule` object, which comes before
    the findings (read from the head of the file, not the whole report)."""
    with open(path, encoding="utf-8") as f:
        head = f.read(1 << 20)
    m = re.search(r'"by_rule"\s*:\s*(\{[^}]*\})', head)
    return json.loads(m.group(1)) if m else {}


class Face:
    def __init__(self, name, cmd, env=None, counts_from=None):
        self.name, self.cmd, self.env, self.counts_from = name, cmd, env, counts_from
        self.walls, self.rss, self.counts, self.error = [], [], None, None

    def run(self):
        code, wall, rss, out, err = timed(self.cmd, self.env)
        # xianjie exits 1 when it found errors: that is a result, not a failure.
        if code not in (0, 1):
            self.error = (err.strip().splitlines() or [f"exit {code}"])[-1]
            return
        self.walls.append(wall)
        self.rss.append(rss)
        if self.counts is None:
            self.counts = self.counts_from() if self.counts_from else parse_counts(out)


def find_xianjie(argv):
    given = arg(argv, "--xianjie", None)
    for c in [given, os.path.join(ROOT, "target", "release", "xianjie"), shutil.which("xianjie")]:
        if c and os.path.exists(c):
            return c
    return None


def cli_help(exe):
    p = subprocess.run([exe, "check", "--help"], capture_output=True, text=True)
    return p.stdout


def main(argv):
    if len(argv) < 2 or argv[1].startswith("-"):
        print(__doc__, file=sys.stderr)
        return 2
    d = os.path.abspath(argv[1])
    reps = int(arg(argv, "--reps", "5"))
    year = arg(argv, "--year", "2024")
    wanted = arg(argv, "--faces", ",".join(DEFAULT)).split(",")
    py = sys.executable
    tmp = tempfile.mkdtemp(prefix="xianjie-compare-")
    faces, skipped = [], []

    def want(n):
        return n in wanted

    yard = os.path.join(HERE, "yardstick_polars.py")
    if want("polars-2"):
        faces.append(Face("polars-2", [py, yard, d, "--year", year], {"POLARS_MAX_THREADS": "2"}))
    if want("polars-1"):
        faces.append(Face("polars-1", [py, yard, d, "--year", year], {"POLARS_MAX_THREADS": "1"}))
    if want("pandas"):
        faces.append(Face("pandas", [py, os.path.join(HERE, "yardstick_pandas.py"), d,
                                     "--year", year]))
    exe = find_xianjie(argv)
    cli_wanted = [f for f in ("cli", "cli-threads", "cli-json") if want(f)]
    if cli_wanted and exe is None:
        skipped += [(f, "no xianjie binary (cargo build --release -p xianjie-cli)")
                    for f in cli_wanted]
    elif cli_wanted:
        h = cli_help(exe)
        parquet_in = "jsonl" in h
        for f in cli_wanted:
            out = os.path.join(tmp, f"{f}.jsonl")
            if f == "cli-json":
                src = d.rstrip("/") + ".json"
                if not os.path.exists(src):
                    print(f"writing {src} (once) …", file=sys.stderr)
                    subprocess.run([py, os.path.join(HERE, "to_json.py"), d, src, "--year", year],
                                   check=True)
                target = src
            else:
                target = d
            if not parquet_in and f == "cli-json":
                # Before JSON Lines output: the whole report as JSON, into a file.
                out = os.path.join(tmp, "cli-json.json")
                line = " ".join(shlex.quote(c) for c in [exe, "check", target, "--year", year]
                                + PACKS + ["--format", "json"])
                faces.append(Face(f, ["sh", "-c", f"{line} > {shlex.quote(out)}"],
                                  counts_from=lambda out=out: report_counts(out)))
                continue
            if not parquet_in:
                skipped.append((f, "this xianjie check has no --format jsonl / Parquet input yet"))
                continue
            cmd = [exe, "check", target, "--year", year] + PACKS + [
                "--format", "jsonl", "--out", out]
            if f == "cli-threads":
                if "--threads" not in h:
                    skipped.append((f, "this xianjie check has no --threads option yet"))
                    continue
                cmd += ["--threads", "2"]
            faces.append(Face(f, cmd, counts_from=lambda out=out: jsonl_counts(out)))
    if want("python"):
        probe = subprocess.run([py, "-c", "import xianjie"], capture_output=True, text=True)
        if probe.returncode != 0:
            skipped.append(("python", "xianjie is not installed in this Python "
                                      "(maturin develop --release -m py/Cargo.toml)"))
        else:
            faces.append(Face("python", [py, os.path.join(HERE, "xianjie_face.py"), d,
                                         "--year", year]))
    for f, extra in [("python-2", ["--threads", "2"]),
                     ("python-files", ["--threads", "2", "--frames", "files"])]:
        if want(f):
            faces.append(Face(f, [py, os.path.join(HERE, "xianjie_face.py"), d,
                                  "--year", year] + extra))

    for f, why in skipped:
        print(f"skipped {f}: {why}")
    if not faces:
        return 1
    print(f"{len(faces)} faces × {reps} repetitions on {d}", file=sys.stderr)
    for rep in range(reps):
        k = rep % len(faces)
        for face in faces[k:] + faces[:k]:
            if face.error is None:
                face.run()
                if face.error:
                    print(f"{face.name}: failed: {face.error}", file=sys.stderr)
        print(f"  repetition {rep + 1}/{reps} done", file=sys.stderr)

    ref = next((f for f in faces if f.name == "polars-2" and f.walls), None)
    ref_wall = statistics.median(ref.walls) if ref else None
    ref_rss = statistics.median(ref.rss) if ref else None
    ref_counts = ref.counts if ref else None
    rows = [("face", "wall s (median)", "min", "peak RSS MB", "× wall", "× RSS", "findings",
             "agree")]
    for f in faces:
        if not f.walls:
            rows.append((f.name, "failed", "", "", "", "", "", f.error or ""))
            continue
        w, r = statistics.median(f.walls), statistics.median(f.rss)
        total = sum(f.counts.values()) if f.counts else 0
        agree = ""
        if ref_counts is not None and f.counts is not None:
            # Every rule either side counts (a rule the yardstick lacks is a difference too).
            rules = sorted(set(ref_counts) | set(f.counts))
            diff = [k for k in rules if f.counts.get(k, 0) != ref_counts.get(k, 0)]
            agree = (f"yes ({len(rules)} rules)" if not diff
                     else f"no: {len(diff)} of {len(rules)} rules differ ({diff[0]} …)")
        rows.append((f.name, f"{w:.3f}", f"{min(f.walls):.3f}", f"{r:.0f}",
                     f"{w / ref_wall:.2f}" if ref_wall else "",
                     f"{r / ref_rss:.2f}" if ref_rss else "", str(total), agree))
    widths = [max(len(str(row[i])) for row in rows) for i in range(len(rows[0]))]
    for i, row in enumerate(rows):
        print("  ".join(str(c).ljust(widths[j]) for j, c in enumerate(row)))
        if i == 0:
            print("  ".join("-" * w for w in widths))
    if ref_counts:
        counted = [f for f in faces if f.counts is not None]
        rules = sorted(set(ref_counts).union(*(f.counts for f in counted)))
        differ = [k for k in rules if any(f.counts.get(k, 0) != ref_counts.get(k, 0)
                                          for f in counted)]
        print()
        print(f"per rule (polars yardstick; other faces named where they differ): "
              f"{len(rules) - len(differ)} of {len(rules)} rules agree on every face")
        for k in rules:
            others = " ".join(
                f"{f.name}={f.counts.get(k, 0)}" for f in counted
                if f is not ref and f.counts.get(k, 0) != ref_counts.get(k, 0))
            print(f"  {k:<52} {ref_counts.get(k, 0):>8} {others}")
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
