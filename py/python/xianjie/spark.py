"""The packs' checks inside Spark (PySpark 4): the same findings as one ``xianjie.check`` over the
whole data, computed where the data lives.

>>> report = xianjie.spark.check({"schools": schools_df, "projects": projects_df,
...                               "students": students_df}, packs=["qz-pilot-2024"],
...                              reporting_year=2024)
>>> report.findings.groupBy("rule_id").count().show()
>>> report.rules()  # every rule's status, as in Report.rules

How the work is split comes from the core (``scopes``: each check's scope, derived from its kind
and parameters, ``docs/scale-out.md``); this module only plans Spark stages from it and moves
Arrow batches:

- checks of one record run in ``mapInArrow`` over the collection's partitions;
- checks of groups run per key: the collection hash-partitioned by the key, then
  ``mapInArrow`` (``groups="partition"``, one core call per partition), or
  ``groupBy(key).applyInArrow`` (``groups="apply"``, one call per group);
- checks of a whole collection (targets, a companion found in another collection) and checks of
  the small collections run once, on the driver;
- the small collections (schools, projects) are broadcast: every partition gets them whole.

Every record is known by its row number in its collection, column ``row`` (``_row``; added in
the DataFrame's order when absent): the core checks each partition with those numbers, so a
finding's ``index`` and ``path`` name the row of the whole collection, as one run would.
"""

from __future__ import annotations

import json
import uuid
from functools import reduce
from typing import Any, Dict, Iterator, List, Mapping, Optional, Sequence, Tuple

from . import _native
from ._decode import decode
from ._types import RuleStatus, TargetProgress

__all__ = ["SparkReport", "check", "scopes", "BROADCAST", "ROW"]

#: The column holding each record's row number in its collection.
ROW = "_row"

#: Collections given whole to every partition (the core's ``scope_of::BROADCAST``).
BROADCAST = ("schools", "projects")

#: The column of a partition's statuses and target progress (JSON), on one row per partition.
_PART = "_part"


def scopes(packs: Sequence[str]) -> List[Dict[str, Any]]:
    """Every check of ``packs`` with its scope, from the core: ``rule_id``, ``check`` (its
    position in the rule), ``kind``, ``entity`` (the collection judged), ``split``
    (``"record"``, ``"group"`` with ``key``, or ``"whole"``) and ``reads`` (other collections it
    reads). The integrity checks (``data/…``) come first."""
    result: List[Dict[str, Any]] = json.loads(_native.scopes(list(packs)))
    return result


def _on_driver(s: Mapping[str, Any]) -> bool:
    return s["split"] == "whole" or s["entity"] in BROADCAST


def plan(packs: Sequence[str]) -> Dict[Tuple[str, str, Tuple[str, ...]], List[Tuple[str, int]]]:
    """The stages for ``packs``: ``(where, collection, key)`` → checks ``(rule id, position)``,
    where is ``"driver"``, ``"record"`` or ``"group"`` (``key`` the grouping fields)."""
    stages: Dict[Tuple[str, str, Tuple[str, ...]], List[Tuple[str, int]]] = {}
    for s in scopes(packs):
        if _on_driver(s):
            where, entity, key = "driver", "", ()
        elif s["split"] == "record":
            where, entity, key = "record", s["entity"], ()
        else:
            where, entity, key = "group", s["entity"], tuple(s["key"])
        stages.setdefault((where, entity, key), []).append((s["rule_id"], s["check"]))
    return stages


class SparkReport:
    """Findings as a Spark DataFrame (the columns of ``Report.to_arrow``, decimals at scale 9,
    the index as a long), with the rules' statuses and target progress merged on request."""

    def __init__(self, both: Any, driver_parts: List[str], packs: List[str], params: Dict[str, str]):
        from pyspark.sql import functions as F  # type: ignore[import-not-found,unused-ignore]  # optional dependency

        self._both = both
        self._driver_parts = driver_parts
        self._packs = packs
        self._params = params
        self._merged: Optional[Dict[str, Any]] = None
        #: One row per finding.
        self.findings = both.filter(F.col(_PART).isNull()).drop(_PART)

    def _merge(self) -> Dict[str, Any]:
        if self._merged is None:
            from pyspark.sql import functions as F

            parts = [r[0] for r in self._both.filter(F.col(_PART).isNotNull()).select(_PART).collect()]
            merged = _native.merge_parts(self._packs, self._params, parts + self._driver_parts)
            self._merged = json.loads(merged)
        return self._merged

    def rules(self) -> List[RuleStatus]:
        """Every rule's status, as ``Report.rules`` of one run (runs a Spark job the first time)."""
        return [decode(RuleStatus, r) for r in self._merge()["rules"]]

    def targets(self) -> List[TargetProgress]:
        """Progress towards targets, as ``Report.targets`` of one run."""
        return [decode(TargetProgress, t) for t in self._merge()["targets"]]


def _stage_name(stage: Tuple[str, str, Tuple[str, ...]]) -> str:
    where, entity, key = stage
    return "/".join([where, entity, *key])


