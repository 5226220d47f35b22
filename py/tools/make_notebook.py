"""Writes docs/notebook.ipynb (without outputs) from the cells below. Run from the repo root."""

import json
from pathlib import Path

CELLS = [
    ("markdown", """# xianjie in a notebook

Load the bundled Beijing sample, check it against the `bj-3p2-2024` rule pack, look at the
findings, and plot transfer rates (转段率) by district. Every number comes from the Rust core;
the Python package only converts values."""),
    ("code", """import xianjie

xianjie.__version__, xianjie.sample_names()"""),
    ("code", """data = xianjie.sample("bj-3p2-2024")
{name: len(rows) for name, rows in data.items() if isinstance(rows, list)}"""),
    ("markdown", """## Check

`check` returns a `Report`; in a notebook it shows as a table, coloured by severity, with the
clause each finding cites."""),
    ("code", """report = xianjie.check(data, packs=["bj-3p2-2024"])
report"""),
    ("code", """findings = report.to_pandas()
findings.groupby(["severity", "rule_id"]).size()"""),
    ("code", """first = report.findings[0]
print(first.message.zh)
print(first.message.en)
print(first.remedy.en if first.remedy else "(no remedy)")
print(xianjie.explain(first.rule_id, "en"))"""),
    ("markdown", """## Transfer rates by district

The share of secondary graduates who transferred to the higher stage (转段率), grouped by the
secondary school's district, computed by the core (`xianjie::aggregate::transfer_rates`). Rates
are exact `Decimal`s (`None` for a zero denominator); they become floats only for the plot."""),
    ("code", """rates = xianjie.transfer_rates(data, by=["district"])
rates[["district", "graduated", "transferred", "fraction", "rate"]]"""),
    ("code", """import matplotlib.pyplot as plt

shown = rates[rates["rate"].notna()]
fig, ax = plt.subplots(figsize=(8, 3))
ax.bar(shown["district"].astype(str), [float(r) * 100 for r in shown["rate"]], color="#1565c0")
ax.set_xlabel("district (division code)")
ax.set_ylabel("transferred / graduated (%)")
ax.set_ylim(0, 100)
ax.set_title("Transfer rate by district")
plt.xticks(rotation=45, ha="right")
plt.tight_layout()
plt.show()"""),
    ("markdown", """## The application summary (汇总表)

Each secondary school's new applications in rank order."""),
    ("code", """xianjie.summary(data).head(10)"""),
]


def main() -> None:
    nb = {
        "cells": [
            {"cell_type": kind, "metadata": {}, "source": text.splitlines(keepends=True),
             **({"execution_count": None, "outputs": []} if kind == "code" else {})}
            for kind, text in CELLS
        ],
        "metadata": {
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    for i, cell in enumerate(nb["cells"]):
        cell["id"] = f"cell-{i}"
    Path("docs/notebook.ipynb").write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", "utf-8")


if __name__ == "__main__":
    main()
