"""docs/notebook.ipynb runs top to bottom (so it cannot rot)."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[2]


def test_notebook_runs(tmp_path: Path) -> None:
    nb = nbformat.read(ROOT / "docs" / "notebook.ipynb", as_version=4)
    client = NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}})
    client.execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    html = [o for o in outputs if "text/html" in o.get("data", {})]
    assert any("xianjie-report" in "".join(o["data"]["text/html"]) for o in html)
    assert any("image/png" in o.get("data", {}) for o in outputs), "the plot is missing"