def _plain(table: Any, schema: Any) -> Any:
    """``table`` cast to ``schema`` (dictionaries as text, the unsigned index as signed: what
    Spark reads), with an empty ``_part`` column."""
    import pyarrow as pa  # type: ignore[import-untyped]

    cols = [table.column(f.name).cast(f.type) for f in schema if f.name != _PART]
    cols.append(pa.nulls(table.num_rows, pa.string()))
    return pa.Table.from_arrays(cols, schema=schema)


def _part_row(part: str, schema: Any) -> Any:
    import pyarrow as pa  # type: ignore[import-untyped]

    arrays = [pa.nulls(1, f.type) for f in schema if f.name != _PART] + [pa.array([part])]
    return pa.Table.from_arrays(arrays, schema=schema)


def _out_schema(table: Any) -> Any:
    import pyarrow as pa  # type: ignore[import-untyped]

    fields = []
    for f in table.schema:
        t = f.type
        if pa.types.is_dictionary(t):
            t = t.value_type
        elif pa.types.is_unsigned_integer(t):
            t = pa.int64()
        fields.append(pa.field(f.name, t, nullable=True))
    fields.append(pa.field(_PART, pa.string(), nullable=True))
    return pa.schema(fields)


#: Broadcast tables read once per Python worker, by broadcast id.
_BROADCAST_CACHE: Dict[str, Dict[str, Any]] = {}


def _broadcast_tables(bc: Any, tag: str) -> Dict[str, Any]:
    import pyarrow as pa  # type: ignore[import-untyped]

    got = _BROADCAST_CACHE.get(tag)
    if got is None:
        got = {name: pa.ipc.open_stream(blob).read_all() for name, blob in bc.value.items()}
        _BROADCAST_CACHE.clear()
        _BROADCAST_CACHE[tag] = got
    return got


def _check_table(
    entity: str,
    table: Any,
    small: Dict[str, Any],
    job: Dict[str, Any],
) -> Any:
    """One partition (or group) of ``entity`` checked by the core: its findings and part."""
    import pyarrow as pa  # type: ignore[import-untyped]

    from . import dataset

    table = table.rename_columns(job["names"]).sort_by(ROW)
    rows = table.column(ROW).to_pylist()
    data: Dict[str, Any] = {"reporting_year": job["year"]} if job["year"] is not None else {}
    data.update({k: v for k, v in small.items() if k != entity})
    data[entity] = table.drop_columns([ROW])
    ds = dataset(data)
    found, part = _native.check_part(
        ds, job["packs"], job["params"], job["units"], [(entity, rows)], job["lang"], job["stage"]
    )
    found = pa.table(found)
    schema = job["schema"]
    return _plain(found, schema), _part_row(part, schema)


def _mapper(entity: str, bc: Any, job: Dict[str, Any]) -> Any:
    def run(batches: Iterator[Any]) -> Iterator[Any]:
        import pyarrow as pa  # type: ignore[import-untyped]

        got = list(batches)
        if not got or sum(b.num_rows for b in got) == 0:
            return
        small = _broadcast_tables(bc, job["tag"])
        found, part = _check_table(entity, pa.Table.from_batches(got), small, job)
        yield from found.to_batches()
        yield from part.to_batches()

    return run


def _grouper(entity: str, bc: Any, job: Dict[str, Any]) -> Any:
    def run(table: Any) -> Any:
        import pyarrow as pa  # type: ignore[import-untyped]

        small = _broadcast_tables(bc, job["tag"])
        found, part = _check_table(entity, table, small, job)
        return pa.concat_tables([found, part])

    return run


def _with_rows(df: Any, row: str) -> Any:
    """``df`` with its row numbers in ``ROW``: ``row`` renamed, or numbered in the DataFrame's
    order when absent."""
    if row in df.columns:
        return df.withColumnRenamed(row, ROW) if row != ROW else df
    from pyspark.sql.types import LongType, StructField, StructType  # type: ignore[import-not-found,unused-ignore]  # optional dependency

    schema = StructType(df.schema.fields + [StructField(ROW, LongType(), False)])
    numbered = df.rdd.zipWithIndex().map(lambda p: tuple(p[0]) + (p[1],))
    return df.sparkSession.createDataFrame(numbered, schema)


def _col(name: str) -> Any:
    from pyspark.sql import functions as F

    return F.col("`" + name.replace("`", "``") + "`")


def _to_arrow(df: Any) -> Any:
    """A (small) DataFrame collected as one Arrow table, in row-number order."""
    return df.toArrow().sort_by(ROW)


