#!/usr/bin/env python3
"""Writes the seed corpora and dictionaries of the fuzz targets (stdlib only; run by scripts/fuzz.sh).

    fuzz/seed.py [XIANJIE_BINARY]

Seeds come from the shared test vectors (tests/vectors/**: each vector's `input` or `input_text`),
the samples (samples/*.json and, with a CLI binary, `xianjie sample NAME` and blank templates),
the table fixtures (tests/fixtures/tables/*) and the packs (core/packs/*.toml, also as JSON).
Everything lands in fuzz/corpus/<target>/ and fuzz/dict/ (both gitignored): nothing is committed.
"""
import csv
import glob
import hashlib
import io
import json
import os
import random
import subprocess
import sys
import tempfile
import tomllib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FUZZ = os.path.join(ROOT, "fuzz")
# The CSV target picks its entity from the first byte, in this order (fuzz_targets/csv.rs).
CSV_ENTITIES = ["semester_activities", "schools", "projects", "finance_settlements", "students", "teachers"]
TARGETS = ["dataset_json", "csv", "xlsx", "pack_toml", "pack_json", "params", "py_values"]


def put(target, data, name=None):
    if isinstance(data, str):
        data = data.encode("utf-8")
    d = os.path.join(FUZZ, "corpus", target)
    os.makedirs(d, exist_ok=True)
    name = name or hashlib.sha1(data).hexdigest()[:16]
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def flatten(rec, prefix=""):
    """A record as dotted JSON paths (the CSV reader takes JSON paths as headers)."""
    out = {}
    for k, v in rec.items():
        p = f"{prefix}{k}"
        if isinstance(v, dict):
            out.update(flatten(v, p + "."))
        elif isinstance(v, list):
            out[p] = json.dumps(v, ensure_ascii=False)
        elif isinstance(v, bool):
            out[p] = "是" if v else "否"
        elif v is not None:
            out[p] = str(v)
    return out


def csv_seeds(doc):
    """One CSV per collection of the CSV target's entities, prefixed with its entity byte."""
    for i, entity in enumerate(CSV_ENTITIES):
        recs = [flatten(r) for r in doc.get(entity, []) if isinstance(r, dict)][:20]
        if not recs:
            continue
        headers = sorted({h for r in recs for h in r})
        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow(headers)
        for r in recs:
            w.writerow([r.get(h, "") for h in headers])
        put("csv", bytes([i]) + buf.getvalue().encode("utf-8"))


def dataset(doc):
    put("dataset_json", json.dumps(doc, ensure_ascii=False, indent=1))
    csv_seeds(doc)


def main():
    cli = sys.argv[1] if len(sys.argv) > 1 else None
    words = set()
    for path in sorted(glob.glob(os.path.join(ROOT, "tests/vectors/**/*.json"), recursive=True)):
        with open(path, encoding="utf-8") as f:
            v = json.load(f)
        if "input_text" in v:
            put("dataset_json", v["input_text"])
        if isinstance(v.get("input"), dict):
            dataset(v["input"])
            collect_keys(v["input"], words)
        if isinstance(v.get("params"), dict):
            put("params", json.dumps(v["params"]))
    for path in sorted(glob.glob(os.path.join(ROOT, "samples/*.json"))):
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        dataset(doc)
        collect_keys(doc, words)
    if cli and os.access(cli, os.X_OK):
        names = subprocess.run([cli, "sample"], capture_output=True, text=True).stdout.split()
        for n in names:
            out = subprocess.run([cli, "sample", n], capture_output=True, text=True).stdout
            if out.strip():
                dataset(json.loads(out))
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, "t.xlsx")
            if subprocess.run([cli, "template", "--out", out], capture_output=True).returncode == 0:
                with open(out, "rb") as f:
                    put("xlsx", f.read())
    for path in sorted(glob.glob(os.path.join(ROOT, "tests/fixtures/tables/*"))):
        with open(path, "rb") as f:
            data = f.read()
        if path.endswith(".xlsx"):
            put("xlsx", data)
        elif path.endswith(".csv"):
            put("csv", bytes([0]) + data)  # 学期活动.csv: semester activities
    for path in sorted(glob.glob(os.path.join(ROOT, "core/packs/*.toml"))):
        with open(path, "rb") as f:
            text = f.read()
        put("pack_toml", text)
        pack = tomllib.loads(text.decode("utf-8"))
        put("pack_json", json.dumps(pack, ensure_ascii=False, default=str))
        collect_keys(pack, words)
    # Structured targets read raw bytes through `arbitrary`: random seeds of a few sizes.
    rng = random.Random(10)
    for target in ("params", "py_values"):
        for n in (16, 64, 256, 1024, 4096):
            put(target, bytes(rng.randrange(256) for _ in range(n)))
    write_dicts(words)
    for t in TARGETS:
        d = os.path.join(FUZZ, "corpus", t)
        print(f"{t}: {len(os.listdir(d)) if os.path.isdir(d) else 0} seeds")


def collect_keys(v, words):
    if isinstance(v, dict):
        for k, x in v.items():
            words.add(k)
            collect_keys(x, words)
    elif isinstance(v, list):
        for x in v:
            collect_keys(x, words)


def quote(s):
    return '"' + "".join(c if c.isascii() and c.isprintable() and c not in '"\\' else
                         "".join(f"\\x{b:02x}" for b in c.encode("utf-8")) for c in s) + '"'


def write_dicts(words):
    """libFuzzer dictionaries: the field names (as JSON keys, CSV headers, TOML keys) and a few
    tokens of each syntax, so mutations reach past the first refusal."""
    d = os.path.join(FUZZ, "dict")
    os.makedirs(d, exist_ok=True)
    words = sorted(w for w in words if len(w) < 64)
    common = ["2024", "2023-2024-1", "1e28", "-0", "NaN", "\x1b[31m", "\u202e", "2024年"]
    json_tokens = [f'"{w}":' for w in words] + ["{", "}", "[", "]", "null", "true", ":", ","] + common
    csv_tokens = words + [",", "\r\n", "\r", "\t", '"'] + common
    toml_tokens = [f"{w} = " for w in words] + ["[[rules]]", "[[rules.checks]]", '"""', "="] + common
    xlsx_tokens = ["<c r=\"A1\"", "XFD1048576", "<mergeCell ref=", "<si><t>", "</t></si>",
                   "<row r=\"1\">", "t=\"s\"", "<v>", "</v>", "xl/sharedStrings.xml",
                   "xl/worksheets/sheet1.xml", "PK\x03\x04", "PK\x01\x02", "PK\x05\x06"]
    for name, tokens in (("json", json_tokens), ("csv", csv_tokens), ("toml", toml_tokens),
                         ("xlsx", xlsx_tokens)):
        with open(os.path.join(d, f"{name}.dict"), "w", encoding="ascii") as f:
            for t in tokens:
                f.write(quote(t) + "\n")


if __name__ == "__main__":
    main()
