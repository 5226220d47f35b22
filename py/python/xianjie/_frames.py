"""DataFrames in, without a Python object per row.

Anything speaking the Arrow PyCapsule interface (``__arrow_c_stream__`` or ``__arrow_c_array__``:
pyarrow Tables, RecordBatches and RecordBatchReaders, polars DataFrames, duckdb relations) goes to
the core as Arrow: the core reads the columns (``xianjie::columns``), English dotted paths
(``agreement.signed_on``) or the workbooks' Chinese headers (``学生姓名``) as column names. A
polars LazyFrame is collected first; a duckdb relation of a version without the capsule gives its
``.arrow()`` table. A pandas DataFrame goes through ``pyarrow.Table.from_pandas`` when pyarrow is
installed; without pyarrow (or for columns Arrow cannot type, such as mixed Python objects) it
is converted column by column as before (one Python list per column, then the dict path).
"""

from __future__ import annotations

import re
from importlib import import_module
from typing import Any, Dict, List, Mapping, Optional, Tuple, Union

from ._native import Columns

ColumnLists = List[Tuple[str, List[Any]]]


def _module(obj: object) -> str:
    return type(obj).__module__.split(".")[0]


def is_frame(obj: object) -> bool:
    """True for pandas/polars DataFrames, pyarrow Tables and Arrow stream or array providers."""
    if isinstance(obj, (dict, list, tuple, str, bytes)):
        return False
    if _module(obj) in ("pandas", "polars", "pyarrow", "duckdb"):
        # A LazyFrame's `columns` would resolve its schema: it is told by `collect_schema`.
        return any(hasattr(obj, a) for a in ("__arrow_c_stream__", "collect_schema", "columns"))
    return hasattr(obj, "__arrow_c_stream__") or hasattr(obj, "__arrow_c_array__")


def arrow_source(obj: Any) -> Optional[Any]:
    """The object to hand the core as Arrow, or ``None`` when it goes column by column."""
    module = _module(obj)
    if module == "polars" and type(obj).__name__ == "LazyFrame":
        return obj.collect()
    if module == "pandas":
        return _from_pandas(obj)
    if module == "duckdb" and not hasattr(obj, "__arrow_c_stream__") and hasattr(obj, "arrow"):
        return obj.arrow()
    if hasattr(obj, "__arrow_c_stream__") or hasattr(obj, "__arrow_c_array__"):
        return obj
    return None


def _from_pandas(df: Any) -> Optional[Any]:
    """A pyarrow Table of ``df`` (index dropped), or ``None`` without pyarrow, for duplicate
    column names (refused, located, by the column path) and for columns Arrow cannot type."""
    try:
        pa = import_module("pyarrow")
    except ImportError:
        return None
    if df.columns.has_duplicates:
        return None
    try:
        return pa.Table.from_pandas(df, preserve_index=False)
    except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError, TypeError):
        return None


def column_lists(frame: Any) -> ColumnLists:
    """One Python list per column, in order; a name given twice stays twice (the core refuses
    it, rather than one column silently replacing the other)."""
    module = _module(frame)
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


Split = Tuple[Dict[Any, Any], List[Tuple[str, Any]], Dict[Any, Any]]


def split(data: Mapping[Any, Any]) -> Split:
    """The mapping as (values for the dict path, with frames that cannot go as Arrow replaced
    by ``Columns``; the collections given as Arrow, ``(name, object)``; a shadow copy to show the
    offending input in errors, reading rows only when asked)."""
    native: Dict[Any, Any] = {}
    arrow: List[Tuple[str, Any]] = []
    shadow: Dict[Any, Any] = {}
    for key, value in data.items():
        if not is_frame(value):
            native[key] = value
            shadow[key] = value
            continue
        source = arrow_source(value) if isinstance(key, str) else None
        if source is not None:
            arrow.append((key, source))
            shadow[key] = _ArrowRows(source)
        else:
            lists = column_lists(value)
            native[key] = Columns([n for n, _ in lists], [c for _, c in lists])
            shadow[key] = _Rows(dict(lists))
    return native, arrow, shadow


def _nested(row: Dict[str, Any]) -> Dict[str, Any]:
    """A row with dotted column names (``agreement.signed_on``) nested, as the core reads it."""
    out: Dict[str, Any] = {}
    for name, value in row.items():
        node = out
        *parents, last = str(name).split(".")
        for p in parents:
            child = node.setdefault(p, {})
            if not isinstance(child, dict):
                break
            node = child
        else:
            node[last] = value
    return out


class _Rows:
    """Row access over column lists, for error lookups only."""

    def __init__(self, lists: Dict[str, List[Any]]) -> None:
        self.lists = lists

    def __getitem__(self, i: int) -> Dict[str, Any]:
        return _nested({name: col[i] for name, col in self.lists.items()})

    def cell(self, row: int, column: int) -> Any:
        name, values = list(self.lists.items())[column]
        return name if row < 0 else values[row]


class _ArrowRows:
    """Row access over an Arrow source, for error lookups only: one row is read when an error
    names it (a one-shot stream, already read, shows nothing)."""

    def __init__(self, source: Any) -> None:
        self.source = source

    def __getitem__(self, i: int) -> Dict[str, Any]:
        s = self.source
        if _module(s) == "polars":
            return _nested(s.row(i, named=True))
        if hasattr(s, "slice") and hasattr(s, "to_pylist"):
            rows = s.slice(i, 1).to_pylist()
            if rows:
                return _nested(rows[0])
        raise IndexError(i)

    def cell(self, row: int, column: int) -> Any:
        """The value at data row ``row`` (``-1``: the header) of column ``column``."""
        s = self.source
        if row < 0:
            return list(s.columns if _module(s) == "polars" else s.column_names)[column]
        if _module(s) == "polars":
            return s.item(row, column)
        if hasattr(s, "column"):
            return s.column(column)[row].as_py()
        raise IndexError(row)


#: A cell as the core names it for a collection read from columns: ``semester_activities!C2``
#: (the header is row 1), then the field.
_CELL = re.compile(r"^(?P<sheet>.+)!(?P<col>[A-Z]+)(?P<row>[0-9]+)(?: .*)?$")


def _column_index(letters: str) -> int:
    n = 0
    for c in letters:
        n = n * 26 + (ord(c) - ord("A") + 1)
    return n - 1


def lookup(data: Any, loc: Tuple[Union[str, int], ...]) -> Any:
    """The value at ``loc`` in ``data`` (a path, or a cell of a collection given as columns)."""
    if len(loc) == 1 and isinstance(loc[0], str):
        m = _CELL.match(loc[0])
        if m is not None and hasattr(data.get(m["sheet"]), "cell"):
            row = int(m["row"]) - 2
            return data[m["sheet"]].cell(row, _column_index(m["col"]))
    node = data
    for part in loc:
        node = node[part]
    return node