def check(
    collections: Mapping[str, Any],
    packs: Sequence[str],
    params: Optional[Mapping[str, object]] = None,
    reporting_year: Optional[int] = None,
    *,
    lang: Optional[str] = None,
    row: str = ROW,
    groups: str = "partition",
    partitions: Optional[int] = None,
) -> SparkReport:
    """Checks Spark DataFrames ``collections`` (named as in the JSON document; columns as
    ``xianjie.check`` reads Arrow: dotted paths) with the built-in ``packs`` (named: a pack is not
    chosen from the data here) and ``params``, for ``reporting_year``.

    ``row``: the column numbering each collection's records from 0 (a finding's ``index`` and
    ``path`` use it, as one run over the collection in that order); absent, the DataFrame's order
    numbers them. ``lang`` (``"zh"``, ``"en"``, ``"both"``): messages as columns, rendered in the
    partitions. ``groups``: ``"partition"`` or ``"apply"`` (see the module). ``partitions``: how
    many partitions a grouped collection is hashed into (default: Spark's shuffle partitions).

    Returns a :class:`SparkReport`; nothing runs until its findings are read.
    """
    from pyspark import StorageLevel  # type: ignore[import-not-found,unused-ignore]  # optional dependency
    import pyarrow as pa  # type: ignore[import-untyped]

    from . import _param, dataset

    if isinstance(packs, str):
        packs = [packs]
    pack_ids = list(packs)
    if not pack_ids:
        raise ValueError("xianjie.spark.check needs the packs named (packs=[...])")
    if groups not in ("partition", "apply"):
        raise ValueError(f'groups must be "partition" or "apply", not {groups!r}')
    param_map = {str(k): _param(v) for k, v in (params or {}).items()}
    frames = {name: _with_rows(df, row) for name, df in collections.items()}
    if not frames:
        raise ValueError("no collection given")
    spark = next(iter(frames.values())).sparkSession
    stages = plan(pack_ids)

    # The small collections, whole, in row order: broadcast as Arrow IPC.
    small = {name: _to_arrow(frames[name]) for name in BROADCAST if name in frames}
    small_plain = {k: t.drop_columns([ROW]) for k, t in small.items()}
    small_rows = [(k, t.column(ROW).to_pylist()) for k, t in small.items()]

    def ipc(t: Any) -> bytes:
        sink = pa.BufferOutputStream()
        with pa.ipc.new_stream(sink, t.schema) as w:
            w.write_table(t)
        return sink.getvalue().to_pybytes()

    base: Dict[str, Any] = {"reporting_year": reporting_year} if reporting_year is not None else {}

    def run_local(
        data: Dict[str, Any], units: List[Tuple[str, int]], rows: List[Any], stage: str, empty: bool
    ) -> Tuple[Any, str]:
        ds = dataset({**base, **data})
        found, part = _native.check_part(ds, pack_ids, param_map, units, rows, lang, stage, empty)
        return pa.table(found), part

    # The driver's run of the checks of whole collections and of the small ones.
    driver_units = stages.pop(("driver", "", ()), [])
    needs = set(BROADCAST)
    for s in scopes(pack_ids):
        if _on_driver(s):
            needs.add(s["entity"])
            needs.update(s["reads"])
    whole = {n: _to_arrow(frames[n]) for n in sorted(needs) if n in frames and n not in small}
    data = dict(small_plain)
    data.update({k: t.drop_columns([ROW]) for k, t in whole.items()})
    rows = small_rows + [(k, t.column(ROW).to_pylist()) for k, t in whole.items()]
    found, driver_part = run_local(data, driver_units, rows, "driver", False)
    schema = _out_schema(found)
    outputs = [spark.createDataFrame(_plain(found, schema))]

    # Each stage's checks over no record: what a run says of them when no partition has one
    # (not in force, no records).
    empty_parts = [
        run_local(dict(small_plain), units, small_rows, _stage_name(stage), True)[1]
        for stage, units in stages.items()
    ]

    from pyspark.sql.pandas.types import from_arrow_schema  # type: ignore[import-not-found,unused-ignore]  # optional dependency

    spark_schema = from_arrow_schema(schema)
    bc = spark.sparkContext.broadcast({k: ipc(t) for k, t in small_plain.items()})
    job_base = {"tag": uuid.uuid4().hex, "year": reporting_year, "packs": pack_ids, "params": param_map, "lang": lang, "schema": schema}
    for (where, entity, key), units in stages.items():
        if entity not in frames:
            continue
        df = frames[entity]
        # Dotted names (`agreement.signed_on`) would be read as struct fields by Spark's
        # planner: columns go by position and get their names back in the worker.
        names = list(df.columns)
        key0 = key
        df = df.toDF(*[f"_c{i}" for i in range(len(names))])
        key = tuple(f"_c{names.index(k)}" for k in key if k in names)
        job = dict(job_base, units=units, names=names, stage=_stage_name((where, entity, key0)))
        if where == "record":
            outputs.append(df.mapInArrow(_mapper(entity, bc, job), spark_schema))
        elif groups == "apply":
            outputs.append(df.groupBy(*[_col(k) for k in key]).applyInArrow(_grouper(entity, bc, job), spark_schema))
        else:
            n = partitions or int(spark.conf.get("spark.sql.shuffle.partitions") or 200)
            parted = df.repartition(n, *[_col(k) for k in key])
            outputs.append(parted.mapInArrow(_mapper(entity, bc, job), spark_schema))
    both = reduce(lambda a, b: a.unionByName(b), outputs).persist(StorageLevel.MEMORY_AND_DISK)
    return SparkReport(both, [driver_part] + empty_parts, pack_ids, param_map)
