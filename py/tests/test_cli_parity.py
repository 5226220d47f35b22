"""The Python package and the CLI give the very same findings on the bundled sample."""
import json
import pathlib
import subprocess

import xianjie

ROOT = pathlib.Path(__file__).resolve().parents[2]


def cli_json() -> dict:
    binary = ROOT / "target" / "debug" / "xianjie"
    cmd = [str(binary)] if binary.exists() else ["cargo", "run", "-q", "-p", "xianjie-cli", "--"]
    out = subprocess.run(cmd + ["check", "--format", "json"], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 1, out.stderr  # the sample carries error findings on purpose
    return json.loads(out.stdout)


def test_sample_findings_match_the_cli() -> None:
    report = xianjie.check(xianjie.sample("bj-3p2-2024"))
    cli = cli_json()
    ours = [(f.rule_id, f.severity, f.path, f.message.zh, f.message.en) for f in report.findings]
    theirs = [
        (f["rule_id"], f["severity"], f["locations"][0]["path"] if f["locations"] else "", f["message"]["zh"], f["message"]["en"])
        for f in cli["findings"]
    ]
    assert len(ours) == len(theirs) > 0
    assert ours == theirs
    assert report.ok == cli["ok"]
