"""DataFrames in: each frame becomes one list per column (never one Python object per row).

pandas, polars and pyarrow tables are recognised by their module; any other object offering the
Arrow PyCapsule stream (``__arrow_c_stream__``) is read through pyarrow. Missing cells (None, NaN,
NaT, pandas NA) are left out of their record, so the core sees the field as absent.
"""

from __future__ import annotations

from importlib import import_module

from typing import Any, Dict, List, Mapping, Tuple, Union

from ._native import Columns

ColumnLists = List[Tuple[str, List[Any]]]


def is_frame(obj: object) -> bool:
    """True for pandas/polars DataFrames, pyarrow Tables and Arrow stream providers."""
    module = type(obj).__module__.split(".")[0]
    if module in ("pandas", "polars", "pyarrow"):
        return hasattr(obj, "columns")
    return hasattr(obj, "__arrow_c_stream__") and not isinstance(obj, (dict, list))


def column_lists(frame: Any) -> ColumnLists:
    """One Python list per column, in order; a name given twice stays twice (the core refuses
    it, rather than one column silently replacing the other)."""
    module = type(frame).__module__.split(".")[0]
    if module == "polars":
        return [(name, frame.get_column(name).to_list()) for name in frame.columns]
    if module == "pandas":
        out: ColumnLists = []
        for i, name in enumerate(frame.columns):
            s = frame.iloc[:, i]
            out.append((str(name), s.astype(object).where(s.notna(), None).tolist()))
        return out
    pa = import_module("pyarrow")

    table = frame if isinstance(frame, pa.Table) else pa.table(frame)
    return [
        (name, table.column(i).to_pylist()) for i, name in enumerate(table.column_names)
    ]


def convert(data: Mapping[Any, Any]) -> Tuple[Dict[Any, Any], Dict[Any, Any]]:
    """The mapping with frames replaced by ``Columns`` (for the core), and a shadow copy with
    frames replaced by their column lists (to show the offending input in errors)."""
    native: Dict[Any, Any] = {}
    shadow: Dict[Any, Any] = {}
    for key, value in data.items():
        if is_frame(value):
            lists = column_lists(value)
            native[key] = Columns([n for n, _ in lists], [c for _, c in lists])
            shadow[key] = _Rows(dict(lists))
        else:
            native[key] = value
            shadow[key] = value
    return native, shadow


class _Rows:
    """Row access over column lists, for error lookups only."""

    def __init__(self, lists: Dict[str, List[Any]]) -> None:
        self.lists = lists

    def __getitem__(self, i: int) -> Dict[str, Any]:
        return {name: col[i] for name, col in self.lists.items()}


def lookup(data: Any, loc: Tuple[Union[str, int], ...]) -> Any:
    """The value at ``loc`` in ``data``."""
    node = data
    for part in loc:
        node = node[part]
    return node
