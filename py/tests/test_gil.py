"""The GIL is released while the core parses and checks: another thread keeps running."""

from __future__ import annotations

import json
import threading
import time
from typing import List

import xianjie
from xianjie import _native


def _big_json(n: int) -> str:
    rows = [
        {"project": f"P{i:06}", "semester": "2023-2024-1", "meetings": i % 3,
         "joint_research": 3, "teachers_dispatched": 5}
        for i in range(n)
    ]
    return json.dumps({"reporting_year": 2024, "semester_activities": rows})


def _sized_input() -> str:
    """Input big enough that parse + check take a while (in debug and release builds alike)."""
    n = 10_000
    while True:
        text = _big_json(n)
        t0 = time.perf_counter()
        _native.check(_native.Dataset.from_json_str(text), ["bj-3p2-2024"], {}, "zh")
        if time.perf_counter() - t0 > 0.25 or n >= 1_280_000:
            return text
        n *= 2


def test_other_threads_progress_during_check() -> None:
    text = _sized_input()
    stamps: List[float] = []
    stop = threading.Event()

    def ticker() -> None:
        while not stop.is_set():
            stamps.append(time.perf_counter())
            time.sleep(0.001)

    thread = threading.Thread(target=ticker)
    thread.start()
    time.sleep(0.05)
    t0 = time.perf_counter()
    ds = _native.Dataset.from_json_str(text)  # parse: GIL released
    out = _native.check(ds, ["bj-3p2-2024"], {}, "zh")  # check and serialise: GIL released
    t1 = time.perf_counter()
    stop.set()
    thread.join()
    assert json.loads(out.summary_json())["counts"]["error"] > 0
    inside = [s for s in stamps if t0 <= s <= t1]
    gaps = [b - a for a, b in zip([t0] + inside, inside + [t1])]
    # Held, the GIL would stall the ticker for the whole call; released, it keeps ticking.
    assert t1 - t0 > 0.1, f"too fast to tell ({t1 - t0:.3f}s)"
    assert len(inside) > 10, (len(inside), t1 - t0)
    assert max(gaps) < (t1 - t0) / 2, (max(gaps), t1 - t0)


def test_check_from_threads_is_consistent(failing: dict) -> None:
    results: List[str] = []

    def run() -> None:
        results.append(xianjie.check(failing).to_json())

    threads = [threading.Thread(target=run) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    # Every thread got its report (the Python decoders are built by one thread at a time).
    assert len(results) == 4 and len(set(results)) == 1


def _table(n: int) -> object:
    import pyarrow as pa

    return pa.table({
        "project": [f"P{i:07}" for i in range(n)],
        "semester": ["2023-2024-1"] * n,
        "meetings": [i % 3 for i in range(n)],
        "joint_research": [3] * n,
        "teachers_dispatched": [5] * n,
    })


def test_other_threads_progress_while_arrow_is_read() -> None:
    # Arrow columns are read and checked by the core with the GIL released, as JSON is.
    n = 20_000
    while True:
        table = _table(n)
        t0 = time.perf_counter()
        xianjie.check({"reporting_year": 2024, "semester_activities": table}, packs="bj-3p2-2024")
        if time.perf_counter() - t0 > 0.25 or n >= 2_560_000:
            break
        n *= 2
    stamps: List[float] = []
    stop = threading.Event()

    def ticker() -> None:
        while not stop.is_set():
            stamps.append(time.perf_counter())
            time.sleep(0.001)

    thread = threading.Thread(target=ticker)
    thread.start()
    time.sleep(0.05)
    t0 = time.perf_counter()
    report = xianjie.check({"reporting_year": 2024, "semester_activities": table}, packs="bj-3p2-2024")
    t1 = time.perf_counter()
    stop.set()
    thread.join()
    assert report.counts.error > 0
    inside = [s for s in stamps if t0 <= s <= t1]
    gaps = [b - a for a, b in zip([t0] + inside, inside + [t1])]
    assert len(inside) > 10, (len(inside), t1 - t0)
    assert max(gaps) < (t1 - t0) / 2, (max(gaps), t1 - t0)
